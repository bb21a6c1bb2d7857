import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { FlagError, parseHostFlags } from '../core/cli-options';
import { createCore } from '../core/create-core';
import { defaultUserDataDir } from '../core/user-data-dir';
import { browserShellOrigin } from '../core/renderer-security';
import { createLogger } from '../log/logger';
import { launchBrowserShell } from './launch';
import packageJson from '../../../package.json';

/** `npm start` where the Electron runtime is absent, or with `--browser`; runs from its bundle `out/main/browser-shell.js`. */
async function main(): Promise<void> {
  let flags;
  try {
    flags = parseHostFlags(process.argv.slice(2));
  } catch (err) {
    if (err instanceof FlagError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const headless = flags.headless || !process.env.DISPLAY;
  const userDataDir = resolve(flags.userDataDir ?? defaultUserDataDir());
  mkdirSync(userDataDir, { recursive: true, mode: 0o700 });
  const log = createLogger();
  const core = await createCore({
    host: 'browser',
    version: packageJson.version,
    userDataDir,
    portalOverride: flags.portal,
    allowedOrigin: browserShellOrigin,
    log,
    // Loaded only when the demo portal is used, so a real-portal start does not pay for the simulator.
    startDemoPortal: async () => (await import('../../portal-sim/index')).startSimulator({ port: 0 }),
  });
  const shell = await launchBrowserShell({
    dispatcher: core.dispatcher,
    // Bundled to out/main/browser-shell.js: the built renderer sits beside it, as for the Electron host.
    rendererDir: resolve(__dirname, '../renderer'),
    headless,
    remoteDebuggingPort: flags.remoteDebuggingPort,
  });
  process.stdout.write(`Reset Console is running in the browser shell (${headless ? 'headless' : 'windowed'}); user data in ${userDataDir}\n`);
  if (headless) {
    process.stdout.write(
      flags.remoteDebuggingPort !== null
        ? `Attach with Playwright: chromium.connectOverCDP('http://127.0.0.1:${flags.remoteDebuggingPort}'), or open chrome://inspect in a Chromium on this machine.\n`
        : 'No display: running headless. To attach, restart with --remote-debugging-port=9333 and use chromium.connectOverCDP(\'http://127.0.0.1:9333\').\n',
    );
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
  process.stderr.write(`The browser shell could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
