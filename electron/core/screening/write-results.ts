import type BetterSqlite3 from 'better-sqlite3';
import { SCREENING_RESULT_INDEX } from '../db/migrations/0003_screening';

/** One registration's row, as the writer asks for it. */
export interface ResultSource {
  count: number;
  applicantId(i: number): number;
  applicantVersion(i: number): number;
  mask(i: number): number;
  /** The status in force and the override behind it, when one applies. */
  override(i: number): { status: 'eligible' | 'ineligible'; overrideId: number } | undefined;
  /** JSON of the reasons' details, for ineligible results; null otherwise. */
  detailsJson(i: number): string | null;
}

const ROWS_PER_STATEMENT = 256;
const PROGRESS_EVERY = 65_536;

/**
 * Replaces the whole result set with one run's, inside the caller's transaction: emptying the table
 * (SQLite's truncate), inserting in rowid order with multi-row statements, and building the status
 * index once at the end is far cheaper than a million upserts into an indexed table.
 */
export function replaceResults(
  sqlite: BetterSqlite3.Database,
  runId: number,
  source: ResultSource,
  onProgress?: (done: number, total: number) => void,
): void {
  sqlite.exec('DROP INDEX IF EXISTS screening_results_status');
  sqlite.exec('DELETE FROM screening_results');
  const tuple = `(?, ${Number(runId)}, ?, ?, ?, ?, ?)`;
  const insertMany = sqlite.prepare(`INSERT INTO screening_results (applicant_id, run_id, status, mask, applicant_version, override_id, details_json) VALUES ${new Array(ROWS_PER_STATEMENT).fill(tuple).join(',')}`);
  const insertOne = sqlite.prepare(`INSERT INTO screening_results (applicant_id, run_id, status, mask, applicant_version, override_id, details_json) VALUES ${tuple}`);
  const params: unknown[] = new Array(ROWS_PER_STATEMENT * 6);
  const n = source.count;
  const fill = (i: number, into: unknown[], at: number) => {
    const mask = source.mask(i);
    const override = source.override(i);
    into[at] = source.applicantId(i);
    into[at + 1] = override ? override.status : mask === 0 ? 'eligible' : 'ineligible';
    into[at + 2] = mask;
    into[at + 3] = source.applicantVersion(i);
    into[at + 4] = override ? override.overrideId : null;
    into[at + 5] = mask === 0 ? null : source.detailsJson(i);
  };
  let i = 0;
  for (; i + ROWS_PER_STATEMENT <= n; i += ROWS_PER_STATEMENT) {
    for (let k = 0; k < ROWS_PER_STATEMENT; k++) fill(i + k, params, k * 6);
    insertMany.run(params);
    if (onProgress && (i + ROWS_PER_STATEMENT) % PROGRESS_EVERY < ROWS_PER_STATEMENT) onProgress(i + ROWS_PER_STATEMENT, n);
  }
  const one: unknown[] = new Array(6);
  for (; i < n; i++) {
    fill(i, one, 0);
    insertOne.run(one);
  }
  sqlite.exec(SCREENING_RESULT_INDEX);
  onProgress?.(n, n);
}
