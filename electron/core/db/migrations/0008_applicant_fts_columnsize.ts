import { sql, type Kysely } from 'kysely';
import { runStatements } from './run';

/**
 * The name index without per-row column sizes, and with a larger in-memory term buffer.
 *
 * columnsize=0: FTS5 otherwise keeps a row per applicant in applicants_fts_docsize (the token count, for
 * bm25 ranking); the list never ranks (it orders by its sort column), and writing that million-row table
 * was about a third of the index's build on a 1M-row import.
 * hashsize: FTS5 writes a new segment whenever its pending terms exceed this (1 MB by default) and merges
 * the segments again later; 64 MB lets a whole-register rebuild write one segment (the buffer lives only
 * while a writing transaction is open).
 * Tokenizer and prefix indexes are those of 0004; the triggers name the table and keep working once it is back.
 */
export const APPLICANT_FTS = `CREATE VIRTUAL TABLE applicants_fts USING fts5(
      full_name, content='applicants', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3', columnsize=0
    )`;
export const APPLICANT_FTS_HASHSIZE = `INSERT INTO applicants_fts(applicants_fts, rank) VALUES ('hashsize', ${64 * 1024 * 1024})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const hasRows = (await sql`SELECT 1 FROM applicants LIMIT 1`.execute(db)).rows.length > 0;
  await runStatements(db, [
    `DROP TABLE applicants_fts`,
    APPLICANT_FTS,
    APPLICANT_FTS_HASHSIZE,
    ...(hasRows ? [`INSERT INTO applicants_fts(applicants_fts) VALUES ('rebuild')`] : []),
  ]);
}
