import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { startSimulator, type SimulatorHandle } from '../../src/portal-sim/index';
import { freeLoopbackPort as freePort } from '../../src/main/core/free-port';


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

  const asRoot = process.getuid?.() === 0;

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
    expect(output).toContain('anything on this computer can drive the console');
    // The sandbox is dropped only where Chromium cannot use it, and then the start says so.
    expect(output.includes('Chromium cannot use its sandbox as root')).toBe(asRoot);
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

describe('npm start in demo mode with no display', () => {
  let child: ChildProcess | null = null;
  let dir = '';
  afterEach(async () => {
    child?.kill('SIGTERM');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('in demo mode with no display, opens a port itself and prints the attach line', async () => {
    dir = await mkdtemp(join(tmpdir(), 'reset-console-demo-'));
    child = spawn(process.execPath, ['scripts/start.cjs', `--user-data-dir=${dir}`], { env: { ...process.env, DISPLAY: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = await waitForLine(child, /Press Ctrl\+C to stop/, 60_000);
    const port = /connectOverCDP\('http:\/\/127\.0\.0\.1:(\d+)'\)/.exec(output)?.[1];
    expect(port, output).toBeDefined();
    expect(output).toContain('anything on this computer can drive the console');
    // Attached exactly as the README's quick start says.
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      const page = browser.contexts()[0]!.pages().find((p) => p.url().startsWith('https://console.reset.invalid'))!;
      expect(await page.evaluate(() => window.api.app.info({}))).toMatchObject({ ok: true, data: { host: 'browser', portalMode: 'demo' } });
    } finally {
      await browser.close().catch(() => {});
    }
  });
});

describe('refusals at start: exit code 2, one line, nothing opened', () => {
  const runShell = (args: string[]) =>
    spawnSync(process.execPath, ['out/main/browser-shell.js', ...args], { env: { ...process.env, DISPLAY: '' }, encoding: 'utf8', timeout: 30_000 });

  it.each([
    [['--portal-url=http://127.0.0.1.nip.io'], 'plain http is allowed only for 127.x.x.x, ::1 or localhost'],
    [['--portal-url=http://portal.example.com'], 'plain http is allowed only for 127.x.x.x, ::1 or localhost'],
    [['--portal-url=https://portal.example.com', '--remote-debugging-port=9444'], 'anything on this computer could drive it'],
  ])('refuses %j', async (args, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'reset-console-refused-'));
    try {
      const result = runShell([...args, `--user-data-dir=${dir}`]);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ends with the message and exit code 2 when audit.log is a planted symlink, and writes nothing through it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reset-console-refused-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'reset-console-target-'));
    try {
      const target = join(elsewhere, 'victim.txt');
      await writeFile(target, '');
      await symlink(target, join(dir, 'audit.log'));
      const result = runShell(['--demo', `--user-data-dir=${dir}`]);
      expect(result.status).toBe(2);
      // The core's log (e.g. a keychain warning) may come first; the refusal is the last line.
      expect(result.stderr.trim().split('\n').at(-1)).toBe(`The audit trail file ${join(dir, 'audit.log')} is a symbolic link, so the console will not read or write it. Move it away and start the console again.`);
      expect(await readFile(target, 'utf8')).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses a world-writable user-data folder, and writes nothing into it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reset-console-refused-'));
    try {
      await chmod(dir, 0o777);
      const result = runShell(['--demo', `--user-data-dir=${dir}`]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('can be written by other users');
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
