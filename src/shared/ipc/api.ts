import type { Result } from '../errors';
import type { Channel, ChannelInput, ChannelOutput } from './contract';

type SplitChannel<C extends string> = C extends `${infer D}:${infer A}` ? [D, A] : never;
type Domains = SplitChannel<Channel>[0];
type ActionsOf<D extends string> = Extract<Channel, `${D}:${string}`> extends `${D}:${infer A}` ? A : never;

/** `window.api.<domain>.<action>(input)`, derived from the contract. */
export type Api = {
  [D in Domains]: {
    [A in ActionsOf<D>]: (input: ChannelInput<`${D}:${A}` & Channel>) => Promise<Result<ChannelOutput<`${D}:${A}` & Channel>>>;
  };
};

/** The name under which the browser shell exposes its binding, and the preload's shape of a call. */
export const browserBindingName = '__resetConsoleInvoke';
