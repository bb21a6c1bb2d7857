import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Route } from 'playwright-core';
import { browserBindingName } from '../../shared/ipc/api';
import type { Dispatcher } from '../ipc/dispatcher';
import { browserShellOrigin, contentSecurityPolicy } from '../core/renderer-security';
import { readRendererFile } from '../core/renderer-files';
import { originOf } from '../core/origin-of';
import { apiInitScript } from './api-init-script';
import { chromiumArgs, chromiumSandboxPolicy } from './chromium-flags';

export interface BrowserShellOptions {
  dispatcher: Dispatcher;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  headless: boolean;
  remoteDebuggingPort: number | null;
  executablePath?: string;
  /** Chromium's sandbox; on unless Chromium cannot run with it (see `chromiumSandboxPolicy`). */
  sandbox?: boolean;
  /** Extra permissions for this origin; tests grant `clipboard-read` to read the note back. */
  extraPermissions?: string[];
}

export interface BrowserShell {
  context: BrowserContext;
  page: Page;
  url: string;
  close(): Promise<void>;
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
    // playwright-core adds --no-sandbox unless told otherwise.
    chromiumSandbox: options.sandbox ?? chromiumSandboxPolicy().sandbox,
    args,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  const serveRenderer = async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== browserShellOrigin) return route.abort('blockedbyclient');
    const file = await readRendererFile(options.rendererDir, url.pathname);
    if (!file) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      body: file.body,
      headers: { 'content-type': file.contentType, 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' },
    });
  };
  const callCore = async (source: { frame: Frame; page: Page }, channel: unknown, input: unknown) =>
    options.dispatcher.dispatch(typeof channel === 'string' ? channel : '', input, {
      origin: originOf(source.frame.url()),
      isTopFrame: source.frame === source.page.mainFrame(),
    });
  // Each of these is a round trip to Chromium; sent together they cost one before the page may load.
  await Promise.all([
    context.grantPermissions(['clipboard-write', ...(options.extraPermissions ?? [])], { origin: browserShellOrigin }),
    context.route('**/*', serveRenderer),
    context.exposeBinding(browserBindingName, callCore),
    context.addInitScript({ content: apiInitScript() }),
  ]);

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
