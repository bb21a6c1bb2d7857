import { appendFile, mkdtemp, readFile, rm, stat, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxFieldChars, maxLineBytes } from './entry-limits';
import { openLocalAuditStore } from './local-audit-store';

/** Issue 14 row 6: giant portal strings never make a giant line, and an old log with giant lines still reads. */

const jane = { profile: 'demo', customerId: 'C1001', userId: 'jsmith@acme.voip', staffName: 'Sam' };

describe('over-long strings and lines', () => {
  it('caps every field at the store boundary: a 1.9 MB customer name makes a short line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-cap-'));
    const log = await openLocalAuditStore(dir, { key: null });
    const saved = await log.append({ ...jane, action: 'customer_opened', customerName: 'Ä'.repeat(1_900_000), outcome: 'ok' });
    await log.close();
    expect(saved.customerName).toHaveLength(maxFieldChars);
    expect(saved.customerName!.endsWith('…')).toBe(true);
    expect((await stat(path.join(dir, 'audit.log'))).size).toBeLessThan(maxLineBytes);
    expect((await readFile(path.join(dir, 'audit.log'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('reads past a 600 MB line and a 2 MB one: History, the warning and later appends still work', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-giant-'));
    const file = path.join(dir, 'audit.log');
    let log = await openLocalAuditStore(dir, { key: null });
    const before = await log.append({ ...jane, action: 'reset_sent', outcome: 'sent', status: 'pending' });
    await log.close();
    // An old log's giant lines: one of JSON with a 2 MB name, and 600 MB of one line (sparse, so the disk is spared).
    await appendFile(file, JSON.stringify({ ...jane, id: 'giant', at: new Date().toISOString(), action: 'customer_opened', customerName: 'x'.repeat(2_000_000), outcome: 'ok' }) + '\n');
    const { size } = await stat(file);
    await truncate(file, size + 600 * 1024 * 1024);
    await appendFile(file, '\n');
    log = await openLocalAuditStore(dir, { key: null });
    expect(await log.stats()).toMatchObject({ entries: 1, oversizeLines: 2 });
    const after = await log.append({ ...jane, action: 'reset_sent', outcome: 'sent', status: 'pending' });
    expect((await log.listResets({})).records.map((r) => r.id)).toEqual([after.id, before.id]);
    expect(await log.resetsOfUser(jane, new Date(Date.now() - 60_000))).toHaveLength(2);
    await log.close();
    // The giant file was set aside rather than grown further; a reopen still finds both resets.
    log = await openLocalAuditStore(dir, { key: null });
    expect((await log.listResets({})).total).toBe(2);
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });
});
