import { buildApi } from '../../shared/ipc/build-api';
import { channels } from '../../shared/ipc/channels';
import { browserBindingName } from '../../shared/ipc/api';
import { browserShellOrigin } from '../core/renderer-security';

/**
 * The browser shell's stand-in for the Electron preload: the same `buildApi` (serialised from the function
 * itself, so the two hosts cannot drift), called with the page binding instead of `ipcRenderer.invoke`.
 * It defines `window.api` only on the console's own origin. The binding is taken on the first call, when
 * every init script has run: the shell adds this script and the binding together, in no fixed order.
 */
export function apiInitScript(): string {
  return `(() => {
  if (window.location.origin !== ${JSON.stringify(browserShellOrigin)}) return;
  let binding = null;
  const invoke = (channel, input) => {
    binding ??= window[${JSON.stringify(browserBindingName)}];
    if (typeof binding !== 'function') return Promise.reject(new Error('the console binding is missing'));
    return binding(channel, input);
  };
  const buildApi = ${buildApi.toString()};
  const api = buildApi(${JSON.stringify(channels)}, invoke);
  Object.defineProperty(window, 'api', { value: api, enumerable: false, configurable: false, writable: false });
})();`;
}
