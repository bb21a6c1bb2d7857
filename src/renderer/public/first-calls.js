// A classic script, so it runs the moment it arrives, long before the app's modules (React, Mantine, …)
// have loaded and run: it asks the core what the first screen needs, and the answers come back meanwhile.
// The app takes each answer once (src/renderer/src/first-calls.ts); later fetches ask the core afresh.
(() => {
  const api = window.api;
  if (!api) return;
  const calls = { info: api.app.info({}), settings: api.settings.get({}), status: api.auth.status({}) };
  Object.defineProperty(window, 'firstCalls', { value: calls, enumerable: false });
})();
