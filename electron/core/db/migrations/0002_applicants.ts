import type { Kysely } from 'kysely';
import { runStatements } from './run';

import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, EXCLUSION_LISTS } from '../../../../shared/applicant-values';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

/**
 * The applicant register (DESIGN 4), its name index, exclusion lists, and the record of every import.
 * registered_at holds the UTC instant as `YYYY-MM-DDTHH:MM:SS.sssZ`, so string order is instant order.
 * Secondary indexes follow the list's filters and sorts (APPLICANT_INDEXES is the one final set: fresh
 * databases get it here, older ones from 0004); the import drops and rebuilds them (and the
 * FTS index) inside its transaction when it loads a large file into a small table. The key is a named
 * unique index rather than a column constraint so that a first load into an empty table can build it last.
 */
export const APPLICANT_KEY_INDEX = `CREATE UNIQUE INDEX applicants_registration ON applicants(registration_id)`;
export const APPLICANT_INDEXES = [
  `CREATE INDEX applicants_nik ON applicants(nik)`,
  `CREATE INDEX applicants_kk ON applicants(kk)`,
  `CREATE INDEX applicants_registered ON applicants(registered_at)`,
  `CREATE INDEX applicants_name ON applicants(full_name)`,
  `CREATE INDEX applicants_birth ON applicants(birth_date)`,
  `CREATE INDEX applicants_province ON applicants(province_code, registered_at)`,
  `CREATE INDEX applicants_regency ON applicants(regency_code, registered_at)`,
  // Added by 0004 for the list: equality filter first, then the sort column (then the rowid), so that a
  // page, a deep OFFSET jump and a count are all index-only range scans (see core/applicants/list-query).
  `CREATE INDEX applicants_province_name ON applicants(province_code, full_name)`,
  // id named before birth_date, so the order (registered_at, id) survives with birth_date (age) held for the filter.
  `CREATE INDEX applicants_gender_registered ON applicants(gender, registered_at, id, birth_date)`,
  `CREATE INDEX applicants_employment_registered ON applicants(employment_status, registered_at)`,
];

/**
 * The name index: external content (the names live in applicants only), accents and case folded, with
 * prefix indexes for 2 and 3 characters so that a short typed prefix reads one doclist instead of merging
 * every name word it begins (0004 rebuilds an index created without them; 0008 recreates it without column sizes).
 */
export const APPLICANT_FTS = `CREATE VIRTUAL TABLE applicants_fts USING fts5(
      full_name, content='applicants', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )`;

/** Keeps the external-content FTS index in step with applicants in the writing transaction. */
export const APPLICANT_FTS_TRIGGERS = [
  `CREATE TRIGGER applicants_fts_ai AFTER INSERT ON applicants BEGIN
     INSERT INTO applicants_fts(rowid, full_name) VALUES (new.id, new.full_name);
   END`,
  `CREATE TRIGGER applicants_fts_ad AFTER DELETE ON applicants BEGIN
     INSERT INTO applicants_fts(applicants_fts, rowid, full_name) VALUES ('delete', old.id, old.full_name);
   END`,
  `CREATE TRIGGER applicants_fts_au AFTER UPDATE OF full_name ON applicants WHEN old.full_name IS NOT new.full_name BEGIN
     INSERT INTO applicants_fts(applicants_fts, rowid, full_name) VALUES ('delete', old.id, old.full_name);
     INSERT INTO applicants_fts(rowid, full_name) VALUES (new.id, new.full_name);
   END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE import_runs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('applicants','exclusions')),
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      file_size INTEGER NOT NULL,
      user_id INTEGER REFERENCES users(id),
      username TEXT,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL CHECK (status IN ('running','done','failed','cancelled')),
      rows_total INTEGER NOT NULL DEFAULT 0,
      inserted INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      message TEXT
    ) STRICT`,
    `CREATE INDEX import_runs_kind ON import_runs(kind, id)`,
    `CREATE TABLE import_rejects (
      run_id INTEGER NOT NULL REFERENCES import_runs(id),
      seq INTEGER NOT NULL,
      row INTEGER NOT NULL,
      column_name TEXT NOT NULL,
      reason TEXT NOT NULL,
      value TEXT,
      PRIMARY KEY (run_id, seq)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE applicants (
      id INTEGER PRIMARY KEY,
      registration_id TEXT NOT NULL,
      nik TEXT NOT NULL,
      kk TEXT NOT NULL,
      full_name TEXT NOT NULL,
      birth_date TEXT NOT NULL,
      gender TEXT NOT NULL CHECK (gender IN ('L','P')),
      phone TEXT,
      email TEXT,
      province_code TEXT NOT NULL,
      regency_code TEXT NOT NULL,
      education TEXT CHECK (education IN (${list(EDUCATION_LEVELS)})),
      employment_status TEXT NOT NULL CHECK (employment_status IN (${list(EMPLOYMENT_STATUSES)})),
      registered_at TEXT NOT NULL,
      test_score INTEGER CHECK (test_score BETWEEN 0 AND 100),
      import_run_id INTEGER REFERENCES import_runs(id),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    ) STRICT`,
    APPLICANT_KEY_INDEX,
    ...APPLICANT_INDEXES,
    APPLICANT_FTS,
    ...APPLICANT_FTS_TRIGGERS,
    `CREATE TABLE exclusions (
      id INTEGER PRIMARY KEY,
      nik TEXT NOT NULL,
      list TEXT NOT NULL CHECK (list IN (${list(EXCLUSION_LISTS)})),
      valid_from TEXT,
      valid_to TEXT,
      source TEXT,
      import_run_id INTEGER REFERENCES import_runs(id),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    ) STRICT`,
    // The key (nik, list, valid_from); an open start is one key value too.
    `CREATE UNIQUE INDEX exclusions_key ON exclusions(nik, list, coalesce(valid_from, ''))`,
    `CREATE TABLE file_refs (
      ref TEXT PRIMARY KEY,
      path TEXT NOT NULL,
      original_name TEXT NOT NULL,
      size INTEGER NOT NULL,
      owner_user_id INTEGER,
      origin TEXT NOT NULL CHECK (origin IN ('upload','local','export')),
      created_at TEXT NOT NULL
    ) STRICT`,
  ]);
}
