import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSimulator, type SimulatorHandle } from '../../../src/portal-sim/index';
import { createCore, type Core, type CoreOptions } from '../../../src/main/core/create-core';
import { createLogger } from '../../../src/main/log/logger';
import { createMemoryVault } from '../../../src/main/vault/memory-vault';
import type { DataFile } from '../../../src/portal-sim/data-file';
import type { FaultRequest } from '../../../src/portal-sim/sim-schemas';
import type { Result } from '../../../src/shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src/shared/ipc/contract';

export const origin = 'app://console';
export const canary = 'Canary-Pw-7f3a9!';
export const JANE = 'jsmith@acme.voip';
export const JANE_EMAIL = 'jane.smith@acmedental.co.uk';

/** A small directory whose parent-admin password is the canary, so any leak of it can be searched for. */
export function testData(password = canary): DataFile {
  return {
    parentAdmins: [{ username: 'helpdesk', password }],
    customers: [
      {
        id: 'C1001',
        name: 'Acme Dental',
        accountNumber: '100-2001',
        status: 'active',
        city: 'Leeds',
        users: [
          { userId: JANE, firstName: 'Jane', lastName: 'Smith', extension: '1042', phoneNumber: '+441135551042', email: JANE_EMAIL, alternateIds: ['jane.s'], department: 'Front desk', status: 'active' },
          { userId: 'reception@acme.voip', firstName: 'Front', lastName: 'Desk', extension: '1000', email: JANE_EMAIL, status: 'active' },
          { userId: 'bob@acme.voip', firstName: 'Bob', lastName: 'Jones', extension: '1043', email: 'bob@acmedental.co.uk', status: 'active' },
          { userId: 'gone@acme.voip', firstName: 'Gone', lastName: 'Away', extension: '1044', email: 'gone@acmedental.co.uk', status: 'disabled' },
          { userId: 'nomail@acme.voip', firstName: 'No', lastName: 'Mail', extension: '1045', email: null, status: 'active' },
          { userId: '=cmd@acme.voip', firstName: '=HYPERLINK("x")', lastName: 'Formula', extension: '1046', email: 'f@acmedental.co.uk', status: 'active' },
        ],
      },
      { id: 'C2002', name: 'Suspended Ltd', accountNumber: '100-2002', status: 'suspended', city: 'York', users: [] },
    ],
  };
}

/** The Email a test user has in `testData`: what the reset dialog shows and the staffer confirms (v1.1 `expectedEmail`). */
export function emailOf(userId: string): string {
  const user = testData().customers.flatMap((c) => c.users).find((u) => u.userId === userId);
  // A user without an Email gets an address anyway: the portal answers `no_email` before it compares.
  return user?.email ?? `${userId.split('@')[0]}@acmedental.co.uk`;
}

export interface Harness {
  sim: SimulatorHandle;
  core: Core;
  dir: string;
  logs: string[];
  results: unknown[];
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Like call, but returns the data or throws with the error code. */
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  sim$: SimControl;
  close(): Promise<void>;
}

export interface SimControl {
  fault(f: FaultRequest): Promise<void>;
  clearFaults(): Promise<void>;
  stats(): Promise<{ requests: number; passwordResets: number; emailsSent: number }>;
  outbox(to?: string): Promise<{ to: string; kind: string; tempPassword: string }[]>;
  advance(ms: number): Promise<void>;
  reset(): Promise<void>;
}

export function simControl(url: string): SimControl {
  const req = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(url + p, { method, headers: body ? { 'content-type': 'application/json' } : {}, ...(body ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`sim ${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    fault: async (f) => void (await req('POST', '/_sim/faults', f)),
    clearFaults: async () => void (await req('DELETE', '/_sim/faults')),
    stats: () => req('GET', '/_sim/stats'),
    outbox: async (to) => (await req('GET', `/_sim/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`)).messages,
    advance: async (ms) => void (await req('POST', '/_sim/clock', { advanceMs: ms })),
    reset: async () => void (await req('POST', '/_sim/reset')),
  };
}

export interface HarnessOptions {
  data?: DataFile;
  /** Sign in with the canary (session storage) before returning. */
  signIn?: boolean;
  core?: Partial<CoreOptions>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ data: options.data ?? testData() });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'core-it-'));
  const logs: string[] = [];
  const results: unknown[] = [];
  // No secret list is given to the logger: the test proves the core never hands it a secret at all.
  const log = createLogger((line) => logs.push(line));
  const keychain = Object.assign(createMemoryVault(), { probe: async () => {} });
  const core = await createCore({
    host: 'browser',
    version: '0.0.0-test',
    userDataDir: dir,
    portalOverride: { mode: 'url', url: sim.url },
    allowedOrigin: origin,
    log,
    startDemoPortal: async () => {
      throw new Error('demo portal not used in this test');
    },
    keychain,
    gateway: { responseTimeoutMs: 1_500, connectTimeoutMs: 1_000, backoffMs: 20, maxRetryWaitMs: 2_000 },
    ...options.core,
  });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = (await core.dispatcher.dispatch(channel, input, { origin, isTopFrame: true })) as Result<ChannelOutput<C>>;
    results.push(result);
    return result;
  };
  const ok = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const r = await call(channel, input);
    if (!r.ok) throw Object.assign(new Error(`${channel} failed: ${r.error.code}`), { code: r.error.code });
    return r.data;
  };
  const h: Harness = {
    sim,
    core,
    dir,
    logs,
    results,
    call,
    ok,
    sim$: simControl(sim.url),
    close: async () => {
      await core.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  if (options.signIn ?? true) {
    await ok('auth:signIn', { portal: { mode: 'url', url: sim.url }, username: 'helpdesk', password: canary, storage: 'session' });
  }
  return h;
}
