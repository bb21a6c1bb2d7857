import { describe, expect, it } from 'vitest';
import { buildApi } from './build-api';
import { channels } from './channels';

describe('preload api', () => {
  it('exposes one frozen function per channel and nothing else', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(channels, async (channel, input) => { calls.push([channel, input]); return { ok: true }; });
    expect(Object.keys(api).sort()).toEqual([...new Set(channels.map((c) => c.split(':')[0]))].sort());
    await api.users!.search!({ customerId: 'C1', q: 'x' });
    await api.app!.info!();
    expect(calls).toEqual([['users:search', { customerId: 'C1', q: 'x' }], ['app:info', {}]]);
    expect(Object.isFrozen(api) && Object.isFrozen(api.users)).toBe(true);
    expect('invoke' in api || 'ipcRenderer' in api).toBe(false);
  });
});
