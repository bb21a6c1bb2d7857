/* eslint-disable @typescript-eslint/no-explicit-any -- breaking test data on purpose */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataFile, startSimulator } from '../../../src/portal-sim/index';
import { customer } from '../../../src/shared/domain/portal-entities';
import { DAY, SimClient } from './sim-client';

const validData = {
  parentAdmins: [{ username: 'ops', password: 'Ops-Password-1!' }],
  customers: [
    {
      id: 'C1001', name: 'Acme Dental', accountNumber: '100-2001', status: 'active', city: 'Leeds',
      users: [
        { userId: 'jsmith@acme.voip', firstName: 'Jane', lastName: 'Smith', extension: '1042', phoneNumber: '+441135551042',
          email: 'jane.smith@acmedental.co.uk', alternateIds: ['jane.s'], department: 'Front desk', status: 'active', password: 'Known-Password-1' },
        { userId: 'old@acme.voip', firstName: 'Old', lastName: 'Timer', extension: '1043', password: 'Ancient-Password-1', passwordChangedAt: '2020-01-01T00:00:00.000Z' },
      ],
    },
    { id: 'C2002', name: 'Minimal', users: [] },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portal-sim-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('--data files', () => {
  it('loads a valid file and serves it, optional fields null, passwords usable', async () => {
    const data = await loadDataFile(await write('valid.json', validData));
    const sim = await startSimulator({ data });
    const client = new SimClient(sim);
    try {
      expect(sim.credentials).toEqual({ username: 'ops', password: 'Ops-Password-1!' });
      const parent = await client.parentToken();
      const minimal = customer.parse((await client.call('GET', '/pap/v1/customers/C2002', { token: parent })).body);
      expect(minimal).toMatchObject({ accountNumber: null, status: 'active', city: null, address: null, primaryContact: null, userCount: 0 });
      expect((await client.call('POST', '/mpn/v1/sessions', { body: { username: 'JSMITH@acme.voip', password: 'Known-Password-1' } })).status).toBe(201);
      const old = await client.call('POST', '/mpn/v1/sessions', { body: { username: 'old@acme.voip', password: 'Ancient-Password-1' } });
      expect(old.status).toBe(403);
      expect(old.body.error.code).toBe('password_expired');
      const cap = await client.capToken('C1001');
      const user = (await client.call('GET', '/cap/v1/users/old%40acme.voip', { token: cap })).body;
      expect(user).toMatchObject({ email: null, phoneNumber: null, alternateIds: [], department: null, password: { state: 'expired', changedAt: '2020-01-01T00:00:00.000Z' } });
      const jane = (await client.call('GET', '/cap/v1/users/jsmith%40acme.voip', { token: cap })).body;
      expect(Math.abs(Date.parse(jane.password.changedAt) - Date.now())).toBeLessThan(60_000);
      await client.advance(90 * DAY);
      expect((await client.call('POST', '/mpn/v1/sessions', { body: { username: 'jsmith@acme.voip', password: 'Known-Password-1' } })).body.error.code).toBe('password_expired');
    } finally {
      await sim.close();
    }
  });

  it.each([
    ['a missing userId', (d: any) => delete d.customers[0].users[1].userId, 'customers[0].users[1].userId: Required'],
    ['a wrong status', (d: any) => (d.customers[1].status = 'gone'), 'customers[1].status:'],
    ['no parent admin', (d: any) => (d.parentAdmins = []), 'parentAdmins:'],
    ['a duplicate User ID', (d: any) => (d.customers[0].users[1].userId = 'JSMITH@acme.voip'), 'customers[0].users[1].userId: duplicate'],
    ['a bad date', (d: any) => (d.customers[0].users[1].passwordChangedAt = 'yesterday'), 'customers[0].users[1].passwordChangedAt:'],
  ])('refuses %s, naming the field', async (_what, breakIt, message) => {
    const data = structuredClone(validData);
    breakIt(data);
    const path = await write('broken.json', data);
    await expect(loadDataFile(path)).rejects.toThrow(message);
  });

  it('refuses a file that is not JSON', async () => {
    await expect(loadDataFile(await write('garbage.json', '{ nope'))).rejects.toThrow(/not valid JSON/);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; resolves once it exits or once it has printed `lines` lines (then stops it). */
function runCli(args: string[], lines = Infinity, whileUp: (stdout: string) => Promise<void> = async () => {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/portal-sim/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d.toString();
      if (stdout.split('\n').length > lines && !child.killed) void whileUp(stdout).finally(() => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI', () => {
  it('prints one listening line, then the demo credentials, and serves', async () => {
    let served = 0;
    const result = await runCli(['--port', '0', '--seed', 'cli-test'], 2, async (stdout) => {
      const url = /listening on (\S+)/.exec(stdout)?.[1];
      served = (await fetch(`${url}/pap/v1/sessions`, { method: 'POST', body: JSON.stringify({ username: 'helpdesk', password: 'x' }) })).status;
    });
    expect(served).toBe(401);
    const [first, second] = result.stdout.split('\n');
    expect(first).toMatch(/^Portal simulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.stdout.match(/Portal simulator listening on/g)).toHaveLength(1);
    expect(second).toContain('helpdesk');
  });

  it('serves a --data file with its first parent admin', async () => {
    const path = await write('cli.json', validData);
    const result = await runCli(['--port=0', '--data', path], 2);
    expect(result.stdout).toMatch(/^Portal simulator listening on http:\/\/127\.0\.0\.1:\d+\n.*ops/);
  });

  it.each([[['--bogus']], [['--port', 'abc']], [['--port']], [['--scale', '0']], [['--port', '70000']]])('exits 2 with a clear message for %j', async (args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--|Usage/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 naming the field of a broken --data file', async () => {
    const data = structuredClone(validData) as any;
    delete data.customers[0].users[0].userId;
    const result = await runCli(['--port', '0', '--data', await write('cli-broken.json', data)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('customers[0].users[0].userId: Required');
  });
});
