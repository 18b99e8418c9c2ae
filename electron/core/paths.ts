import os from 'node:os';
import path from 'node:path';

/**
 * The default database location: the same user-data folder Electron uses for this app
 * (app.getPath('userData')), so the CLI, the browser shell and the desktop app share one database.
 * PRAKERJA_DATA_DIR points it elsewhere (tests).
 */
export function userDataDir(): string {
  if (process.env.PRAKERJA_DATA_DIR) return path.resolve(process.env.PRAKERJA_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Prakerja Office');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Prakerja Office');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Prakerja Office');
}

export function defaultDbPath(): string {
  return path.join(userDataDir(), 'prakerja-office.sqlite');
}
