import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildApi } from '../../shared/ipc/build-api';
import { channels } from '../../shared/ipc/channels';
import { browserBindingName } from '../../shared/ipc/api';
import { browserShellOrigin } from '../core/renderer-security';
import { apiInitScript } from './api-init-script';

type ApiShape = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

/** Runs the init script in a bare JavaScript context standing in for the page (no Node, no helpers). */
function runInitScript(origin: string) {
  const calls: [string, unknown][] = [];
  const window: Record<string, unknown> = {
    location: { origin },
    [browserBindingName]: async (channel: string, input: unknown) => (calls.push([channel, input]), { ok: true }),
  };
  runInNewContext(apiInitScript(), { window, Object });
  return { api: window.api as ApiShape | undefined, calls, window };
}

describe('window.api in the browser shell', () => {
  it('is built by the same buildApi as the Electron preload: same domains, actions, frozen, calls routed unchanged', async () => {
    const { api, calls } = runInitScript(browserShellOrigin);
    const electronApi = buildApi(channels, async () => ({ ok: true }));
    expect(api).toBeDefined();
    const shape = (a: ApiShape) => Object.fromEntries(Object.entries(a).map(([d, g]) => [d, Object.keys(g).sort()]));
    expect(shape(api!)).toEqual(shape(electronApi));
    expect(Object.isFrozen(api) && Object.isFrozen(api!.users)).toBe(true);
    await api!.users!.search!({ customerId: 'C1', q: 'x' });
    await api!.app!.info!();
    expect(calls).toEqual([['users:search', { customerId: 'C1', q: 'x' }], ['app:info', {}]]);
  });

  it('carries buildApi’s own source, so a change to buildApi reaches both hosts', () => {
    expect(apiInitScript()).toContain(buildApi.toString());
  });

  it('works whichever of the binding and this script the page gets first', async () => {
    const calls: string[] = [];
    const window: Record<string, unknown> = { location: { origin: browserShellOrigin } };
    runInNewContext(apiInitScript(), { window, Object, Promise, Error });
    window[browserBindingName] = async (channel: string) => (calls.push(channel), { ok: true });
    await (window.api as ApiShape).app!.info!();
    expect(calls).toEqual(['app:info']);
  });

  it('without a binding, a call fails with a reason instead of hanging', async () => {
    const window: Record<string, unknown> = { location: { origin: browserShellOrigin } };
    runInNewContext(apiInitScript(), { window, Object, Promise, Error });
    await expect((window.api as ApiShape).app!.info!()).rejects.toThrow('the console binding is missing');
  });

  it('defines nothing on another origin, and cannot be overwritten', () => {
    expect(runInitScript('https://evil.example').api).toBeUndefined();
    const { window } = runInitScript(browserShellOrigin);
    expect(() => Object.defineProperty(window, 'api', { value: {} })).toThrow(TypeError);
  });
});
