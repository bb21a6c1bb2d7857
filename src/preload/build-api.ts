/**
 * Builds `window.api.<domain>.<action>(input)` from the channel list. Pure and dependency-free so the
 * sandboxed preload can bundle it, and the browser shell's init script mirrors it.
 */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export function buildApi(channelList: readonly string[], invoke: Invoke): Record<string, Record<string, (input?: unknown) => Promise<unknown>>> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of channelList) {
    const [domain, action] = channel.split(':') as [string, string];
    const group = (api[domain] ??= {});
    group[action] = (input?: unknown) => invoke(channel, input === undefined ? {} : input);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api);
}
