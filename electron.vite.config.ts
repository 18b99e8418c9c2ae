import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

/**
 * Our folders differ from the electron-vite template, so every entry is explicit.
 * main: the Electron shell plus the plain-Node entries that share the core (job worker, CLI, browser shell),
 * all in out/main so the job runner finds jobWorker.js (the import its importParser.js, wave selection its registerReader.js) beside the bundle.
 */
export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          jobWorker: resolve(__dirname, 'electron/core/jobs/worker.ts'),
          importParser: resolve(__dirname, 'electron/core/applicants/import/parse-worker.ts'),
          registerReader: resolve(__dirname, 'electron/core/waves/register-reader-worker.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          serve: resolve(__dirname, 'electron/server/serve-main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandboxed preload must be one CommonJS file that needs nothing but 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    define,
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
