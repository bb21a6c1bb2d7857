import { buildApi } from '../../shared/ipc/build-api';
import { channels } from '../../shared/ipc/channels';
import { browserBindingName } from '../../shared/ipc/api';
import { browserShellOrigin } from '../core/renderer-security';

/**
 * The browser shell's stand-in for the Electron preload: the same `buildApi` (serialised from the function
 * itself, so the two hosts cannot drift), called with the page binding instead of `ipcRenderer.invoke`.
 * It defines `window.api` only on the console's own origin.
 */
export function apiInitScript(): string {
  return `(() => {
  const invoke = window[${JSON.stringify(browserBindingName)}];
  if (typeof invoke !== 'function' || window.location.origin !== ${JSON.stringify(browserShellOrigin)}) return;
  const buildApi = ${buildApi.toString()};
  const api = buildApi(${JSON.stringify(channels)}, (channel, input) => invoke(channel, input));
  Object.defineProperty(window, 'api', { value: api, enumerable: false, configurable: false, writable: false });
})();`;
}
