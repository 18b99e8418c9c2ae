import { Migrator, type MigrationProvider } from 'kysely';
import path from 'node:path';
import { backupDatabase, stamp } from './backup';
import type { Db } from './connection';
import { migrations } from './migrations';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrateResult {
  applied: string[];
  backup: string | null;
  schemaVersion: string;
}

/** Brings the database to the latest schema; an existing database is backed up first. */
export async function migrateToLatest(db: Db): Promise<MigrateResult> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const states = await migrator.getMigrations();
  const pending = states.filter((m) => !m.executedAt);
  let backup: string | null = null;
  if (pending.length > 0 && states.some((m) => m.executedAt)) {
    backup = path.join(path.dirname(path.resolve(db.path)), 'backups', `before-${pending[0]!.name}-${stamp()}.sqlite`);
    await backupDatabase(db.sqlite, backup);
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    backup,
    schemaVersion: latestSchemaVersion(),
  };
}

export function latestSchemaVersion(): string {
  return Object.keys(migrations).sort().at(-1) ?? '';
}
