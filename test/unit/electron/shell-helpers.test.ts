import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { describeStartupError } from '../../../electron/main/startup-error';
import { resolveDataLocation } from '../../../electron/main/user-data';
import { defaultDbPath } from '../../../electron/core/paths';

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];

describe('menu', () => {
  it('has Indonesian menus; reload and developer tools only in development', () => {
    const onAbout = vi.fn();
    const prod = buildMenuTemplate({ isDev: false, isMac: false, onAbout });
    expect(prod.map((m) => m.label)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Bantuan']);
    expect(submenu(prod[0])).toEqual([{ role: 'quit', label: 'Keluar' }]);
    expect(submenu(prod[1]).map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const prodView = submenu(prod[2]).map((i) => i.role);
    expect(prodView).not.toContain('reload');
    expect(prodView).not.toContain('toggleDevTools');
    expect(prodView).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));

    const devView = submenu(buildMenuTemplate({ isDev: true, isMac: false, onAbout })[2]).map((i) => i.role);
    expect(devView).toContain('reload');

    const about = submenu(prod[3])[0]!;
    expect(about.label).toBe('Tentang Prakerja Office');
    (about.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });
});

describe('start-up errors', () => {
  const db = '/data/prakerja-office.sqlite';
  it('names the cause a clerk can act on', () => {
    const locked = describeStartupError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), db);
    expect(locked.message).toMatch(/sedang dipakai oleh program lain/);
    const newer = describeStartupError(new Error('corrupted migrations: previously executed migration 0009_x is missing'), db);
    expect(newer.message).toMatch(/versi Prakerja Office yang lebih baru/);
    const notDb = describeStartupError(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }), db);
    expect(notDb.message).toMatch(/rusak atau bukan basis data/);
    const denied = describeStartupError(Object.assign(new Error('EACCES'), { code: 'EACCES' }), db);
    expect(denied.message).toMatch(/tidak dapat dibaca atau ditulis/);
    const other = describeStartupError(new Error('disk I/O error'), db);
    expect(other.message).toContain('disk I/O error');
    for (const m of [locked, newer, notDb, denied, other]) expect(m.message).toContain(db);
  });
});

describe('data location', () => {
  const saved = process.env.PRAKERJA_DATA_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.PRAKERJA_DATA_DIR;
    else process.env.PRAKERJA_DATA_DIR = saved;
  });

  it('takes --user-data-dir first, then PRAKERJA_DATA_DIR, and agrees with the CLI default database path', () => {
    process.env.PRAKERJA_DATA_DIR = '/tmp/from-env';
    expect(resolveDataLocation(['electron', '.', '--user-data-dir=/tmp/from-flag'])).toEqual({
      dir: path.resolve('/tmp/from-flag'),
      dbPath: path.join(path.resolve('/tmp/from-flag'), 'prakerja-office.sqlite'),
    });
    expect(defaultDbPath()).toBe(path.join(path.resolve('/tmp/from-flag'), 'prakerja-office.sqlite'));

    process.env.PRAKERJA_DATA_DIR = '/tmp/from-env';
    const fromEnv = resolveDataLocation(['electron', '.']);
    expect(fromEnv.dir).toBe(path.resolve('/tmp/from-env'));
    expect(fromEnv.dbPath).toBe(defaultDbPath());

    delete process.env.PRAKERJA_DATA_DIR;
    const usual = resolveDataLocation([]);
    expect(usual.dir).toMatch(/Prakerja Office$/);
    expect(usual.dbPath).toBe(path.join(usual.dir, 'prakerja-office.sqlite'));
  });
});
