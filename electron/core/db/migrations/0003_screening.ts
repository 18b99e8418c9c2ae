import type { Kysely } from 'kysely';
import { runStatements } from './run';

/** Filters by status and by reason (a reason is the set of masks holding its bit) read this index. */
export const SCREENING_RESULT_INDEX = `CREATE INDEX screening_results_status ON screening_results(status, mask)`;

/**
 * Eligibility screening (DESIGN 3.2): every run, the latest result per registration, four-eyes
 * overrides, and the participants the rules count.
 *
 * screening_results holds the latest run only (a run replaces the whole set in its transaction);
 * each run keeps its counts, so earlier runs are still explained by their record and audit entry.
 * No foreign key from screening_results to applicants (a million FK probes would cost the run time);
 * a trigger removes the result of a deleted applicant instead.
 *
 * participants is the minimum the rules need; the waves issue extends it (card number, balance, …).
 * published_on is the wave's publication date, null until the wave is published.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE participants (
      id INTEGER PRIMARY KEY,
      registration_id TEXT NOT NULL,
      applicant_id INTEGER REFERENCES applicants(id),
      nik TEXT NOT NULL,
      kk TEXT NOT NULL,
      wave_number INTEGER NOT NULL,
      published_on TEXT,
      revoked_at TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE UNIQUE INDEX participants_registration ON participants(registration_id)`,
    `CREATE INDEX participants_nik ON participants(nik)`,
    `CREATE INDEX participants_kk ON participants(kk)`,
    `CREATE INDEX participants_wave ON participants(wave_number)`,
    `CREATE TABLE screening_runs (
      id INTEGER PRIMARY KEY,
      as_of TEXT NOT NULL,
      user_id INTEGER REFERENCES users(id),
      username TEXT,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL CHECK (status IN ('running','done','failed','cancelled')),
      exclusion_imports_json TEXT NOT NULL DEFAULT '[]',
      counts_json TEXT,
      message TEXT
    ) STRICT`,
    `CREATE TABLE screening_results (
      applicant_id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('eligible','ineligible')),
      mask INTEGER NOT NULL,
      applicant_version INTEGER NOT NULL,
      override_id INTEGER,
      details_json TEXT
    ) STRICT`,
    SCREENING_RESULT_INDEX,
    // A deleted applicant's result goes with it, so a later applicant can never inherit it with a reused rowid.
    `CREATE TRIGGER screening_results_applicant_gone AFTER DELETE ON applicants BEGIN
       DELETE FROM screening_results WHERE applicant_id = old.id;
     END`,
    `CREATE TABLE overrides (
      id INTEGER PRIMARY KEY,
      applicant_id INTEGER NOT NULL REFERENCES applicants(id),
      registration_id TEXT NOT NULL,
      from_status TEXT NOT NULL CHECK (from_status IN ('eligible','ineligible')),
      status TEXT NOT NULL CHECK (status IN ('eligible','ineligible') AND status <> from_status),
      reason TEXT NOT NULL,
      run_id INTEGER NOT NULL REFERENCES screening_runs(id),
      mask INTEGER NOT NULL,
      fingerprint TEXT NOT NULL,
      proposed_by INTEGER NOT NULL REFERENCES users(id),
      proposed_by_name TEXT NOT NULL,
      proposed_at TEXT NOT NULL,
      decision TEXT CHECK (decision IN ('approved','rejected')),
      decided_by INTEGER REFERENCES users(id),
      decided_by_name TEXT,
      decided_at TEXT,
      decision_note TEXT,
      lapsed_at TEXT,
      lapsed_run_id INTEGER REFERENCES screening_runs(id),
      superseded_by INTEGER REFERENCES overrides(id),
      CHECK (decided_by IS NULL OR decided_by <> proposed_by),
      CHECK ((decision IS NULL) = (decided_by IS NULL))
    ) STRICT`,
    `CREATE INDEX overrides_applicant ON overrides(applicant_id, id)`,
    `CREATE INDEX overrides_decision ON overrides(decision, id)`,
    `CREATE UNIQUE INDEX overrides_one_pending ON overrides(applicant_id) WHERE decision IS NULL`,
  ]);
}
