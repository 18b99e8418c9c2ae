import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { migrations } from './migrations';

/** SQLite's online backup: consistent even while the app keeps writing (WAL). */
export async function backupDatabase(sqlite: BetterSqlite3.Database, file: string): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  fs.rmSync(tmp, { force: true });
  await sqlite.backup(tmp, { progress: growOnRestart() });
  fs.renameSync(tmp, target);
  return { file: target, bytes: fs.statSync(target).size };
}

/**
 * Pages per backup step. A write by another connection restarts the copy from the first page, so with
 * fixed small steps a busy database is never finished; each restart quadruples the step until the
 * rest fits in one (one read transaction, which in WAL mode does not block writers).
 */
function growOnRestart(): (progress: { totalPages: number; remainingPages: number }) => number {
  let pages = 1000;
  let lastRemaining = Number.POSITIVE_INFINITY;
  return ({ remainingPages }) => {
    if (remainingPages >= lastRemaining) pages = Math.min(pages * 4, 0x7fffffff);
    lastRemaining = remainingPages;
    return pages;
  };
}

/** Why a file cannot be restored, or null when it is a sound database of this app. */
export function checkRestorable(file: string): string | null {
  if (!fs.existsSync(file)) return `File ${file} tidak ditemukan.`;
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `File ${file} rusak (integrity_check: ${String(integrity)}).`;
    const hasTable = (name: string) => !!db!.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(name);
    if (!hasTable('kysely_migration') || !hasTable('users') || !hasTable('audit_log')) {
      return `File ${file} bukan basis data Prakerja Office.`;
    }
    const applied = (db.prepare(`SELECT name FROM kysely_migration ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    const known = Object.keys(migrations).sort();
    if (applied.some((name, i) => known[i] !== name)) {
      return `File ${file} berasal dari versi aplikasi yang lebih baru atau tidak dikenal; perbarui aplikasi dahulu.`;
    }
    return null;
  } catch (err) {
    return `File ${file} bukan basis data SQLite yang dapat dibaca (${(err as Error).message}).`;
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database at dbPath with a copy of file. The caller must have closed every connection to dbPath.
 * The current database is kept beside it as a safety copy first.
 */
export async function restoreDatabase(dbPath: string, file: string): Promise<{ safetyCopy: string | null }> {
  const problem = checkRestorable(file);
  if (problem) throw new ApiError('VALIDATION', problem);
  let safetyCopy: string | null = null;
  if (fs.existsSync(dbPath)) {
    const current = new BetterSqlite3(dbPath);
    try {
      safetyCopy = path.join(path.dirname(dbPath), 'backups', `before-restore-${stamp()}.sqlite`);
      await backupDatabase(current, safetyCopy);
    } finally {
      current.close();
    }
  }
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const tmp = `${dbPath}.restoring`;
  try {
    fs.rmSync(tmp, { force: true });
    await source.backup(tmp);
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(tmp, dbPath);
  return { safetyCopy };
}

export function stamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
}
