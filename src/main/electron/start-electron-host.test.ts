import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/ipc/channels';
import { electronOrigin } from '../core/renderer-security';
import { remoteDebuggingWarning } from '../core/cli-options';
import { AuditFileRefused } from '../audit/local/private-file';
import { startElectronHost, type ElectronParts } from './start-electron-host';
import { stubSession, stubWebContents } from './test-stubs';

class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A stand-in `electron` that records what the host does, in order. */
function stubElectron(
  options: { argv?: string[]; packaged?: boolean; lock?: boolean; switches?: string[]; userData?: string; coreFails?: Error } = {},
) {
  const calls: string[] = [];
  const appListeners = new Map<string, (...a: unknown[]) => void>();
  const userData = { path: options.userData ?? mkdtempSync(join(tmpdir(), 'electron-user-data-')) };
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => (ready = r));
  const loaded = vi.fn();
  const handled: string[] = [];
  const session = stubSession();
  const app = {
    isPackaged: options.packaged ?? false,
    commandLine: { hasSwitch: (s: string) => (options.switches ?? []).includes(s), appendSwitch: (...a: string[]) => calls.push(`appendSwitch ${a.join(' ')}`) },
    setPath: (_name: string, p: string) => (userData.path = p),
    getPath: () => userData.path,
    getVersion: () => '9.9.9',
    requestSingleInstanceLock: () => (calls.push('lock'), options.lock ?? true),
    quit: () => calls.push('quit'),
    enableSandbox: () => calls.push('enableSandbox'),
    on: (event: string, fn: (...a: unknown[]) => void) => appListeners.set(event, fn),
    whenReady: () => (calls.push('whenReady'), whenReady),
  };
  const windows: { options: Electron.BrowserWindowConstructorOptions; loadURL: ReturnType<typeof vi.fn>; loadFile: ReturnType<typeof vi.fn> }[] = [];
  const BrowserWindow = function (this: Record<string, unknown>, o: Electron.BrowserWindowConstructorOptions) {
    const w = { options: o, loadURL: vi.fn(async (url: string) => loaded(url)), loadFile: vi.fn(), once: vi.fn() };
    windows.push(w);
    return w;
  };
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string) => handled.push(channel), on: () => calls.push('ipcMain.on'), once: () => calls.push('ipcMain.once') },
    protocol: { registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'), handle: (scheme: string) => calls.push(`protocol.handle ${scheme}`) },
    session: { defaultSession: session.session },
    shell: { openExternal: vi.fn(async () => {}) },
  } as unknown as ElectronParts;
  const lines: string[] = [];
  const dispatch = vi.fn(async () => ({ ok: true }));
  const start = () =>
    startElectronHost(electron, {
      argv: options.argv ?? ['/x/electron', '.', '--demo'],
      bundleDir: '/app/out/main',
      writeLine: (l) => lines.push(l),
      exit: (code) => {
        calls.push(`exit ${code}`);
        // After ready the host is inside a promise nobody awaits: record the exit there instead of throwing.
        if (options.coreFails) return undefined as never;
        throw new Exited(code);
      },
      createCore: async () => {
        calls.push('createCore');
        if (options.coreFails) throw options.coreFails;
        return { dispatcher: { dispatch } as never, close: async () => {} };
      },
    });
  return { electron, calls, lines, windows, handled, loaded, session, appListeners, userData, start, ready: () => ready() };
}

describe('Electron host wiring', () => {
  it('a second instance returns before any whenReady work, and quits', () => {
    const host = stubElectron({ lock: false });
    host.start();
    expect(host.calls).toEqual(['lock', 'quit']);
  });

  it.each([
    [{ switches: ['no-sandbox'] }, '--no-sandbox refused'],
    [{ argv: ['/x/electron', '.', '--disable-web-security'] }, '--disable-web-security refused'],
    [{ argv: ['/opt/rc/reset-console', '--remote-debugging-port=9222', '--demo'], packaged: true }, '--remote-debugging-port refused'],
    [{ argv: ['/x/electron', '.', '--portal-url=https://portal.example.com', '--remote-debugging-port=9222'] }, 'anything on this computer could drive it'],
    [{ argv: ['/x/electron', '.', '--portal-url=http://127.0.0.1.nip.io'] }, 'plain http is allowed only for 127.x.x.x, ::1 or localhost'],
  ])('refuses %j with exit code 2 before anything is opened', (options, message) => {
    const host = stubElectron(options);
    expect(() => host.start()).toThrow(new Exited(2));
    expect(host.lines.join('\n')).toContain(message);
    expect(host.calls).toEqual(['exit 2']);
  });

  it.skipIf(process.platform === 'win32')('refuses a world-writable user-data folder with exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-user-data-'));
    chmodSync(dir, 0o777);
    const host = stubElectron({ argv: ['/x/electron', '.', `--user-data-dir=${dir}`] });
    expect(() => host.start()).toThrow(new Exited(2));
    expect(host.lines[0]).toContain('can be written by other users');
    expect(host.calls).toEqual(['exit 2']);
  });

  it('ends with the message and exit code 2 when the audit trail file is refused, before any window or IPC', async () => {
    const refused = new AuditFileRefused('/home/staff/.config/Reset Console/audit.log', 'is a symbolic link');
    const host = stubElectron({ coreFails: refused });
    host.start();
    host.ready();
    await vi.waitFor(() => expect(host.calls).toContain('exit 2'));
    expect(host.lines).toEqual([refused.message]);
    expect(host.calls.slice(-2)).toEqual(['createCore', 'exit 2']);
    expect(host.windows).toHaveLength(0);
    expect(host.handled).toEqual([]);
  });

  it('opens a debugging port beside the demo portal only with a warning, and never in a packaged build', () => {
    const dev = stubElectron({ argv: ['/x/electron', '.', '--demo', '--remote-debugging-port=9333'] });
    dev.start();
    expect(dev.calls).toContain('appendSwitch remote-debugging-port 9333');
    expect(dev.lines).toContain(remoteDebuggingWarning);
    const packaged = stubElectron({ argv: ['/opt/rc/reset-console', '--demo'], packaged: true });
    packaged.start();
    expect(packaged.calls.some((c) => c.startsWith('appendSwitch'))).toBe(false);
  });

  it('sandboxes every renderer, registers app:// before ready, then wires permissions, guards, IPC and the window', async () => {
    const host = stubElectron({ packaged: true, argv: ['/opt/rc/reset-console'] });
    host.start();
    expect(host.calls).toEqual(['lock', 'registerSchemesAsPrivileged', 'enableSandbox', 'whenReady']);
    host.ready();
    await vi.waitFor(() => expect(host.loaded).toHaveBeenCalled());
    // Every channel of the contract, once, through ipcMain.handle; nothing listens with ipcMain.on/once.
    expect(host.handled).toEqual([...channels]);
    expect(host.calls).not.toContain('ipcMain.on');
    expect(host.calls).toContain('protocol.handle app');
    expect(host.session.check('clipboard-sanitized-write', `${electronOrigin}/`, true)).toBe(true);
    expect(host.session.check('geolocation', `${electronOrigin}/`, true)).toBe(false);
    const [window] = host.windows;
    expect(host.windows).toHaveLength(1);
    expect(window!.loadURL).toHaveBeenCalledWith(`${electronOrigin}/`);
    expect(window!.loadFile).not.toHaveBeenCalled();
    expect(window!.options.webPreferences).toMatchObject({ preload: '/app/out/preload/index.cjs', devTools: false, sandbox: true });
  });

  it('guards every web contents as it is created and closes devtools in a packaged build, even with NODE_ENV=development', () => {
    vi.stubEnv('NODE_ENV', 'development');
    try {
      const host = stubElectron({ packaged: true, argv: ['/opt/rc/reset-console'] });
      host.start();
      const contents = stubWebContents();
      host.appListeners.get('web-contents-created')!({}, contents.contents);
      expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
      expect(contents.open('https://www.electronjs.org/').action).toBe('deny');
      expect(host.electron.shell.openExternal).toHaveBeenCalledWith('https://www.electronjs.org/');
      contents.emit('devtools-opened');
      expect(contents.closeDevTools).toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
