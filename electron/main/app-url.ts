/**
 * The one place the app's own pages live: the built index.html as a file:// URL, or the
 * electron-vite dev server's origin. Navigation guards and the IPC sender check both ask this.
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  const target = parseUrl(candidate);
  const app = parseUrl(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') {
    // Hash routes and query strings are the app's own business; the document must be the same file.
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  return (app.protocol === 'http:' || app.protocol === 'https:') && target.origin === app.origin;
}

/** https links the renderer may hand to the system browser: no credentials, a real host. */
export function isSafeExternalUrl(candidate: string): boolean {
  const url = parseUrl(candidate);
  return !!url && url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
