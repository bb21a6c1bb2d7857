import { resolve } from 'node:path';
import { browserShellOrigin } from '../core/renderer-security';
import { chromiumSandboxPolicy } from './chromium-flags';
import { StartRefused, startCoreThread } from './core-thread';

/** Refusals happen before a core, a portal or a browser is opened: one line, exit code 2. */
function refuse(err: unknown): never {
  if (err instanceof StartRefused) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

/**
 * `npm start` where the Electron runtime is absent, or with `--browser`; runs from its bundle
 * `out/main/browser-shell.js`. This thread loads Playwright and drives Chromium; the core thread reads the
 * command line and runs the core meanwhile (core-worker.ts), so neither start waits for the other.
 */
async function main(): Promise<void> {
  const thread = startCoreThread({ argv: process.argv.slice(2), display: Boolean(process.env.DISPLAY), allowedOrigin: browserShellOrigin });
  const { launchBrowserShell } = await import('./launch');
  const plan = await thread.plan.catch(refuse);
  const { userDataDir, headless, debuggingPort } = plan;
  const sandbox = chromiumSandboxPolicy();
  if (sandbox.notice) process.stdout.write(`${sandbox.notice}\n`);
  const [shell, core] = await Promise.all([
    launchBrowserShell({
      dispatcher: { dispatch: async (...call) => (await thread.core).dispatcher.dispatch(...call) },
      // Bundled to out/main/browser-shell.js: the built renderer sits beside it, as for the Electron host.
      rendererDir: resolve(__dirname, '../renderer'),
      headless,
      remoteDebuggingPort: debuggingPort,
      sandbox: sandbox.sandbox,
    }),
    thread.core,
  ]);
  process.stdout.write(`Reset Console is running in the browser shell (${headless ? 'headless' : 'windowed'}); user data in ${userDataDir}\n`);
  for (const notice of plan.notices) process.stdout.write(`${notice}\n`);
  if (debuggingPort !== null) {
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
  if (err instanceof StartRefused) refuse(err);
  process.stderr.write(`The browser shell could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
