import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './schema';

export interface Db {
  /** The raw connection: for hot paths and pragmas. Statements on it are synchronous. */
  sqlite: BetterSqlite3.Database;
  kysely: Kysely<Database>;
  path: string;
  close(): Promise<void>;
}

export function openSqlite(file: string, options: { readonly?: boolean } = {}): BetterSqlite3.Database {
  if (!options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

export function openDb(file: string): Db {
  const sqlite = openSqlite(file);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    kysely,
    path: file,
    async close() {
      await kysely.destroy();
    },
  };
}
