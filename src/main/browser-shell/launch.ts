import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { channels } from '../../shared/ipc/channels';
import { browserBindingName } from '../../shared/ipc/api';
import type { Dispatcher } from '../ipc/dispatcher';
import { browserShellOrigin, contentSecurityPolicy } from '../core/renderer-security';
import { readRendererFile } from '../core/renderer-files';
import { originOf } from '../core/origin-of';

export interface BrowserShellOptions {
  dispatcher: Dispatcher;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  headless: boolean;
  remoteDebuggingPort: number | null;
  executablePath?: string;
  /** Extra permissions for this origin; tests grant `clipboard-read` to read the note back. */
  extraPermissions?: string[];
}

export interface BrowserShell {
  context: BrowserContext;
  page: Page;
  url: string;
  close(): Promise<void>;
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The mirror of the Electron preload: `window.api` built from the channel list, calling the binding.
 * Kept as source text because it runs in the page, not here.
 */
function apiInitScript(): string {
  return `(() => {
  const invoke = window[${JSON.stringify(browserBindingName)}];
  if (typeof invoke !== 'function' || window.location.origin !== ${JSON.stringify(browserShellOrigin)}) return;
  const api = {};
  for (const channel of ${JSON.stringify(channels)}) {
    const [domain, action] = channel.split(':');
    (api[domain] ??= {})[action] = (input) => invoke(channel, input === undefined ? {} : input);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: false, configurable: false, writable: false });
})();`;
}

/**
 * The browser shell: the same core and the same built renderer as the Electron host, in Chromium.
 * The renderer is served from `page.route` on a reserved origin, so no network port is opened.
 */
export async function launchBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const profileDir = await mkdtemp(join(tmpdir(), 'reset-console-chromium-'));
  const args = [...chromiumArgs];
  if (options.remoteDebuggingPort !== null) args.push(`--remote-debugging-port=${options.remoteDebuggingPort}`, '--remote-debugging-address=127.0.0.1');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless,
    args,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-write', ...(options.extraPermissions ?? [])], { origin: browserShellOrigin });

  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== browserShellOrigin) return route.abort('blockedbyclient');
    const file = await readRendererFile(options.rendererDir, url.pathname);
    if (!file) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      body: file.body,
      headers: { 'content-type': file.contentType, 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' },
    });
  });

  await context.exposeBinding(browserBindingName, async (source, channel: unknown, input: unknown) => {
    return options.dispatcher.dispatch(typeof channel === 'string' ? channel : '', input, {
      origin: originOf(source.frame.url()),
      isTopFrame: source.frame === source.page.mainFrame(),
    });
  });
  await context.addInitScript({ content: apiInitScript() });

  const page = context.pages()[0] ?? (await context.newPage());
  const url = `${browserShellOrigin}/`;
  await page.goto(url);
  return {
    context,
    page,
    url,
    async close() {
      await context.close().catch(() => {});
      await rm(profileDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}
