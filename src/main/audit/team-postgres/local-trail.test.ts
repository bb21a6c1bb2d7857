import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalAuditStore } from '../local/local-audit-store';
import { jsonlTrail } from './local-trail';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('the JSONL audit log as the outbox trail', () => {
  it('reads in order after a position, in batches, passing over a torn line and not a line still being written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'trail-'));
    dirs.push(dir);
    const file = path.join(dir, 'audit.log');
    const trail = jsonlTrail(file);
    expect(await trail.readAfter(null, 10)).toEqual({ entries: [], next: '0' });
    const log = await openLocalAuditStore(dir, { key: null });
    const draft = { action: 'reset_sent' as const, staffName: 'Ann', profile: 'demo', outcome: 'sent' };
    const ids = [(await log.append(draft)).id, (await log.append(draft)).id];
    await log.close();
    await appendFile(file, '{"id":"torn-by-a-cra\n');
    const third = await openLocalAuditStore(dir, { key: null });
    ids.push((await third.append(draft)).id);
    await third.close();
    await appendFile(file, '{"id":"half-written"'); // no newline yet: not shipped, not skipped

    const first = await trail.readAfter(null, 2);
    expect(first.entries.map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(await trail.countAfter(first.next)).toBe(1);
    const rest = await trail.readAfter(first.next, 10);
    expect(rest.entries.map((e) => e.id)).toEqual([ids[2]]);
    expect(await trail.readAfter(rest.next, 10)).toEqual({ entries: [], next: rest.next });
  });
});
