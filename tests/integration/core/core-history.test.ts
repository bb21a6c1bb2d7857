import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JANE, JANE_EMAIL, startHarness, type Harness, emailOf } from './core-harness';

async function changePassword(h: Harness, userId: string, email: string): Promise<void> {
  const temp = (await h.sim$.outbox(email)).at(-1)!.tempPassword;
  const post = (p: string, body: unknown) => fetch(h.sim.url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const signIn = (await (await post('/mpn/v1/sessions', { username: userId, password: temp })).json()) as { error: { changeToken: string } };
  const changed = await post('/mpn/v1/password/change', { changeToken: signIn.error.changeToken, newPassword: 'Brand-New-Pa55!' });
  expect(changed.status).toBe(204);
}

describe('history', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.ok('settings:setStaffName', { staffName: 'Sam Helper' });
    await h.ok('customers:open', { customerId: 'C1001' });
    await h.ok('users:get', { customerId: 'C1001', userId: JANE });
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists resets newest first, filtered by customer, user, time and status', async () => {
    await h.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-hist-0001', expectedEmail: emailOf(JANE) });
    await h.ok('reset:start', { customerId: 'C1001', userId: 'bob@acme.voip', intentId: 'intent-hist-0002', expectedEmail: emailOf('bob@acme.voip') });
    const all = (await h.ok('history:list', {})).entries;
    expect(all.map((e) => e.userId)).toEqual(['bob@acme.voip', JANE]);
    expect(all[0]).toMatchObject({ staffName: 'Sam Helper', customerName: 'Acme Dental', status: 'pending' });
    expect((await h.ok('history:list', { user: 'SMITH' })).entries.map((e) => e.userId)).toEqual([JANE]);
    expect((await h.ok('history:list', { customer: 'dental' })).entries).toHaveLength(2);
    expect((await h.ok('history:list', { customer: 'nobody' })).entries).toHaveLength(0);
    expect((await h.ok('history:list', { from: new Date(Date.now() + 60_000).toISOString() })).entries).toHaveLength(0);
    expect((await h.ok('history:list', { status: 'completed' })).entries).toHaveLength(0);
  });

  it('refreshes the live status: completed after the user changed the password, expired after 24 h', async () => {
    const [bob, jane] = (await h.ok('history:list', {})).entries;
    await changePassword(h, JANE, JANE_EMAIL);
    const janeNow = await h.ok('history:refreshStatus', { entryId: jane!.id });
    expect(janeNow).toMatchObject({ status: 'completed', statusCheckedAt: expect.any(String) });
    await h.sim$.advance(25 * 60 * 60_000);
    expect((await h.ok('history:refreshStatus', { entryId: bob!.id })).status).toBe('expired');
    // The checks are remembered.
    expect((await h.ok('history:list', { status: 'completed' })).entries.map((e) => e.id)).toEqual([jane!.id]);
  });

  it('keeps the last known status when the portal cannot answer', async () => {
    const [bob] = (await h.ok('history:list', {})).entries;
    await h.sim$.fault({ path: '/cap/v1/users', kind: 'status', status: 503, times: 10 });
    const again = await h.ok('history:refreshStatus', { entryId: bob!.id });
    await h.sim$.clearFaults();
    expect(again.status).toBe(bob!.status);
    expect(again.statusCheckedAt).toBe(bob!.statusCheckedAt);
  });

  it('exports CSV with formulas neutralised and records copied notes', async () => {
    await h.ok('users:search', { customerId: 'C1001', q: 'formula' });
    await h.ok('reset:start', { customerId: 'C1001', userId: '=cmd@acme.voip', intentId: 'intent-hist-0003', expectedEmail: emailOf('=cmd@acme.voip') });
    const { csv, fileName } = await h.ok('history:exportCsv', {});
    expect(fileName).toMatch(/^reset-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^Time,Staff,Portal,/);
    expect(lines[1]).toContain(`'=cmd@acme.voip`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") Formula"`);
    expect(lines.filter(Boolean)).toHaveLength(4);
    const [latest] = (await h.ok('history:list', {})).entries;
    expect(await h.ok('history:noteCopied', { entryId: latest!.id, customerId: 'C1001', userId: '=cmd@acme.voip' })).toEqual({});
  });

  it('refuses an unknown entry', async () => {
    expect(await h.call('history:refreshStatus', { entryId: 'no-such-entry' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
