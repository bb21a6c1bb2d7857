import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, JANE, startHarness, type Harness, emailOf } from './core-harness';

const forms = [canary, encodeURIComponent(canary), Buffer.from(canary).toString('base64'), Buffer.from(canary).toString('base64url'), JSON.stringify(canary).slice(1, -1)];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

describe('the parent-admin password never leaks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ signIn: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('through IPC answers, logs, files or error messages, whatever the portal does', async () => {
    const signIn = { portal: { mode: 'url' as const, url: h.sim.url }, username: 'helpdesk', password: canary, storage: 'session' as const };
    // Sign-in itself, the one request that carries the password, under every fault.
    for (const fault of [
      { kind: 'status' as const, status: 500, times: 3 },
      { kind: 'status' as const, status: 401, times: 3 },
      { kind: 'malformed' as const, times: 3 },
      { kind: 'drop' as const, times: 3 },
      { kind: 'latency' as const, latencyMs: 2_000, times: 3 },
    ]) {
      await h.sim$.fault({ path: '/pap/v1/sessions', ...fault });
      expect((await h.call('auth:signIn', signIn)).ok).toBe(false);
      await h.sim$.clearFaults();
    }
    await h.ok('auth:signIn', signIn);
    await h.ok('auth:status', {});
    await h.ok('app:info', {});
    await h.ok('settings:get', {});
    await h.ok('customers:search', { name: 'acme' });
    await h.ok('customers:open', { customerId: 'C1001' });
    await h.ok('users:search', { customerId: 'C1001', q: '' });
    await h.ok('reset:warnings', { customerId: 'C1001', userId: JANE });
    await h.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-canary-001', expectedEmail: emailOf(JANE) });
    // Silent renewals re-send the password: with the portal answering badly too.
    for (const fault of [{ kind: 'drop' as const }, { kind: 'malformed' as const }, { kind: 'status' as const, status: 500 }, { kind: 'latency' as const, latencyMs: 2_000 }]) {
      await h.sim$.advance(31 * 60_000);
      await h.sim$.fault({ path: '/pap/v1/sessions', times: 3, ...fault });
      await h.call('customers:search', { name: 'acme' });
      await h.sim$.clearFaults();
    }
    await h.sim$.fault({ path: '/cap/v1/users', kind: 'drop', times: 2 });
    await h.call('reset:start', { customerId: 'C1001', userId: 'bob@acme.voip', intentId: 'intent-canary-002', expectedEmail: emailOf('bob@acme.voip') });
    const history = await h.ok('history:list', {});
    await h.ok('history:refreshStatus', { entryId: history.entries[0]!.id });
    await h.ok('history:exportCsv', {});
    await h.ok('history:noteCopied', { entryId: history.entries[0]!.id, customerId: 'C1001', userId: JANE });
    await h.call('auth:signIn', { ...signIn, password: `${canary}-wrong` });
    await h.ok('auth:forget', {});

    const haystacks: [string, string][] = [
      ['ipc', JSON.stringify(h.results)],
      ['logs', h.logs.join('\n')],
    ];
    for (const file of await filesUnder(h.dir)) haystacks.push([path.basename(file), await readFile(file, 'latin1')]);
    expect(haystacks.map(([where]) => where)).toEqual(expect.arrayContaining(['audit.log', 'settings.json']));
    // The haystacks are real: what is allowed to show (the username) does show.
    expect(haystacks.find(([w]) => w === 'audit.log')![1]).toContain('helpdesk');
    expect(h.logs.length).toBeGreaterThan(20);
    for (const [where, text] of haystacks) for (const form of forms) expect(text.includes(form), `${where} contains ${form}`).toBe(false);
    // The failures really happened and were reported with codes.
    const codes = new Set(h.results.flatMap((r) => ((r as { ok: boolean; error?: { code: string } }).ok ? [] : [(r as { error: { code: string } }).error.code])));
    expect([...codes]).toEqual(expect.arrayContaining(['portal_error', 'portal_bad_response', 'portal_timeout', 'invalid_credentials']));
  });
});
