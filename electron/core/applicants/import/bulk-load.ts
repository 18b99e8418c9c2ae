import type BetterSqlite3 from 'better-sqlite3';
import { APPLICANT_FTS_TRIGGERS, APPLICANT_INDEXES, APPLICANT_KEY_INDEX } from '../../db/migrations/0002_applicants';

/** Rows per byte of a typical applicants CSV (about 135 bytes a row), for deciding before reading. */
const BYTES_PER_ROW = 135;
const MIN_ROWS = 50_000;

/**
 * For a file large against the table (a first load), maintaining the secondary indexes and the FTS index
 * row by row costs more than building them afterwards. Inside the import's transaction this drops them and
 * the FTS triggers, and `after` rebuilds the FTS index and recreates them; a rollback restores all.
 */
export interface BulkLoad {
  /** The table was empty: no row can conflict, so plain INSERTs suffice and even the key index is built last. */
  empty: boolean;
  before(): void;
  /** Rebuilds the name index, then the indexes; `step` is told each one's name as it is done. */
  after(step?: (name: string) => void): void;
}

const nameOf = (sql: string) => /CREATE (?:UNIQUE )?(?:INDEX|TRIGGER) (\w+)/.exec(sql)![1]!;

export function bulkLoadPlan(sqlite: BetterSqlite3.Database, fileBytes: number): BulkLoad | null {
  const estimate = fileBytes / BYTES_PER_ROW;
  if (estimate < MIN_ROWS) return null;
  const empty = sqlite.prepare('SELECT 1 FROM applicants LIMIT 1').get() === undefined;
  const existing = empty ? 0 : ((sqlite.prepare('SELECT max(id) AS n FROM applicants').get() as { n: number | null }).n ?? 0);
  if (existing > estimate / 2) return null;
  const indexes = empty ? [APPLICANT_KEY_INDEX, ...APPLICANT_INDEXES] : APPLICANT_INDEXES;
  return {
    empty,
    before() {
      for (const sql of indexes) sqlite.exec(`DROP INDEX ${nameOf(sql)}`);
      for (const sql of APPLICANT_FTS_TRIGGERS) sqlite.exec(`DROP TRIGGER ${nameOf(sql)}`);
    },
    after(step) {
      // The name index first. 'rebuild' reads (rowid, full_name) from applicants in whatever order the planner
      // picks; once applicants_name exists that is the covering index, in name order, and every rowid lower
      // than the last makes FTS5 flush its pending terms: thousands of tiny segments merged again and again
      // (measured on 1M rows: 7–11 s, against 1.5–3 s reading the table in rowid order).
      for (const sql of APPLICANT_FTS_TRIGGERS) sqlite.exec(sql);
      sqlite.exec(`INSERT INTO applicants_fts(applicants_fts) VALUES ('rebuild')`);
      step?.('applicants_fts');
      // CREATE INDEX sorts its keys in runs of the cache size, merged afterwards. Runs of a few MB sort in
      // the CPU caches; one run of a million keys does not (measured: about a quarter less CPU). The runs go
      // to temporary files, not memory: with temp_store = MEMORY SQLite's in-memory temp files are chunk
      // lists walked from the start on every read, which made the merges cost 60–70% more CPU.
      const cache = sqlite.pragma('cache_size', { simple: true }) as number;
      sqlite.pragma('cache_size = -4096');
      try {
        for (const sql of indexes) {
          sqlite.exec(sql);
          step?.(nameOf(sql));
        }
      } finally {
        sqlite.pragma(`cache_size = ${cache}`);
      }
    },
  };
}
