// npm start: build and open the desktop app. Where the Electron binary cannot be had, say so and point to the browser shell.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let electron = electronBinaryPath();
if (!electron) {
  console.log('Electron binary not found; trying to download it once (node node_modules/electron/install.js)...');
  const install = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  electron = install.status === 0 ? electronBinaryPath() : null;
  if (!electron) {
    const detail = (install.stderr || install.error?.message || '').trim().split('\n')[0];
    console.error(
      [
        '',
        'The Electron binary could not be downloaded on this machine' + (detail ? ` (${detail}).` : '.'),
        'The same app runs in the browser: `npm run serve` starts it at http://127.0.0.1:5174',
        '',
        'Electron tidak dapat diunduh di komputer ini. Jalankan `npm run serve` dan buka http://127.0.0.1:5174 di peramban.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// ELECTRON_RUN_AS_NODE would make the binary behave as plain Node and ignore the app.
const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
