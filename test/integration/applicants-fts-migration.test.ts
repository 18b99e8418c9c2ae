import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../electron/core/db/connection';
import { migrations } from '../../electron/core/db/migrations';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { tempDbPath } from '../helpers/core';

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const insert = (db: Db, id: number, name: string) =>
  db.sqlite
    .prepare(
      `INSERT INTO applicants (id, registration_id, nik, kk, full_name, birth_date, gender, province_code, regency_code, employment_status, registered_at, updated_at)
       VALUES (?, ?, '3273010101900001', '3273010000000001', ?, '1990-01-01', 'L', '32', '3273', 'unemployed', '2026-05-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z')`,
    )
    .run(id, `M-${id}`, name);
const search = (db: Db, q: string) => db.sqlite.prepare(`SELECT rowid FROM applicants_fts WHERE applicants_fts MATCH ? ORDER BY rowid`).pluck().all(q);

describe('0008: the name index without column sizes', () => {
  it('rebuilds an existing name index in place: same matches, no docsize table, triggers still in step', async () => {
    db = openDb(tempDbPath());
    const { error } = await new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } }).migrateTo('0005_catalog_enrollments');
    expect(error).toBeUndefined();
    insert(db, 1, 'Dewi Lestari');
    insert(db, 2, 'Dédi Santoso');
    expect(search(db, '"de"*')).toEqual([1, 2]);

    await migrateToLatest(db);
    const sqlOf = db.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'applicants_fts'`).pluck().get() as string;
    expect(sqlOf).toMatch(/columnsize=0/);
    expect(sqlOf).toMatch(/prefix='2 3'/);
    expect(db.sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'applicants_fts_docsize'`).pluck().get()).toBe(0);
    expect(db.sqlite.prepare(`SELECT v FROM applicants_fts_config WHERE k = 'hashsize'`).pluck().get()).toBe(64 * 1024 * 1024);
    expect(search(db, '"de"*')).toEqual([1, 2]);
    expect(search(db, '"dedi"*')).toEqual([2]);
    insert(db, 3, 'Rina Dewanti');
    db.sqlite.prepare(`UPDATE applicants SET full_name = 'Putri Ayu' WHERE id = 1`).run();
    expect(search(db, '"dew"*')).toEqual([3]);
    expect(search(db, '"pu"*')).toEqual([1]);
    db.sqlite.exec(`INSERT INTO applicants_fts(applicants_fts, rank) VALUES ('integrity-check', 1)`);
  });
});
