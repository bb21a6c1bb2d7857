import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from './dispatcher';
import { silentLogger } from '../log/logger';
import { AppFailure } from '../../shared/errors';
import { contract } from '../../shared/ipc/contract';
import { channels } from '../../shared/ipc/channels';

const origin = 'app://console';
const top = { origin, isTopFrame: true };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const fail = async () => { throw new Error('not under test'); };
  return Object.fromEntries(channels.map((c) => [c, overrides[c] ?? fail])) as unknown as Handlers;
}
const info = { version: '1.0.0', host: 'browser' as const, portalMode: 'demo', keychain: { status: 'available' as const } };

describe('dispatcher', () => {
  it('keeps the plain channel list equal to the contract', () => {
    expect([...channels].sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers a valid call with {ok:true,data}', async () => {
    const d = createDispatcher(handlersWith({ 'app:info': async () => info }), origin, silentLogger);
    expect(await d.dispatch('app:info', {}, top)).toEqual({ ok: true, data: info });
  });

  it('refuses foreign origins, sub-frames and empty senders before any handler runs', async () => {
    let ran = 0;
    const d = createDispatcher(handlersWith({ 'app:info': async () => { ran++; return info; } }), origin, silentLogger);
    for (const sender of [{ origin: 'https://evil.example', isTopFrame: true }, { origin, isTopFrame: false }, { origin: '', isTopFrame: true }]) {
      const r = await d.dispatch('app:info', {}, sender);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(ran).toBe(0);
  });

  it('answers invalid_input for bad payloads and unknown_channel for unknown names', async () => {
    let ran = 0;
    const d = createDispatcher(handlersWith({ 'customers:search': async () => { ran++; return { customers: [], total: 0 }; } }), origin, silentLogger);
    for (const bad of [null, 'x', 42, [], { name: 5 }, { name: 'a'.repeat(101) }, { name: 'a', extra: 1 }, JSON.parse('{"name":"a","__proto__":{"polluted":true}}')]) {
      expect(await d.dispatch('customers:search', bad, top)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(ran).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await d.dispatch('constructor', {}, top)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await d.dispatch('__proto__', {}, top)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('turns AppFailure into its code and anything else into internal_error without its message', async () => {
    const d = createDispatcher(
      handlersWith({
        'customers:get': async () => { throw new AppFailure('not_found'); },
        'customers:open': async () => { throw new Error('token=abc123 secret detail'); },
        'app:info': async () => ({ wrong: true }) as never,
      }),
      origin,
      silentLogger,
    );
    expect(await d.dispatch('customers:get', { customerId: 'C1' }, top)).toMatchObject({ ok: false, error: { code: 'not_found', retryable: false } });
    const r = await d.dispatch('customers:open', { customerId: 'C1' }, top);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(r)).not.toContain('abc123');
    expect(await d.dispatch('app:info', {}, top)).toMatchObject({ ok: false, error: { code: 'internal_error' } });
  });

  it('cancels a superseded search: the older call answers cancelled and its signal is aborted', async () => {
    const signals: AbortSignal[] = [];
    const d = createDispatcher(
      handlersWith({
        'users:search': async (input, ctx) => {
          signals.push(ctx.signal);
          await new Promise((r) => setTimeout(r, input.q === 'slow' ? 50 : 1));
          return { users: [], nextCursor: null };
        },
      }),
      origin,
      silentLogger,
    );
    const first = d.dispatch('users:search', { customerId: 'C1', q: 'slow' }, top);
    const second = d.dispatch('users:search', { customerId: 'C1', q: 'jane' }, top);
    expect(await second).toMatchObject({ ok: true });
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(signals[0]!.aborted).toBe(true);
  });
});
