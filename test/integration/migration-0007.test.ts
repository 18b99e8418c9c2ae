import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../electron/core/db/connection';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { tempDbPath } from '../helpers/core';

describe('migration 0007_invoices', () => {
  it('rebuilds import_runs with the finance kinds, keeping every run, its rejects and the rows that point at it', async () => {
    const dbPath = tempDbPath();
    const db = openDb(dbPath);
    const { error } = await new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } }).migrateTo('0005_catalog_enrollments');
    expect(error).toBeUndefined();
    const s = db.sqlite;
    s.prepare(`INSERT INTO import_runs (id, kind, file_name, file_sha256, file_size, started_at, status, rows_total, inserted, rejected) VALUES (7, 'applicants', 'a.csv', 'x', 10, '2026-11-01T00:00:00Z', 'done', 2, 1, 1)`).run();
    s.prepare(`INSERT INTO import_rejects (run_id, seq, row, column_name, reason, value) VALUES (7, 1, 3, 'gender', 'bukan L atau P', 'X')`).run();
    s.prepare(`INSERT INTO applicants (registration_id, nik, kk, full_name, birth_date, gender, province_code, regency_code, employment_status, registered_at, import_run_id, updated_at)
      VALUES ('R-1', '3273014101900001', '3273010000000001', 'Siti', '1990-01-01', 'P', '32', '3273', 'unemployed', '2026-11-01T00:00:00.000Z', 7, 'x')`).run();
    expect(() => s.prepare(`INSERT INTO import_runs (kind, file_name, file_sha256, file_size, started_at, status) VALUES ('invoices', 'i.csv', 'y', 1, 'x', 'done')`).run()).toThrow(/CHECK/);

    const result = await migrateToLatest(db);
    expect(result.applied).toContain('0007_invoices');
    expect(s.prepare('SELECT id, kind, file_name, rows_total, inserted, rejected FROM import_runs').all()).toEqual([{ id: 7, kind: 'applicants', file_name: 'a.csv', rows_total: 2, inserted: 1, rejected: 1 }]);
    expect(s.prepare('SELECT run_id, row, column_name FROM import_rejects').all()).toEqual([{ run_id: 7, row: 3, column_name: 'gender' }]);
    expect(s.pragma('foreign_key_check')).toEqual([]);
    expect(s.pragma('foreign_keys', { simple: true })).toBe(1);
    // The foreign keys still point at import_runs: a reject of a missing run is refused.
    expect(() => s.prepare(`INSERT INTO import_rejects (run_id, seq, row, column_name, reason) VALUES (99, 1, 2, 'x', 'y')`).run()).toThrow(/FOREIGN KEY/);
    for (const kind of ['institutions', 'trainings', 'enrollments', 'invoices']) {
      s.prepare(`INSERT INTO import_runs (kind, file_name, file_sha256, file_size, started_at, status) VALUES (?, 'f', 'y', 1, 'x', 'done')`).run(kind);
    }
    expect(() => s.prepare(`INSERT INTO import_runs (kind, file_name, file_sha256, file_size, started_at, status) VALUES ('waves', 'f', 'y', 1, 'x', 'done')`).run()).toThrow(/CHECK/);
    expect(s.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'import_runs' AND name NOT LIKE 'sqlite_%'`).pluck().all()).toEqual(['import_runs_kind']);
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
    await db.close();
  });
});
