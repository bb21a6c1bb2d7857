/**
 * The main process's core, as the hosts assemble it, pointed at a simulator and signed in.
 * Calls go through `dispatcher.dispatch`: sender check → zod-parsed input → service → gateway → portal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../src/main/core/create-core';
import { createLogger } from '../src/main/log/logger';
import { createMemoryVault } from '../src/main/vault/memory-vault';
import type { Result } from '../src/shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../src/shared/ipc/contract';

export const benchOrigin = 'app://console';

export interface CoreSession {
  core: Core;
  userDataDir: string;
  /** Returns the data, or throws with the error code. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

export async function openCoreSession(
  portalUrl: string,
  credentials: { username: string; password: string },
  allowedOrigin = benchOrigin,
): Promise<CoreSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'reset-console-bench-'));
  const core = await createCore({
    host: 'browser',
    version: '0.0.0-bench',
    userDataDir,
    portalOverride: { mode: 'url', url: portalUrl },
    allowedOrigin,
    // Logging stays on (a real console logs every call); lines are dropped instead of written.
    log: createLogger(() => {}),
    startDemoPortal: async () => {
      throw new Error('the benchmarks use their own simulator');
    },
    // The session vault is used (storage 'session'); a stand-in keychain keeps the OS keychain out of it.
    keychain: Object.assign(createMemoryVault(), { probe: async () => {} }),
  });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = (await core.dispatcher.dispatch(channel, input, { origin: allowedOrigin, isTopFrame: true })) as Result<ChannelOutput<C>>;
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
    return result.data;
  };
  await call('auth:signIn', { portal: { mode: 'url', url: portalUrl }, username: credentials.username, password: credentials.password, storage: 'session' });
  return {
    core,
    userDataDir,
    call,
    close: async () => {
      await core.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
