import BetterSqlite3 from 'better-sqlite3';
import { Migrator, sql, type Kysely } from 'kysely';
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '../../electron/core/db/connection';
import { migrations } from '../../electron/core/db/migrations';
import { tempDbPath } from '../helpers/core';
import { runCliCaptured } from '../helpers/cli';

// One more migration than the app has, so that an existing database always has one pending.
vi.mock('../../electron/core/db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/db/migrations')>();
  return {
    migrations: {
      ...real.migrations,
      '9999_test_probe': { up: async (db: Kysely<unknown>) => void (await sql`CREATE TABLE probe (id INTEGER PRIMARY KEY)`.execute(db)) },
    },
  };
});

const applied = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

describe('automatic backup before a migration', () => {
  it('backs up an existing database before migrating it, and the backup holds the old schema', async () => {
    const names = Object.keys(migrations).sort();
    const previous = names.at(-2)!;
    const dbPath = tempDbPath();
    const db = openDb(dbPath);
    const { error } = await new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } }).migrateTo(previous);
    expect(error).toBeUndefined();
    await db.close();

    const run = await runCliCaptured(['--db', dbPath, '--json', 'db', 'migrate']);
    expect(run.code).toBe(0);
    const out = run.json() as { applied: string[]; backup: string; schemaVersion: string };
    expect(out.applied).toEqual(['9999_test_probe']);
    expect(out.schemaVersion).toBe('9999_test_probe');
    expect(out.backup).toContain('before-9999_test_probe');
    expect(fs.existsSync(out.backup)).toBe(true);
    expect(applied(out.backup)).toEqual(names.slice(0, -1));
    expect(applied(dbPath)).toEqual(names);
  });

  it('makes no backup for a new database', async () => {
    const run = await runCliCaptured(['--db', tempDbPath(), '--json', 'db', 'migrate']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ backup: null, schemaVersion: '9999_test_probe' });
  });
});
