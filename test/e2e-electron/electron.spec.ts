import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ELECTRON_MISSING_MESSAGE, electronBinaryPath } from '../../scripts/electron-binary.mjs';

const executablePath = electronBinaryPath();
const mainScript = path.resolve('out/main/index.js');

test.skip(!executablePath, ELECTRON_MISSING_MESSAGE);

test('the desktop app opens the first-run page in a window without Node', async () => {
  expect(fs.existsSync(mainScript), 'build first: npx electron-vite build').toBe(true);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-electron-'));
  // executablePath is always given: without it Playwright would require('electron'), which downloads.
  const app = await electron.launch({
    executablePath: executablePath!,
    args: [mainScript],
    env: withoutDevServer({ ...process.env, PRAKERJA_DATA_DIR: dataDir }),
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByText('Selamat datang di Prakerja Office')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('first-run.png') });

    const exposure = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        api: Object.keys((w.api as object) ?? {}).sort(),
        popup: (w.open as (url: string) => unknown)('https://example.com/') === null,
      };
    });
    expect(exposure).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', api: ['invoke', 'on'], popup: true });

    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(fs.existsSync(path.join(dataDir, 'prakerja-office.sqlite'))).toBe(true);
  } finally {
    await app.close();
  }
});

function withoutDevServer(env: NodeJS.ProcessEnv): Record<string, string> {
  const { ELECTRON_RENDERER_URL: _dev, ...rest } = env;
  return Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => e[1] !== undefined));
}
