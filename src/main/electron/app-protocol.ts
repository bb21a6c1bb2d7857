import type { Protocol } from 'electron';
import { readRendererFile } from '../core/renderer-files';
import { contentSecurityPolicy } from '../core/renderer-security';

export const appScheme = 'app';
export const appHost = 'console';

/** Must run before `app.ready`: `app://` behaves like a standard, secure origin. */
export const appSchemePrivileges = [
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false } },
];

/** Serves the built renderer from `app://console/`, never from `file://`, with the CSP on every answer. */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Not found', { status: 404 });
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' },
    });
  });
}
