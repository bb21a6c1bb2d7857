/**
 * Builds `window.api.<domain>.<action>(input)` from the channel list, for both hosts: the Electron preload
 * bundles it; the browser shell serialises this very function into its init script (`buildApi.toString()`),
 * so it must stay self-contained — no imports, no outer variables, no helpers.
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
