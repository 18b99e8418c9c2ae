import { defineConfig } from '@playwright/test';
import { ELECTRON_MISSING_MESSAGE, electronBinaryPath } from './scripts/electron-binary.mjs';

if (!electronBinaryPath() && !process.env.TEST_WORKER_INDEX) console.warn(`Skipping the Electron suite: ${ELECTRON_MISSING_MESSAGE}.`);

/** The thin Electron suite: what only the desktop shell does. The UI itself is tested in test/e2e over the browser shell. */
export default defineConfig({
  testDir: 'test/e2e-electron',
  outputDir: 'test-results/electron',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
