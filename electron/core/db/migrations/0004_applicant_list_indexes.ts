import type { Kysely } from 'kysely';
import { runStatements } from './run';
import { APPLICANT_INDEXES } from './0002_applicants';

/**
 * Brings a database created before the list's composite indexes up to the final set in APPLICANT_INDEXES
 * (a fresh database already has them from 0002, and then this changes nothing), and gathers statistics.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    ...APPLICANT_INDEXES.map((s) => s.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')),
    `PRAGMA analysis_limit = 1000`,
    `ANALYZE applicants`,
  ]);
}
