import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core/app';
import { APP_VERSION } from '../core/version';
import { CONTENT_SECURITY_POLICY } from '../server/csp';
import { registerApiIpc } from './ipc';
import { nativeFileMethods } from './native-files';
import { buildMenuTemplate } from './menu';
import { applyContentSecurityPolicy, denyAllPermissions, guardWebContents } from './navigation-guards';
import { describeStartupError } from './startup-error';
import { isTrustedSenderFrame } from './trusted-frame';
import { resolveDataLocation } from './user-data';
import { mainWindowOptions } from './window-options';

/*
 * The Electron shell: lifecycle, window, menu, dialogs, and the IPC transport onto the core.
 * No business logic lives here.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
const appUrl = devServerUrl ?? pathToFileURL(path.join(here, '../renderer/index.html')).href;
const isDev = devServerUrl !== undefined;

app.setName('Prakerja Office');
const { dir, dbPath } = resolveDataLocation(process.argv);
// Before anything else: the single-instance lock and Chromium's own storage live in this folder.
app.setPath('userData', dir);
app.enableSandbox();
// Chromium draws date inputs in its own locale, not the page's: Indonesian (dd/mm/yyyy), as the staff write dates.
app.commandLine.appendSwitch('lang', 'id-ID');

let core: Core | null = null;
let disposeIpc: (() => void) | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { appUrl, openExternal: (url) => void shell.openExternal(url) });
  });

  app.whenReady().then(start, (err: unknown) => fail(err));

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (!core || closed) return;
    // Let running jobs stop and the database close cleanly before the process ends.
    event.preventDefault();
    const closing = core;
    core = null;
    disposeIpc?.();
    closing.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isDev, isMac: process.platform === 'darwin', onAbout: showAbout })));
  applyContentSecurityPolicy(session.defaultSession, CONTENT_SECURITY_POLICY);
  denyAllPermissions(session.defaultSession);
  try {
    core = await createCore(dbPath);
  } catch (err) {
    fail(err);
    return;
  }
  const dialogs = {
    showOpen: async (filters: { name: string; extensions: string[] }[]) => {
      const options = { properties: ['openFile' as const], filters };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    showSave: async (suggestedName: string) => {
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName) };
      const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : (r.filePath ?? null);
    },
  };
  disposeIpc = registerApiIpc(ipcMain, core, (frame) => isTrustedSenderFrame(frame, appUrl), nativeFileMethods(core, dialogs));
  createWindow();
}

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(appUrl).catch((err: unknown) => console.error('[main] could not load the renderer', err));
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'Tentang Prakerja Office',
    message: 'Prakerja Office',
    detail: `Versi ${APP_VERSION}\nAplikasi back-office program pelatihan Prakerja.\n\nFolder data: ${dir}`,
    buttons: ['Tutup'],
  };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

function fail(err: unknown): void {
  console.error('[main] start-up failed', err);
  const { title, message } = describeStartupError(err, dbPath);
  dialog.showErrorBox(title, message);
  app.exit(1);
}
