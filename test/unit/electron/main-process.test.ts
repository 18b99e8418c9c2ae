import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_SUBSCRIBE_CHANNEL } from '../../../shared/api/transport';
import { CONTENT_SECURITY_POLICY } from '../../../electron/server/csp';
import { createCore } from '../../../electron/core/app';

/** A stand-in for the parts of Electron the shell wires together; each test imports electron/main/index afresh. */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const emitter = () => {
    const listeners = new Map<string, Listener[]>();
    const self = {
      listeners,
      on(name: string, fn: Listener) {
        listeners.set(name, [...(listeners.get(name) ?? []), fn]);
        return self;
      },
      once(name: string, fn: Listener) {
        return self.on(name, fn);
      },
      emit(name: string, ...args: unknown[]) {
        for (const fn of listeners.get(name) ?? []) fn(...args);
      },
    };
    return self;
  };
  const state = {
    log: [] as string[],
    lock: true,
    app: emitter(),
    windows: [] as Array<ReturnType<typeof emitter> & { options: unknown; url?: string; shown: boolean; focused: boolean; minimized: boolean; restored: boolean }>,
    handles: new Map<string, Listener>(),
    menu: null as unknown,
    errorBoxes: [] as Array<[string, string]>,
    sessionCalls: {} as Record<string, Listener>,
    exitCode: null as number | null,
  };
  return { state, emitter };
});

vi.mock('electron', () => {
  const { state, emitter } = fake;
  const app = Object.assign(state.app, {
    isPackaged: false,
    setName: (name: string) => state.log.push(`setName:${name}`),
    setPath: (name: string, value: string) => state.log.push(`setPath:${name}:${value}`),
    enableSandbox: () => state.log.push('enableSandbox'),
    commandLine: { appendSwitch: (name: string, value?: string) => state.log.push(`switch:${name}=${value ?? ''}`) },
    requestSingleInstanceLock: () => {
      state.log.push('requestSingleInstanceLock');
      return state.lock;
    },
    whenReady: () => {
      state.log.push('whenReady');
      return Promise.resolve();
    },
    quit: () => state.log.push('quit'),
    exit: (code: number) => {
      state.exitCode = code;
      state.log.push(`exit:${code}`);
    },
  });
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    constructor(options: unknown) {
      const win = Object.assign(emitter(), {
        options,
        shown: false,
        focused: false,
        minimized: false,
        restored: false,
        loadURL: async (url: string) => {
          win.url = url;
        },
        show: () => (win.shown = true),
        focus: () => (win.focused = true),
        isMinimized: () => win.minimized,
        restore: () => (win.restored = true),
      }) as (typeof state.windows)[number] & { url?: string };
      state.windows.push(win);
      return win as unknown as BrowserWindow;
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: (h: never) => (state.sessionCalls.request = h),
    setPermissionCheckHandler: (h: never) => (state.sessionCalls.check = h),
    setDevicePermissionHandler: (h: never) => (state.sessionCalls.device = h),
    webRequest: { onHeadersReceived: (h: never) => (state.sessionCalls.headers = h) },
  };
  return {
    app,
    BrowserWindow,
    session: { defaultSession },
    ipcMain: {
      handle: (channel: string, fn: never) => state.handles.set(channel, fn),
      removeHandler: (channel: string) => state.handles.delete(channel),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    dialog: {
      showErrorBox: (title: string, message: string) => state.errorBoxes.push([title, message]),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
    },
    shell: { openExternal: vi.fn(async () => {}) },
  };
});

const savedArgv = process.argv;
const savedDataDir = process.env.PRAKERJA_DATA_DIR;
let dataDir: string;

beforeEach(() => {
  Object.assign(fake.state, { log: [], lock: true, windows: [], menu: null, errorBoxes: [], sessionCalls: {}, exitCode: null });
  fake.state.app.listeners.clear();
  fake.state.handles.clear();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-shell-'));
  process.argv = [process.execPath, 'out/main/index.js', `--user-data-dir=${dataDir}`];
  vi.resetModules();
});

afterEach(async () => {
  if (fake.state.windows.length > 0) {
    // Quits the way the app does: the shell closes its core, then quits again.
    fake.state.app.emit('will-quit', { preventDefault: () => {} });
    await vi.waitFor(() => expect(fake.state.log).toContain('quit'));
  }
  process.argv = savedArgv;
  if (savedDataDir === undefined) delete process.env.PRAKERJA_DATA_DIR;
  else process.env.PRAKERJA_DATA_DIR = savedDataDir;
});

async function startShell() {
  await import('../../../electron/main/index');
}

describe('Electron main process', () => {
  it('puts user data where asked before taking the single-instance lock, then opens a hardened window on the app', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    const { log } = fake.state;
    expect(log.indexOf(`setPath:userData:${dataDir}`)).toBeGreaterThanOrEqual(0);
    expect(log.indexOf(`setPath:userData:${dataDir}`)).toBeLessThan(log.indexOf('requestSingleInstanceLock'));
    expect(log).toContain('enableSandbox');
    // Chromium's own locale (date inputs) is Indonesian, set before the app is ready.
    expect(log.indexOf('switch:lang=id-ID')).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('switch:lang=id-ID')).toBeLessThan(log.indexOf('whenReady'));
    expect(fs.existsSync(path.join(dataDir, 'prakerja-office.sqlite'))).toBe(true);

    const win = fake.state.windows[0]!;
    const options = win.options as { minWidth: number; show: boolean; webPreferences: Record<string, unknown> };
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(options.webPreferences.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(win.url).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);

    expect([...fake.state.handles.keys()].sort()).toEqual([IPC_CALL_CHANNEL, IPC_SUBSCRIBE_CHANNEL].sort());
    expect(Object.keys(fake.state.sessionCalls).sort()).toEqual(['check', 'device', 'headers', 'request']);
    let headers: Record<string, string[]> = {};
    fake.state.sessionCalls.headers!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    const labels = (fake.state.menu as Array<{ label: string }>).map((m) => m.label);
    expect(labels).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Bantuan']);

    // A call through the registered handler from the window's own frame reaches the real core.
    const result = await fake.state.handles.get(IPC_CALL_CHANNEL)!(
      { sender: {}, senderFrame: { url: win.url, parent: null } },
      { method: 'system.status', input: {}, token: null },
    );
    expect(result).toMatchObject({ ok: true, value: { firstRun: true } });
  });

  it('guards every webContents the app creates', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    const contents = Object.assign(fake.emitter(), { setWindowOpenHandler: vi.fn() });
    fake.state.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect([...contents.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    const win = fake.state.windows[0]!;
    win.minimized = true;
    fake.state.app.emit('second-instance');
    expect(win.restored).toBe(true);
    expect(win.focused).toBe(true);
  });

  it('the second instance quits without opening anything', async () => {
    fake.state.lock = false;
    await startShell();
    expect(fake.state.log).toContain('quit');
    expect(fake.state.log).not.toContain('whenReady');
    expect(fake.state.windows).toHaveLength(0);
  });

  it('explains in Indonesian, and exits, when the database belongs to a newer version', async () => {
    const dbPath = path.join(dataDir, 'prakerja-office.sqlite');
    await (await createCore(dbPath)).close();
    const sqlite = new BetterSqlite3(dbPath);
    sqlite.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999_from_the_future', new Date().toISOString());
    sqlite.close();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startShell();
    await vi.waitFor(() => expect(fake.state.exitCode).toBe(1));
    spy.mockRestore();
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.errorBoxes).toHaveLength(1);
    const [title, message] = fake.state.errorBoxes[0]!;
    expect(title).toBe('Prakerja Office tidak dapat dibuka');
    expect(message).toContain('versi Prakerja Office yang lebih baru');
    expect(message).toContain(dbPath);
  });
});
