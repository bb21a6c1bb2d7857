import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type SimClient } from './sim-client';

let client: SimClient;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.sim.close());

describe('general rules of Portal API v1', () => {
  it('an unknown route answers 404 not_found', async () => {
    for (const path of ['/', '/pap', '/pap/v2/sessions', '/pap/v1/customers/C1001/extra/deep', '/pap/v1/sessions/', '/_sim/nothing']) {
      const res = await client.call('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('a known route with the wrong method answers 405 method_not_allowed with Allow', async () => {
    for (const [method, path] of [['GET', '/pap/v1/sessions'], ['PUT', '/cap/v1/users/x'], ['DELETE', '/pap/v1/customers'], ['GET', '/_sim/reset'], ['PATCH', '/mpn/v1/sessions']] as const) {
      const res = await client.call(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.body.error.code).toBe('method_not_allowed');
      expect(res.headers.get('allow')).toBeTruthy();
    }
  });

  it('a body over 64 KiB answers 413 payload_too_large; exactly 64 KiB is read', async () => {
    const big = JSON.stringify({ username: 'helpdesk', password: 'x'.repeat(64 * 1024) });
    const res = await client.call('POST', '/pap/v1/sessions', { rawBody: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const prefix = JSON.stringify({ username: 'nobody', password: '' });
    const exact = JSON.stringify({ username: 'nobody', password: 'x'.repeat(64 * 1024 - prefix.length) });
    expect(Buffer.byteLength(exact)).toBe(64 * 1024);
    expect((await client.call('POST', '/pap/v1/sessions', { rawBody: exact })).status).toBe(401);
  });

  it.each([
    ['malformed JSON', '{"username": "helpdesk", '],
    ['an empty body', ''],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['a wrong type', '{"username": 1, "password": "x"}'],
    ['a missing field', '{"username": "helpdesk"}'],
  ])('%s answers 400 invalid_request', async (_what, rawBody) => {
    const res = await client.call('POST', '/pap/v1/sessions', { rawBody });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('ignores unknown fields', async () => {
    const res = await client.call('POST', '/pap/v1/sessions', { body: { ...client.sim.credentials, remember: true, extra: { a: 1 } } });
    expect(res.status).toBe(201);
  });

  it('a malformed path encoding answers in the error shape', async () => {
    const res = await client.call('GET', '/cap/v1/users/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('every answer carries JSON content-type, errors carry {error:{code,message}}', async () => {
    const res = await fetch(`${client.sim.url}/pap/v1/customers?name=x`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  });

  it('answers raw HTTP garbage with a 400 in the error shape', async () => {
    const { connect } = await import('node:net');
    const text = await new Promise<string>((resolve) => {
      const socket = connect(client.sim.port, '127.0.0.1', () => socket.write('NONSENSE\r\n\r\n'));
      let out = '';
      socket.on('data', (d) => (out += d.toString()));
      socket.on('close', () => resolve(out));
    });
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(text).toContain('"code":"invalid_request"');
  });
});
