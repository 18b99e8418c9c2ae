import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Database } from '../db/schema';

/**
 * Files reach the core as opaque references, never as paths from the renderer: the browser shell's
 * upload, Electron's native dialog, the CLI and exports register a file here and pass its ref around.
 */
export interface FileRecord {
  ref: string;
  path: string;
  originalName: string;
  size: number;
  ownerUserId: number | null;
  origin: 'upload' | 'local' | 'export';
}

/** Where uploads and exports live: beside the database, so they share its disk and permissions. */
export function uploadsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'uploads');
}
export function exportsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'exports');
}

export function newFileRef(): string {
  return randomBytes(16).toString('hex');
}

export async function registerFile(
  db: Kysely<Database>,
  file: { path: string; originalName: string; ownerUserId: number | null; origin: FileRecord['origin']; ref?: string },
  now = new Date(),
): Promise<FileRecord> {
  let size: number;
  try {
    const stat = fs.statSync(file.path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new ApiError('NOT_FOUND', `File ${file.originalName} tidak ditemukan atau bukan file biasa.`);
  }
  const record: FileRecord = {
    ref: file.ref ?? newFileRef(),
    path: path.resolve(file.path),
    originalName: path.basename(file.originalName).slice(0, 255) || 'file',
    size,
    ownerUserId: file.ownerUserId,
    origin: file.origin,
  };
  await db
    .insertInto('file_refs')
    .values({
      ref: record.ref,
      path: record.path,
      original_name: record.originalName,
      size: record.size,
      owner_user_id: record.ownerUserId,
      origin: record.origin,
      created_at: now.toISOString(),
    })
    .execute();
  return record;
}

/** For hosts that pick a file themselves (Electron's dialog, the CLI, tests): the path is trusted. */
export async function registerLocalFile(core: { db: { kysely: Kysely<Database> } }, filePath: string, ownerUserId: number | null): Promise<FileRecord> {
  return registerFile(core.db.kysely, { path: filePath, originalName: path.basename(filePath), ownerUserId, origin: 'local' });
}

/** The file behind a ref, for its owner only (admins may use any); anything else is "not found". */
export async function resolveFileRef(db: Kysely<Database>, ref: string, user: { id: number; role: string }): Promise<FileRecord> {
  const row = await db.selectFrom('file_refs').selectAll().where('ref', '=', ref).executeTakeFirst();
  if (!row || (row.owner_user_id !== null && row.owner_user_id !== user.id && user.role !== 'admin') || !fs.existsSync(row.path)) {
    throw new ApiError('NOT_FOUND', 'File tidak ditemukan (mungkin sudah dihapus atau milik pengguna lain). Pilih file lagi.');
  }
  return { ref: row.ref, path: row.path, originalName: row.original_name, size: row.size, ownerUserId: row.owner_user_id, origin: row.origin };
}
