import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'out/main');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|mts|mjs|js)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The bench runs the core from its sources but its worker threads as the app runs them, built
 * (electron-vite, out/main): a worker started from source would be compiled by tsx on every start.
 * Builds first when the build is missing or older than a source file. Returns a note for the report.
 */
export function useBuiltWorkers(): string {
  const marker = path.join(OUT, 'registerReader.js');
  const sources = Math.max(newestSource(path.join(ROOT, 'electron')), newestSource(path.join(ROOT, 'shared')));
  let note = 'worker threads from the existing build (out/main)';
  if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < sources) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    note = 'worker threads from a fresh build (out/main)';
  }
  process.env.PRAKERJA_WORKER_DIR = OUT;
  return note;
}
