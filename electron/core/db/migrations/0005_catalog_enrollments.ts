import type { Kysely } from 'kysely';
import { runStatements } from './run';

/**
 * The training catalog and the platforms' enrollments (DESIGN 3.4, 4). Synced from the central API
 * (DESIGN 8), so every row carries `version` and `updated_at`.
 *
 * Keys are the programme's own ids (institution_id, training_id, enrollment_id), unique, so imports
 * upsert by them. Timestamps (purchased_at, completed_at, cancelled_at) hold the UTC instant as
 * `YYYY-MM-DDTHH:MM:SS.sssZ`, like applicants.registered_at, so string order is instant order.
 * Money is integer Rupiah.
 *
 * enrollments.participant_id is resolved at import (a row whose NIK is no participant, active or
 * revoked, is rejected: DESIGN 7); the NIK is kept as reported so an invoice line can be compared with it.
 * Revocation (waves) reads "a purchase not cancelled on or before the deadline" from
 * enrollments_participant; reconciliation reads enrollments by enrollment_id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE institutions (
      id INTEGER PRIMARY KEY,
      institution_id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      npwp TEXT NOT NULL,
      platform TEXT NOT NULL,
      bank_account TEXT NOT NULL,
      import_run_id INTEGER,
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE trainings (
      id INTEGER PRIMARY KEY,
      training_id TEXT NOT NULL UNIQUE,
      institution_id TEXT NOT NULL,
      title TEXT NOT NULL,
      category TEXT NOT NULL,
      price INTEGER NOT NULL CHECK (price >= 0),
      mode TEXT NOT NULL CHECK (mode IN ('online','offline')),
      hours REAL NOT NULL CHECK (hours >= 0),
      import_run_id INTEGER,
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX trainings_institution ON trainings(institution_id)`,
    `CREATE TABLE enrollments (
      id INTEGER PRIMARY KEY,
      enrollment_id TEXT NOT NULL UNIQUE,
      nik TEXT NOT NULL,
      participant_id INTEGER NOT NULL REFERENCES participants(id),
      training_id TEXT NOT NULL,
      platform TEXT NOT NULL,
      price_paid INTEGER NOT NULL CHECK (price_paid >= 0),
      purchased_at TEXT NOT NULL,
      completed_at TEXT,
      certificate_no TEXT,
      cancelled_at TEXT,
      import_run_id INTEGER,
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX enrollments_participant ON enrollments(participant_id, purchased_at)`,
    `CREATE INDEX enrollments_training ON enrollments(training_id)`,
    `CREATE INDEX enrollments_nik ON enrollments(nik)`,
  ]);
}
