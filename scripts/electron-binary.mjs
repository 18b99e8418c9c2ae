import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The installed Electron executable, or null when the binary has not been downloaded.
 * Reads node_modules/electron/path.txt and dist/ directly: requiring 'electron' would start a download.
 */
export function electronBinaryPath() {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  if (!relative && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const executable = path.join(distDir, relative || 'electron');
  return fs.existsSync(executable) && fs.statSync(executable).isFile() ? executable : null;
}

export const ELECTRON_MISSING_MESSAGE =
  'Electron binary not installed (cannot be downloaded on this machine); run npm start on a workstation to exercise it';
