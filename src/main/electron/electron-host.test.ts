import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { createMainWindow } from './window-options';
import { denyAllPermissions, guardWebContents } from './web-contents-guards';
import { appSchemePrivileges, serveRenderer } from './app-protocol';
import { senderOf } from './ipc-bridge';
import { contentSecurityPolicy, electronOrigin } from '../core/renderer-security';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stand-in for the parts of `electron` the host touches: the runtime cannot run here. */
function stubWebContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => { openHandler = fn; },
  };
  return {
    contents: contents as unknown as WebContents,
    fire(event: string, url: string) {
      const ev = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      listeners.get(event)?.(ev, url);
      return ev.defaultPrevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('Electron host security', () => {
  it('creates the window isolated, sandboxed, without Node, with web security and no webview', () => {
    let options: Electron.BrowserWindowConstructorOptions = {};
    createMainWindow(function (this: unknown, o: Electron.BrowserWindowConstructorOptions) { options = o; } as never, '/app/preload.cjs');
    const prefs = options.webPreferences!;
    expect(prefs.devTools).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
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

  it('refuses every permission request and check', () => {
    const calls: Record<string, (...a: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (fn: (...a: unknown[]) => unknown) => (calls.request = fn),
      setPermissionCheckHandler: (fn: (...a: unknown[]) => unknown) => (calls.check = fn),
      setDevicePermissionHandler: (fn: (...a: unknown[]) => unknown) => (calls.device = fn),
    } as unknown as Session;
    denyAllPermissions(session);
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) calls.request!({}, permission, callback);
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(calls.check!({}, 'media')).toBe(false);
    expect(calls.device!({})).toBe(false);
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
