import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../core/external-links';
import { originOf } from '../core/origin-of';

/**
 * The one permission the console uses: writing the ticket note to the clipboard (`navigator.clipboard.write`
 * asks for `clipboard-sanitized-write`). A deny-all handler makes that write reject silently, so it is granted
 * to the app's own top frame only, in both the request and the check handler; everything else is refused.
 */
export const grantedPermission = 'clipboard-sanitized-write';

export function restrictPermissions(session: Session, appOrigin: string): void {
  const isAppTopFrame = (url: string | undefined, isMainFrame: boolean | undefined) => isMainFrame === true && !!url && originOf(url) === appOrigin;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === grantedPermission && isAppTopFrame(details.requestingUrl, details.isMainFrame));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    return permission === grantedPermission && originOf(requestingOrigin) === appOrigin && isAppTopFrame(details.requestingUrl, details.isMainFrame);
  });
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
