import { describe, expect, it, vi } from 'vitest';

// Requiring the real 'electron' package from Node would start a binary download.
vi.mock('electron', () => ({}));

import { mainWindowOptions, secureWebPreferences } from '../../../electron/main/window-options';

describe('main window options', () => {
  it('isolates the renderer: sandbox, context isolation, no Node anywhere, web security on', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('experimentalFeatures');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('opens hidden (shown on ready-to-show) with a minimum size for dense back-office pages', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBe(1100);
    expect(options.minHeight).toBe(700);
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });
});
