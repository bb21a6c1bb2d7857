import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { startCoreThread } from '../../src/main/browser-shell/core-thread';
import { browserShellOrigin } from '../../src/main/core/renderer-security';
import { startSimulator, type SimulatorHandle } from '../../src/portal-sim/index';

/**
 * The browser shell's core on its worker thread, from the bundle `npm start` runs (out/main/core-worker.js,
 * built by the e2e global set-up): the page's calls reach it and come back, and what cannot cross does not crash it.
 */
const workerFile = resolve('out/main/core-worker.js');
const fromConsole = { origin: browserShellOrigin, isTopFrame: true };

describe('the core on its own thread', () => {
  const dirs: string[] = [];
  let core: Core | null = null;
  let sim: SimulatorHandle | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
    await sim?.close();
    sim = null;
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  const userDataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reset-console-core-thread-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (dir: string) => {
    sim = await startSimulator({ port: 0 });
    const thread = startCoreThread({ argv: ['--headless', `--portal-url=${sim.url}`, `--user-data-dir=${dir}`], display: false, allowedOrigin: browserShellOrigin }, workerFile);
    expect(await thread.plan).toMatchObject({ userDataDir: dir, headless: true, debuggingPort: null, portalOverride: { mode: 'url', url: sim.url } });
    return thread.core;
  };

  // One core thread per process, as in the CLI: keytar (a native module) cannot be loaded by a second
  // worker once the first has ended. The CLI's refusal of a planted audit.log is covered in foundation.test.ts.
  it('reads the command line, answers the page’s calls, refuses another origin, survives input it cannot copy, and after close says so', async () => {
    const running = await start(await userDataDir());
    core = running;
    const info = await running.dispatcher.dispatch('app:info', {}, fromConsole);
    expect(info).toMatchObject({ ok: true, data: { host: 'browser' } });
    const foreign = await running.dispatcher.dispatch('app:info', {}, { origin: 'https://evil.example', isTopFrame: true });
    expect(foreign.ok).toBe(false);
    const uncopyable = await running.dispatcher.dispatch('customers:search', { query: () => 'x' }, fromConsole);
    expect(uncopyable).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await running.dispatcher.dispatch('settings:get', {}, fromConsole)).ok).toBe(true);

    core = null;
    await running.close();
    const late = await running.dispatcher.dispatch('app:info', {}, fromConsole);
    expect(late).toMatchObject({ ok: false, error: { code: 'internal_error' } });
  });
});
