import { resolve } from 'node:path';
import { freeLoopbackPort } from '../core/free-port';
import { FlagError, parseHostFlags, remoteDebuggingPortFor, remoteDebuggingWarning } from '../core/cli-options';
import { AuditFileRefused } from '../audit/local/private-file';
import type { Core } from '../core/create-core';
import { defaultUserDataDir, ensurePrivateUserDataDir, UnsafeUserDataDirError } from '../core/user-data-dir';
import { browserShellOrigin } from '../core/renderer-security';
import { createLogger } from '../log/logger';
import { storedPortalChoice } from '../settings/settings-store';
import { chromiumSandboxPolicy, launchBrowserShell } from './launch';
import packageJson from '../../../package.json';

/** Refusals happen here, before a core, a portal or a browser is opened: one line, exit code 2. */
function refuse(err: unknown): never {
  if (err instanceof FlagError || err instanceof UnsafeUserDataDirError || err instanceof AuditFileRefused) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}


/** `npm start` where the Electron runtime is absent, or with `--browser`; runs from its bundle `out/main/browser-shell.js`. */
async function main(): Promise<void> {
  let flags;
  let userDataDir: string;
  try {
    flags = parseHostFlags(process.argv.slice(2));
    userDataDir = ensurePrivateUserDataDir(resolve(flags.userDataDir ?? defaultUserDataDir()));
  } catch (err) {
    refuse(err);
  }
  const noDisplay = !process.env.DISPLAY;
  const headless = flags.headless || noDisplay;
  const portal = flags.portal ?? storedPortalChoice(userDataDir);
  let debuggingPort: number | null;
  try {
    debuggingPort = remoteDebuggingPortFor(flags, portal, false);
  } catch (err) {
    refuse(err);
  }
  // The README's quick start: in demo mode with no display there is no other way in, so a port is opened.
  if (debuggingPort === null && noDisplay && portal.mode === 'demo') debuggingPort = await freeLoopbackPort();

  const sandbox = chromiumSandboxPolicy();
  if (sandbox.notice) process.stdout.write(`${sandbox.notice}\n`);
  const log = createLogger();
  // Chromium's launch is most of a start: once it runs, the core's modules load and its services open
  // meanwhile (loading them first would delay Chromium's spawn); the page's first calls wait for the core.
  let chromiumStarted!: () => void;
  const coreMayLoad = new Promise<void>((r) => (chromiumStarted = r));
  const corePromise: Promise<Core> = coreMayLoad.then(() => import('../core/create-core')).then(({ createCore }) =>
    createCore({
      host: 'browser',
      version: packageJson.version,
      userDataDir,
      portalOverride: flags.portal,
      teamDb: flags.teamDb,
      allowedOrigin: browserShellOrigin,
      log,
      // Loaded only when the demo portal is used, so a real-portal start does not pay for the simulator.
      startDemoPortal: async () => (await import('../../portal-sim/index')).startSimulator({ port: 0 }),
    }),
  );
  const [shell, core] = await Promise.all([
    launchBrowserShell({
      dispatcher: { dispatch: async (...call) => (await corePromise).dispatcher.dispatch(...call) },
      // Bundled to out/main/browser-shell.js: the built renderer sits beside it, as for the Electron host.
      rendererDir: resolve(__dirname, '../renderer'),
      headless,
      remoteDebuggingPort: debuggingPort,
      sandbox: sandbox.sandbox,
      onChromiumStarted: () => chromiumStarted(),
    }),
    corePromise,
  ]);
  process.stdout.write(`Reset Console is running in the browser shell (${headless ? 'headless' : 'windowed'}); user data in ${userDataDir}\n`);
  if (debuggingPort !== null) {
    process.stdout.write(`${remoteDebuggingWarning}\n`);
    process.stdout.write(`Attach with Playwright: chromium.connectOverCDP('http://127.0.0.1:${debuggingPort}'), or open chrome://inspect in a Chromium on this machine.\n`);
  } else if (headless) {
    process.stdout.write('Running headless with no debugging port: nothing can attach. Restart with --remote-debugging-port=N (demo or local portal) to attach.\n');
  }
  process.stdout.write('Press Ctrl+C to stop.\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await shell.close();
    await core.close();
    process.exit(0);
  };
  shell.context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  // A planted or foreign audit.log is found only when the core opens it, after Chromium was launched.
  if (err instanceof AuditFileRefused) refuse(err);
  process.stderr.write(`The browser shell could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
