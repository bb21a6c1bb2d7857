import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closers, customerJson, failureCode, fakePortal, future, gateway, json } from './fake-portal.test-kit';

/** Sessions of the Portal API v1 gateway: judged on the portal's clock, and final at sign-out (issue 14). */

describe('token lifetimes on the portal clock (issue 14 row 9)', () => {
  /** A portal whose clock is `skewMs` off ours; its sessions say `expiresAt` = its now + `lifetimeMs`. */
  async function skewedPortal(skewMs: number, lifetimeMs = 30 * 60_000) {
    let signIns = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      const portalNow = Date.now() + skewMs;
      const headers = { 'content-type': 'application/json', date: new Date(portalNow).toUTCString() };
      if (req.url === '/pap/v1/sessions') {
        signIns++;
        res.writeHead(201, headers).end(JSON.stringify({ token: `t${signIns}`, expiresAt: new Date(portalNow + lifetimeMs).toISOString() }));
      } else if (req.url!.startsWith('/pap/v1/customers?')) {
        const { id, name, accountNumber, status, city, userCount } = customerJson;
        res.writeHead(200, headers).end(JSON.stringify({ customers: [{ id, name, accountNumber, status, city, userCount }], total: 1 }));
      } else {
        res.writeHead(200, headers).end(JSON.stringify(customerJson));
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => {
      server.closeAllConnections();
      server.close();
    });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, signIns: () => signIns };
  }

  it.each([
    ['an hour behind ours', -60 * 60_000, undefined],
    ['an hour ahead of ours', 60 * 60_000, undefined],
    ['right, but expiresAt already in the past', 0, -5 * 60_000],
  ])('with the portal clock %s, 20 searches and 10 status reads sign in once', async (_label, skewMs, lifetimeMs) => {
    const portal = await skewedPortal(skewMs, lifetimeMs);
    const g = gateway(portal.url);
    for (let i = 0; i < 20; i++) await g.searchCustomers('acme', undefined);
    for (let i = 0; i < 10; i++) await g.getCustomer('C1');
    expect(portal.signIns()).toBe(1);
  });

  it('a token is renewed after the lifetime the portal gave, counted on our clock', async () => {
    const portal = await skewedPortal(-60 * 60_000);
    let now = Date.now();
    const g = gateway(portal.url, { now: () => now });
    await g.getCustomer('C1');
    now += 29 * 60_000;
    await g.getCustomer('C1');
    expect(portal.signIns()).toBe(1);
    now += 2 * 60_000;
    await g.getCustomer('C1');
    expect(portal.signIns()).toBe(2);
  });
});

describe('sign-out is final (issue 14 row 2)', () => {
  it('a silent sign-in answered after sign-out is not kept, and the call waiting for it fails not_signed_in', async () => {
    let release: () => void = () => {};
    const answered = new Promise<void>((r) => (release = r));
    const portal = await fakePortal((_req, res) => json(res, 200, customerJson));
    // The portal's sign-in answer is held back until the staffer has signed out.
    const slow = http.createServer((req, res) => {
      req.resume();
      if (req.url === '/pap/v1/sessions') void answered.then(() => json(res, 201, { token: 'late', expiresAt: future() }));
      else fetch(portal.url + req.url!, { headers: { authorization: req.headers.authorization ?? '' } }).then(async (r) => res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text()));
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    closers.push(() => {
      slow.closeAllConnections();
      slow.close();
    });
    let stored: { username: string; password: string } | null = { username: 'u', password: 'p' };
    const g = gateway(`http://127.0.0.1:${(slow.address() as AddressInfo).port}`, { credentials: async () => stored });
    const pending = g.getCustomer('C1');
    await new Promise((r) => setTimeout(r, 100));
    await g.signOut();
    stored = null;
    release();
    expect(await failureCode(pending)).toBe('not_signed_in');
    expect(g.hasParentSession()).toBe(false);
    expect(await failureCode(g.getCustomer('C1'))).toBe('not_signed_in');
    expect(portal.seen.filter((s) => s.url.startsWith('/pap/v1/customers'))).toHaveLength(0);
  });
});
