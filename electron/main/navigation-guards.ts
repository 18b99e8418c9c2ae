import type { Session, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './app-url';

export interface GuardOptions {
  appUrl: string;
  /** Opens a vetted https link in the system browser (shell.openExternal). */
  openExternal(url: string): void;
}

/**
 * Keeps a webContents on the app: no new windows (safe https links go to the system browser instead),
 * no navigation or redirect away from the app's own page, no <webview>.
 */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) options.openExternal(url);
    return { action: 'deny' };
  });
  const stayOnApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url, options.appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The app needs no camera, location, notifications, USB, …: every permission request and check is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Sends the shared CSP with every response the session receives. The renderer's index.html carries
 * the same policy as a meta tag, which also covers file:// loads.
 */
export function applyContentSecurityPolicy(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
