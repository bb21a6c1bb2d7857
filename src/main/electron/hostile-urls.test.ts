import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { guardWebContents } from './web-contents-guards';
import { isAllowedExternalUrl } from '../core/external-links';
import { electronOrigin } from '../core/renderer-security';

/** URLs an attacker could put in a portal field, a link or a redirect. None may be navigated to or opened. */
const hostileUrls = [
  'https://electronjs.org.evil.example/',
  'https://www.electronjs.org.evil.example/docs',
  'https://electronjs.org@evil.example/',
  'https://evil.example/?next=https://electronjs.org',
  'https://xn--electrnjs-16a.org/',
  'https://electronjs.org:8443/',
  'http://electronjs.org/',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'smb://evil.example/share',
  'ms-msdt:/id PCWDiagnostic',
  'https://user:pass@electronjs.org/',
  '%6A%61%76%61%73%63%72%69%70%74:alert(1)',
  'https://electronjs%2Eorg.evil.example/',
  'app://evil/',
  'about:blank',
  '',
  'not a url',
];

function stub() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
  const contents = {
    on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
  } as unknown as WebContents;
  return { contents, listeners, open: (url: string) => openHandler({ url }) };
}

describe('hostile URLs', () => {
  it('lets the allow-listed link and in-app navigation through the same checks, so each refusal below is a real one', () => {
    const { contents, listeners, open } = stub();
    const openExternal = vi.fn(async () => {});
    guardWebContents(contents, openExternal, electronOrigin);
    const preventDefault = vi.fn();
    listeners.get('will-navigate')!({ preventDefault }, `${electronOrigin}/history`);
    expect(preventDefault).not.toHaveBeenCalled();
    expect(open('https://www.electronjs.org/docs').action).toBe('deny');
    expect(openExternal).toHaveBeenCalledWith('https://www.electronjs.org/docs');
    expect(isAllowedExternalUrl('https://electronjs.org/')).toBe(true);
  });

  it.each(hostileUrls)('refuses to navigate to, redirect to, open or hand out %j', (url) => {
    const { contents, listeners, open } = stub();
    const openExternal = vi.fn(async () => {});
    guardWebContents(contents, openExternal, electronOrigin);
    for (const name of ['will-navigate', 'will-redirect']) {
      const preventDefault = vi.fn();
      listeners.get(name)!({ preventDefault }, url);
      expect(preventDefault).toHaveBeenCalled();
    }
    expect(open(url).action).toBe('deny');
    expect(openExternal).not.toHaveBeenCalled();
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
