import type BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { appendAuditSync, type AuditEntry } from '../audit/chain';
import { exportsDir, newFileRef } from './registry';

/** Where an export job writes: the exports folder beside the database, under a name that cannot collide. */
export function exportTarget(dbPath: string, fileName: string): string {
  const dir = exportsDir(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${Date.now()}-${newFileRef().slice(0, 8)}-${fileName}`);
}

/**
 * Registers a finished export for its owner to download (GET /api/download/<fileRef>, or the CLI's copy)
 * and audits it, in one transaction on the worker's own connection (registerFile's synchronous twin).
 */
export function registerExportSync(
  sqlite: BetterSqlite3.Database,
  file: { path: string; originalName: string; ownerUserId: number | null },
  audit: AuditEntry,
  now = new Date(),
): { fileRef: string; fileName: string; size: number } {
  const size = fs.statSync(file.path).size;
  const ref = newFileRef();
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    sqlite
      .prepare(`INSERT INTO file_refs (ref, path, original_name, size, owner_user_id, origin, created_at) VALUES (?, ?, ?, ?, ?, 'export', ?)`)
      .run(ref, path.resolve(file.path), file.originalName, size, file.ownerUserId, now.toISOString());
    appendAuditSync(sqlite, audit, now);
    sqlite.exec('COMMIT');
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
  return { fileRef: ref, fileName: file.originalName, size };
}
