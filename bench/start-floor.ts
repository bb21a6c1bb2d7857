/**
 * The floor for figure 3: what any start of the browser shell must pay — node, playwright-core and Chromium
 * launched exactly as the shell launches it (same flags, sandbox choice, profile kind, viewport, debugging
 * port), showing a static page whose only content is a focused `Customer` field. The console's start is
 * judged against this floor measured in the same run, since absolute times vary 2× between machines.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, chromiumSandboxPolicy } from '../src/main/browser-shell/chromium-flags';
import { browserShellOrigin } from '../src/main/core/renderer-security';

/** Records the first frame with the field focused itself: the benchmark attaches later than that. */
const staticPage =
  '<!doctype html><meta charset="utf-8"><title>floor</title><label>Customer <input autofocus></label>' +
  '<script>requestAnimationFrame(function f() { if (document.activeElement && document.activeElement.tagName === "INPUT") window.__readyAt = performance.timeOrigin + performance.now(); else requestAnimationFrame(f); });</script>';

/** Writes the floor's launcher (plain CommonJS: nothing to compile at start, like the shell's bundle); returns its path. */
export function writeFloorLauncher(repoRoot: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'reset-console-floor-')), 'floor.cjs');
  const options = {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: chromiumSandboxPolicy().sandbox,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  };
  writeFileSync(
    file,
    `const { chromium } = require(${JSON.stringify(resolve(repoRoot, 'node_modules/playwright-core'))});
const { mkdtempSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const port = process.argv[2];
(async () => {
  const profile = mkdtempSync(join(tmpdir(), 'reset-console-floor-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...${JSON.stringify(options)},
    args: [...${JSON.stringify(chromiumArgs)}, '--remote-debugging-port=' + port, '--remote-debugging-address=127.0.0.1'],
  });
  await context.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: ${JSON.stringify(staticPage)} }));
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(${JSON.stringify(`${browserShellOrigin}/`)});
  process.on('SIGTERM', async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  });
})();
`,
  );
  return file;
}
