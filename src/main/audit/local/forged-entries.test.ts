import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalAuditStore } from './local-audit-store';

/** Issue 14 row 7: lines written into audit.log by hand must not pass as the console's own. */

const key = Buffer.alloc(32, 9);
const jane = { profile: 'demo', customerId: 'C1001', userId: 'jsmith@acme.voip' };
const all = Number.MAX_SAFE_INTEGER;

async function trailWithTwoResets(chainKey: Buffer | null) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-forged-'));
  const log = await openLocalAuditStore(dir, { key: chainKey });
  const first = await log.append({ ...jane, staffName: 'Sam', action: 'reset_sent', outcome: 'sent', status: 'pending' });
  const second = await log.append({ ...jane, staffName: 'Sam', action: 'reset_sent', outcome: 'sent', status: 'pending' });
  await log.close();
  return { dir, file: path.join(dir, 'audit.log'), first, second };
}

function handWritten(id: string, at: string, staffName = 'Mallory'): string {
  return JSON.stringify({ id, at, action: 'reset_sent', staffName, profile: 'demo', customerId: 'C1001', userId: 'jsmith@acme.voip', outcome: 'sent', status: 'completed' }) + '\n';
}

describe('hand-written audit lines', () => {
  it('show as not verifiable, never sort to the top, and do not count as resets of the user', async () => {
    const { dir, file, second } = await trailWithTwoResets(key);
    const recent = new Date(Date.now() - 60_000).toISOString();
    await appendFile(file, handWritten('forged-plain', recent) + handWritten('forged-future', '9999-12-31T23:59:59.000Z') + handWritten('forged-nodate', 'not a date'));
    const log = await openLocalAuditStore(dir, { key });
    const page = await log.listResets({}, { limit: 10 });
    expect(page.records[0]!.id).not.toMatch(/^forged-(future|nodate)$/);
    const byId = new Map(page.records.map((r) => [r.id, r]));
    expect(byId.get(second.id)).toMatchObject({ verifiable: true, unverifiableReason: null });
    for (const id of ['forged-plain', 'forged-future', 'forged-nodate']) expect(byId.get(id), id).toMatchObject({ verifiable: false, unverifiableReason: expect.any(String) });
    // The future and the non-date sort below the last genuine entry, not above it.
    const order = page.records.map((r) => r.id);
    expect(order.indexOf('forged-future')).toBeGreaterThan(order.indexOf(second.id));
    expect(order.indexOf('forged-nodate')).toBeGreaterThan(order.indexOf(second.id));
    const counted = (await log.resetsOfUser(jane, new Date(Date.now() - 86_400_000))).filter((e) => e.verifiable);
    expect(counted).toHaveLength(2);
    await log.close();
  });

  it('a changed field, a removed entry or a copied seal breaks the chain at that entry', async () => {
    const { dir, file, first, second } = await trailWithTwoResets(key);
    const [l1, l2] = (await readFile(file, 'utf8')).trim().split('\n');
    // Another staff name on a genuine line.
    await writeFile(file, `${l1!.replace('"Sam"', '"Mallory"')}\n${l2}\n`);
    let log = await openLocalAuditStore(dir, { key });
    expect((await log.get(first.id))!.unverifiableReason).toMatch(/seal does not match/);
    expect((await log.get(second.id))!.verifiable).toBe(true);
    await log.close();
    // The first entry removed: the second one shows the gap.
    await writeFile(file, `${l2}\n`);
    log = await openLocalAuditStore(dir, { key });
    expect((await log.get(second.id))!.unverifiableReason).toMatch(/before it was removed/);
    await log.close();
    // A copy of a genuine line under a new id (seal fields kept).
    await writeFile(file, `${l1}\n${l2}\n${l2!.replace(second.id, 'copied-id')}\n`);
    log = await openLocalAuditStore(dir, { key });
    expect((await log.get('copied-id'))!.verifiable).toBe(false);
    await log.close();
  });

  it('without the key, a forger cannot pass entries off by sealing them with a plain hash after keyed sealing began', async () => {
    const { dir } = await trailWithTwoResets(key);
    // A session with no keychain writes plain-hash entries; once the key is back they are marked.
    const keyless = await openLocalAuditStore(dir, { key: null });
    const plain = await keyless.append({ ...jane, staffName: 'Sam', action: 'reset_sent', outcome: 'sent', status: 'pending' });
    expect((await keyless.get(plain.id))!.verifiable).toBe(false);
    await keyless.close();
    const keyed = await openLocalAuditStore(dir, { key });
    expect((await keyed.get(plain.id))!.unverifiableReason).toMatch(/without the audit key/);
    await keyed.close();
  });

  it('where there is no keychain, a plain hash chain still shows an edited line', async () => {
    const { dir, file, first, second } = await trailWithTwoResets(null);
    let log = await openLocalAuditStore(dir, { key: null });
    expect((await log.entriesAfter(null, all)).every((e) => e.verifiable)).toBe(true);
    await log.close();
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"status":"pending"', '"status":"completed"'));
    log = await openLocalAuditStore(dir, { key: null });
    expect((await log.get(first.id))!.verifiable).toBe(false);
    expect((await log.get(second.id))!.verifiable).toBe(true);
    await log.close();
  });

  it('an entry with a time far before the one it follows is not verifiable, even with a good seal', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-clock-'));
    let clock = Date.parse('2026-06-01T12:00:00.000Z');
    const log = await openLocalAuditStore(dir, { key, now: () => new Date(clock) });
    await log.append({ ...jane, staffName: 'Sam', action: 'reset_sent', outcome: 'sent' });
    clock -= 3_600_000;
    const early = await log.append({ ...jane, staffName: 'Sam', action: 'reset_sent', outcome: 'sent' });
    expect((await log.get(early.id))!.unverifiableReason).toMatch(/earlier than the entry before it/);
    await log.close();
  });
});
