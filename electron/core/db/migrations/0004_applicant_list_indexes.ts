import { sql, type Kysely } from 'kysely';
import { runStatements } from './run';
import { APPLICANT_FTS, APPLICANT_INDEXES } from './0002_applicants';

/**
 * Brings a database created before the list's composite indexes and the name index's prefix indexes up to
 * the final set declared in 0002 (APPLICANT_INDEXES, APPLICANT_FTS). A fresh database already has them
 * from 0002, and then this changes nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const fts = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE name = 'applicants_fts'`.execute(db);
  const ftsOutdated = !/prefix=/.test(fts.rows[0]?.sql ?? '');
  // Statistics of an empty table would mislead the planner after the first load: gather them only over rows.
  const hasRows = (await sql`SELECT 1 FROM applicants LIMIT 1`.execute(db)).rows.length > 0;
  await runStatements(db, [
    ...APPLICANT_INDEXES.map((s) => s.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')),
    // The triggers name the table and keep working once it is back.
    ...(ftsOutdated ? [`DROP TABLE applicants_fts`, APPLICANT_FTS, `INSERT INTO applicants_fts(applicants_fts) VALUES ('rebuild')`] : []),
    ...(hasRows ? [`PRAGMA analysis_limit = 1000`, `ANALYZE applicants`] : []),
  ]);
}
