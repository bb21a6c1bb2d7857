import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow, devToolsAllowed } from './window-options';
import { grantedPermission, guardWebContents, restrictPermissions } from './web-contents-guards';
import { appSchemePrivileges, serveRenderer } from './app-protocol';
import { senderOf } from './ipc-bridge';
import { contentSecurityPolicy, electronOrigin } from '../core/renderer-security';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { stubSession, stubWebContents } from './test-stubs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function windowOptions(devTools: boolean): BrowserWindowConstructorOptions {
  let options: BrowserWindowConstructorOptions = {};
  createMainWindow(function (this: unknown, o: BrowserWindowConstructorOptions) { options = o; } as never, '/app/preload.cjs', devTools);
  return options;
}

describe('Electron host security', () => {
  it('creates the window isolated, sandboxed, without Node, with web security and no webview', () => {
    const prefs = windowOptions(false).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/preload.cjs',
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
  });

  it('never allows devtools in a packaged build, whatever NODE_ENV says', () => {
    expect(devToolsAllowed(true, { NODE_ENV: 'development' })).toBe(false);
    expect(devToolsAllowed(false, { NODE_ENV: 'production' })).toBe(false);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(false, { NODE_ENV: 'development' })).toBe(true);
    expect(windowOptions(true).webPreferences!.devTools).toBe(true);
  });

  it('denies navigation away from the app origin and keeps in-app navigation', () => {
    const stub = stubWebContents();
    guardWebContents(stub.contents, async () => {}, electronOrigin);
    expect(stub.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(stub.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(stub.fire('will-redirect', 'http://localhost:1/')).toBe(true);
    expect(stub.fire('will-navigate', `${electronOrigin}/index.html`)).toBe(false);
    expect(stub.fire('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('will-attach-webview is prevented whatever the webPreferences and params', () => {
    const stub = stubWebContents();
    guardWebContents(stub.contents, async () => {}, electronOrigin);
    for (const params of [{ src: 'https://evil.example/', allowpopups: 'true' }, { src: `${electronOrigin}/`, preload: 'file:///tmp/x.js' }]) {
      const preventDefault = vi.fn();
      stub.emit('will-attach-webview', { preventDefault }, { nodeIntegration: true, preload: '/tmp/x.js' }, params);
      expect(preventDefault).toHaveBeenCalled();
    }
  });

  it('denies every new window and opens only allow-listed https links externally', () => {
    const stub = stubWebContents();
    const openExternal = vi.fn(async () => {});
    guardWebContents(stub.contents, openExternal, electronOrigin);
    expect(stub.open('https://www.electronjs.org/docs').action).toBe('deny');
    expect(openExternal).toHaveBeenCalledWith('https://www.electronjs.org/docs');
    for (const url of ['http://www.electronjs.org/', 'https://electronjs.org.evil.example/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@electronjs.org/']) {
      expect(stub.open(url).action).toBe('deny');
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('lets the app’s top frame write the ticket note to the clipboard, in both the request and the check handler', () => {
    const { session, request, check } = stubSession();
    restrictPermissions(session, electronOrigin);
    expect(grantedPermission).toBe('clipboard-sanitized-write');
    expect(request('clipboard-sanitized-write', `${electronOrigin}/`, true)).toBe(true);
    expect(check('clipboard-sanitized-write', `${electronOrigin}/`, true)).toBe(true);
    // Not for a subframe, not for another origin.
    expect(request('clipboard-sanitized-write', `${electronOrigin}/`, false)).toBe(false);
    expect(check('clipboard-sanitized-write', `${electronOrigin}/frame`, false)).toBe(false);
    expect(request('clipboard-sanitized-write', 'https://evil.example/', true)).toBe(false);
    expect(check('clipboard-sanitized-write', 'https://evil.example/', true)).toBe(false);
  });

  it('refuses every other permission Electron names, for requests and checks, and every device', () => {
    const { session, handlers, request, check } = stubSession();
    restrictPermissions(session, electronOrigin);
    const permissions = ['clipboard-read', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem', 'hid', 'serial', 'usb'];
    for (const permission of permissions) {
      expect(request(permission, `${electronOrigin}/`, true), permission).toBe(false);
      expect(check(permission, `${electronOrigin}/`, true), permission).toBe(false);
    }
    for (const deviceType of ['hid', 'serial', 'usb']) expect(handlers.device!({ deviceType, origin: electronOrigin, device: {} })).toBe(false);
  });

  it('serves the renderer from a standard secure custom scheme with the CSP, not file://', async () => {
    expect(appSchemePrivileges[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    const dir = mkdtempSync(join(tmpdir(), 'out-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><p>hi</p>');
    let handler: ((req: Request) => Promise<Response>) | null = null;
    serveRenderer({ handle: (_scheme: string, fn: typeof handler) => { handler = fn; } } as never, dir);
    const ok = await handler!(new Request('app://console/'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect((await handler!(new Request('app://other/'))).status).toBe(404);
    expect((await handler!(new Request('app://console/../../etc/passwd'))).status).toBe(404);
  });

  it('recognises only the top frame of the app origin as a sender', () => {
    const mainFrame = { url: 'app://console/', parent: null };
    const top = senderOf({ senderFrame: mainFrame, sender: { mainFrame } } as never);
    expect(top).toEqual({ origin: electronOrigin, isTopFrame: true });
    const child = { url: 'app://console/frame', parent: mainFrame };
    expect(senderOf({ senderFrame: child, sender: { mainFrame } } as never).isTopFrame).toBe(false);
    expect(senderOf({ senderFrame: null, sender: { mainFrame } } as never)).toEqual({ origin: '', isTopFrame: false });
  });
});
