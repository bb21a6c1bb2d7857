import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { startSimulator, type SimulatorHandle } from '../../src/portal-sim/index';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output so far:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolveLine(seen);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}; output:\n${seen}`)));
  });
}

describe('foundation: renderer → window.api → dispatcher → core, in the browser shell', () => {
  let fixture: ConsoleFixture | null = null;
  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  it('answers app:info through window.api with host and portal', async () => {
    fixture = await openConsole();
    const result = await fixture.page.evaluate(() => window.api.app.info({}));
    expect(result).toMatchObject({ ok: true, data: { host: 'browser', portalMode: fixture.sim.url, version: '0.0.0-test' } });
    expect(['available', 'unavailable']).toContain((result as { data: { keychain: { status: string } } }).data.keychain.status);
  });

  it('refuses a page of another origin that finds the binding', async () => {
    fixture = await openConsole();
    const other = await fixture.shell.context.newPage();
    await other.goto('about:blank');
    const answer = await other.evaluate(() => (window as unknown as Record<string, (c: string, i: unknown) => Promise<unknown>>).__resetConsoleInvoke!('app:info', {}));
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await other.evaluate(() => 'api' in window)).toBe(false);
  });
});

describe('npm start in the browser shell', () => {
  let child: ChildProcess | null = null;
  let sim: SimulatorHandle | null = null;
  let dir = '';
  afterEach(async () => {
    child?.kill('SIGTERM');
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('leaves a console a Playwright client can attach to over CDP', async () => {
    sim = await startSimulator({ port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'reset-console-start-'));
    const port = await freePort();
    child = spawn(process.execPath, ['scripts/start.cjs', '--headless', `--remote-debugging-port=${port}`, `--user-data-dir=${dir}`, `--portal-url=${sim.url}`], {
      env: { ...process.env, DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = await waitForLine(child, /Press Ctrl\+C to stop/, 60_000);
    expect(output).toContain('Electron runtime not available');
    expect(output).toContain(`connectOverCDP('http://127.0.0.1:${port}')`);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      const page = browser.contexts()[0]!.pages().find((p) => p.url().startsWith('https://console.reset.invalid'))!;
      const info = await page.evaluate(() => window.api.app.info({}));
      expect(info).toMatchObject({ ok: true, data: { host: 'browser', portalMode: sim!.url } });
    } finally {
      await browser.close().catch(() => {});
    }
  });
});
