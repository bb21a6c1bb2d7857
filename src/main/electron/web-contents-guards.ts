import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../core/external-links';
import { originOf } from '../core/origin-of';

/** Every permission request and check is refused: the console needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The window never navigates away from the app and never opens windows. An http(s) link opens in
 * the system browser only when it passes the allow-list.
 */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}
