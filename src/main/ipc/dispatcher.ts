import type { z } from 'zod';
import { contract, type Channel, type ChannelOutput, type Contract } from '../../shared/ipc/contract';
import { AppFailure, appErrorOf, errorCode, type AppError, type Result } from '../../shared/errors';
import type { Logger } from '../log/logger';

/** Who sent an IPC message, as each host can tell it. */
export interface SenderInfo {
  /** The origin of the sending frame, e.g. `app://console`; empty when unknown. */
  origin: string;
  /** True only for the window's own top frame. */
  isTopFrame: boolean;
}

export interface CallContext {
  /** Aborted when a newer call of the same superseding channel arrives, or on shutdown. */
  signal: AbortSignal;
}

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>, ctx: CallContext) => Promise<ChannelOutput<C>>;
};

/** Channels where a newer call makes the previous one pointless: it is cancelled end to end. */
const supersedingChannels: ReadonlySet<Channel> = new Set<Channel>(['customers:search', 'users:search', 'callers:find']);

export interface Dispatcher {
  dispatch(channel: string, input: unknown, sender: SenderInfo): Promise<Result<unknown>>;
}

/**
 * A schema that refuses input for a reason the staffer can act on (e.g. a plain-http portal address)
 * names an error code in its issue's params; its one sentence is passed on instead of the generic one.
 */
function refusalOf(issues: readonly z.core.$ZodIssue[]): AppError {
  for (const issue of issues) {
    const params = issue.code === 'custom' ? (issue.params as { errorCode?: unknown } | undefined) : undefined;
    const code = errorCode.safeParse(params?.errorCode);
    if (code.success) return appErrorOf(code.data, { message: issue.message });
  }
  return appErrorOf('invalid_input');
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The one door into the core: sender check → input parsed → handler → output parsed → Result.
 * Nothing thrown crosses it; only `{code, message, retryable}`.
 */
export function createDispatcher(handlers: Handlers, allowedOrigin: string, log: Logger): Dispatcher {
  const inFlight = new Map<string, AbortController>();

  async function run(channel: Channel, input: unknown): Promise<Result<unknown>> {
    const schema = contract[channel];
    const parsed = schema.input.safeParse(input);
    if (!parsed.success) {
      log.warn('ipc.invalid_input', { channel, issues: parsed.error.issues.length });
      return { ok: false, error: refusalOf(parsed.error.issues) };
    }
    const controller = new AbortController();
    // An index answer (`from: 'index'`) stands in for the portal call while it runs: it must not cancel it.
    const from = (parsed.data as { from?: unknown }).from;
    const slot = `${channel}/${typeof from === 'string' ? from : 'portal'}`;
    if (supersedingChannels.has(channel)) {
      inFlight.get(slot)?.abort();
      inFlight.set(slot, controller);
    }
    try {
      const handler = handlers[channel] as (i: unknown, c: CallContext) => Promise<unknown>;
      const data = await handler(parsed.data, { signal: controller.signal });
      if (controller.signal.aborted) return { ok: false, error: appErrorOf('cancelled') };
      const out = schema.output.safeParse(data);
      if (!out.success) {
        log.error('ipc.invalid_output', { channel, issues: out.error.issues.map((i) => i.path.join('.')).slice(0, 5) });
        return { ok: false, error: appErrorOf('internal_error') };
      }
      return { ok: true, data: out.data };
    } catch (err) {
      if (err instanceof AppFailure) return { ok: false, error: err.error };
      // Anything else may carry request details; only its class name is logged.
      log.error('ipc.unexpected_error', { channel, kind: err instanceof Error ? err.name : typeof err });
      return { ok: false, error: appErrorOf('internal_error') };
    } finally {
      if (inFlight.get(slot) === controller) inFlight.delete(slot);
    }
  }

  return {
    async dispatch(channel, input, sender) {
      if (!sender.isTopFrame || sender.origin !== allowedOrigin) {
        log.warn('ipc.forbidden_sender', { channel: isChannel(channel) ? channel : 'unknown', origin: sender.origin.slice(0, 100) });
        return { ok: false, error: appErrorOf('forbidden_sender') };
      }
      if (!isChannel(channel)) return { ok: false, error: appErrorOf('unknown_channel') };
      return run(channel, input);
    },
  };
}
