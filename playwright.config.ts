import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * E2E against the browser shell (the built renderer + the real core over HTTP) in Debian's Chromium.
 * Assumes `npm run build` ran. Every run starts on a fresh, empty data folder, so the first-run page shows.
 * The folder is made once in the runner process and handed to its workers through the environment.
 */
if (!process.env.PRAKERJA_E2E_DATA_DIR) process.env.PRAKERJA_E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-e2e-'));
const dataDir = process.env.PRAKERJA_E2E_DATA_DIR;
const port = Number(process.env.PRAKERJA_E2E_PORT ?? 5317);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test/e2e/artifacts/test-results',
  // The foundation flow is one story (first run, then users that depend on it): one worker, in order.
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: 'test/e2e/artifacts/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1366, height: 800 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node out/main/serve.js ${port}`,
    url: `http://127.0.0.1:${port}/`,
    env: { PRAKERJA_DATA_DIR: dataDir, PRAKERJA_DB: path.join(dataDir, 'prakerja-office.sqlite') },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
