import { vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { electronOrigin } from '../core/renderer-security';

// Test-only: imported by the host's unit tests, never by the entry (so never bundled).

/** A stand-in for the parts of `electron` the host touches: the runtime cannot run here. */
export function stubWebContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => { openHandler = fn; },
    closeDevTools: vi.fn(),
  };
  return {
    contents: contents as unknown as WebContents,
    closeDevTools: contents.closeDevTools,
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.(...args),
    fire(event: string, url: string) {
      const ev = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      listeners.get(event)?.(ev, url);
      return ev.defaultPrevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

export function stubSession() {
  const handlers: Record<string, (...a: unknown[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (fn: (...a: unknown[]) => unknown) => (handlers.request = fn),
    setPermissionCheckHandler: (fn: (...a: unknown[]) => unknown) => (handlers.check = fn),
    setDevicePermissionHandler: (fn: (...a: unknown[]) => unknown) => (handlers.device = fn),
  } as unknown as Session;
  const request = (permission: string, requestingUrl: string, isMainFrame: boolean) => {
    const callback = vi.fn();
    handlers.request!({}, permission, callback, { requestingUrl, isMainFrame });
    return callback.mock.calls[0]?.[0] as boolean;
  };
  const check = (permission: string, requestingUrl: string, isMainFrame: boolean) =>
    handlers.check!({}, permission, new URL(requestingUrl).protocol === 'app:' ? electronOrigin : new URL(requestingUrl).origin, { requestingUrl, isMainFrame }) as boolean;
  return { session, handlers, request, check };
}

