import type { Kysely } from 'kysely';
import { runStatements } from './run';

const frozen = (what: string) => `SELECT RAISE(ABORT, '${what}: gelombang sudah diumumkan dan tidak dapat diubah')`;

/**
 * Waves and their verifiable selection (DESIGN 3.3), and what publication adds to participants.
 *
 * waves: settings, status and the selection's summary (result_json). The seed is stored only once
 * the selection used it (before that only its commitment); with it and the proof anyone can check
 * the result. Status moves only forward (a trigger guards the order), and a published wave is frozen.
 *
 * wave_pools: the whole pool as the proof lists it, one row per wave, in columns packed as blobs
 * (JSON array of registration_ids; province and weight as indexes into small JSON lists; keys as
 * little-endian float64; selected as bytes). A million pool members cost one 30 MB row instead of a
 * million rows; the proof export writes the CSV from it (see ARCHITECTURE.md for the measurements).
 *
 * wave_selections: the selected applicants, in the proof's order (province code, then rank), with
 * the applicant row version they were selected on; publication turns them into participants. No index
 * on registration_id: the pool holds each registration once, participants has its unique index, and
 * a second index costs the selection a quarter of its write time.
 *
 * participants gains the card number (16 digits, unique), the training balance (integer Rupiah), the
 * province, and the expiry run that revoked it; once a participant has a card number its identity
 * columns are frozen, a revocation cannot be undone, and the row cannot be deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE waves (
      id INTEGER PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 9999),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      national_quota INTEGER CHECK (national_quota >= 0),
      province_quotas_json TEXT,
      weights_json TEXT NOT NULL DEFAULT '{}',
      opens_on TEXT NOT NULL,
      closes_on TEXT NOT NULL,
      balance INTEGER NOT NULL CHECK (balance > 0),
      seed_commitment TEXT NOT NULL UNIQUE CHECK (length(seed_commitment) = 64 AND seed_commitment NOT GLOB '*[^0-9a-f]*'),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed','selected','published')),
      seed TEXT,
      result_json TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT,
      opened_at TEXT,
      opened_by TEXT,
      closed_at TEXT,
      closed_by TEXT,
      selected_at TEXT,
      selected_by TEXT,
      published_on TEXT,
      published_at TEXT,
      published_by TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL,
      CHECK ((national_quota IS NULL) <> (province_quotas_json IS NULL)),
      CHECK (closes_on >= opens_on),
      CHECK ((seed IS NULL) = (status IN ('draft','open','closed'))),
      CHECK ((published_on IS NULL) = (status <> 'published'))
    ) STRICT`,
    `CREATE TRIGGER waves_status_order BEFORE UPDATE OF status ON waves
     WHEN NOT (new.status = old.status
       OR (old.status = 'draft' AND new.status = 'open')
       OR (old.status = 'open' AND new.status = 'closed')
       OR (old.status = 'closed' AND new.status = 'selected')
       OR (old.status = 'selected' AND new.status = 'published'))
     BEGIN SELECT RAISE(ABORT, 'status gelombang hanya maju: draft, open, closed, selected, published'); END`,
    `CREATE TRIGGER waves_published_frozen BEFORE UPDATE ON waves WHEN old.status = 'published' BEGIN ${frozen('waves')}; END`,
    `CREATE TRIGGER waves_keep BEFORE DELETE ON waves WHEN old.status <> 'draft'
     BEGIN SELECT RAISE(ABORT, 'waves: hanya gelombang draft yang dapat dihapus'); END`,

    `CREATE TABLE wave_pools (
      wave_id INTEGER PRIMARY KEY REFERENCES waves(id),
      rows INTEGER NOT NULL,
      registration_ids TEXT NOT NULL,
      province_codes TEXT NOT NULL,
      province_index BLOB NOT NULL,
      weights TEXT NOT NULL,
      weight_index BLOB NOT NULL,
      keys BLOB NOT NULL,
      selected BLOB NOT NULL
    ) STRICT`,
    ...['INSERT', 'UPDATE', 'DELETE'].map(
      (op) => `CREATE TRIGGER wave_pools_frozen_${op.toLowerCase()} BEFORE ${op} ON wave_pools
       WHEN (SELECT status FROM waves WHERE id = ${op === 'INSERT' ? 'new' : 'old'}.wave_id) = 'published' BEGIN ${frozen('wave_pools')}; END`,
    ),

    `CREATE TABLE wave_selections (
      wave_id INTEGER NOT NULL REFERENCES waves(id),
      seq INTEGER NOT NULL,
      province_rank INTEGER NOT NULL,
      applicant_id INTEGER NOT NULL,
      applicant_version INTEGER NOT NULL,
      registration_id TEXT NOT NULL,
      province_code TEXT NOT NULL,
      employment_status TEXT NOT NULL,
      weight REAL NOT NULL,
      key REAL NOT NULL,
      PRIMARY KEY (wave_id, seq)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX wave_selections_province ON wave_selections(wave_id, province_code, seq)`,
    ...['INSERT', 'UPDATE', 'DELETE'].map(
      (op) => `CREATE TRIGGER wave_selections_frozen_${op.toLowerCase()} BEFORE ${op} ON wave_selections
       WHEN (SELECT status FROM waves WHERE id = ${op === 'INSERT' ? 'new' : 'old'}.wave_id) = 'published' BEGIN ${frozen('wave_selections')}; END`,
    ),

    `CREATE TABLE participant_expiries (
      id INTEGER PRIMARY KEY,
      as_of TEXT NOT NULL,
      run_at TEXT NOT NULL,
      user_id INTEGER REFERENCES users(id),
      username TEXT,
      revoked INTEGER NOT NULL,
      by_wave_json TEXT NOT NULL
    ) STRICT`,

    `ALTER TABLE participants ADD COLUMN card_number TEXT CHECK (card_number IS NULL OR (length(card_number) = 16 AND card_number NOT GLOB '*[^0-9]*'))`,
    `ALTER TABLE participants ADD COLUMN balance INTEGER CHECK (balance IS NULL OR balance >= 0)`,
    `ALTER TABLE participants ADD COLUMN province_code TEXT`,
    `ALTER TABLE participants ADD COLUMN expiry_id INTEGER REFERENCES participant_expiries(id)`,
    `CREATE UNIQUE INDEX participants_card ON participants(card_number)`,
    // Expiry looks for participants not yet revoked by publication date.
    `CREATE INDEX participants_unrevoked ON participants(published_on) WHERE revoked_at IS NULL`,
    `CREATE TRIGGER participants_identity_frozen BEFORE UPDATE OF registration_id, applicant_id, nik, kk, wave_number, published_on, card_number, balance, province_code ON participants
     WHEN old.card_number IS NOT NULL
     BEGIN SELECT RAISE(ABORT, 'participants: data peserta gelombang yang diumumkan tidak dapat diubah'); END`,
    `CREATE TRIGGER participants_revocation_final BEFORE UPDATE OF revoked_at ON participants
     WHEN old.revoked_at IS NOT NULL AND new.revoked_at IS NOT old.revoked_at
     BEGIN SELECT RAISE(ABORT, 'participants: pencabutan tidak dapat dibatalkan'); END`,
    `CREATE TRIGGER participants_keep BEFORE DELETE ON participants WHEN old.card_number IS NOT NULL
     BEGIN SELECT RAISE(ABORT, 'participants: peserta gelombang yang diumumkan tidak dapat dihapus'); END`,
  ]);
}
