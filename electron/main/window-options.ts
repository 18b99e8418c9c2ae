import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Everything the renderer could use to reach Node or weaken the page is off; the preload is the only bridge. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export const MIN_WIDTH = 1100;
export const MIN_HEIGHT = 700;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Prakerja Office',
    width: 1440,
    height: 900,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
