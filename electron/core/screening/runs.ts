import type BetterSqlite3 from 'better-sqlite3';
import type { ScreeningRun } from '../../../shared/api/screening';
import { ApiError } from '../../../shared/api/errors';
import type { ScreeningRunsTable } from '../db/schema';
import type { RunCounts } from './counts';

export type RunRow = Omit<ScreeningRunsTable, 'id'> & { id: number };

export function toScreeningRun(r: RunRow): ScreeningRun {
  const counts = r.counts_json ? (JSON.parse(r.counts_json) as RunCounts) : null;
  return {
    id: r.id,
    asOf: r.as_of,
    username: r.username,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    exclusionImports: JSON.parse(r.exclusion_imports_json) as ScreeningRun['exclusionImports'],
    counts: counts && { total: counts.total, eligible: counts.eligible, ineligible: counts.ineligible, reasons: counts.reasons, effective: counts.effective, overridden: counts.overridden },
    message: r.message,
  };
}

/** The run the current results come from: the latest finished one. */
export function latestRun(sqlite: BetterSqlite3.Database): RunRow | undefined {
  return sqlite.prepare(`SELECT * FROM screening_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1`).get() as RunRow | undefined;
}

export function runOrLatest(sqlite: BetterSqlite3.Database, runId: number | undefined): RunRow {
  if (runId === undefined) {
    const run = latestRun(sqlite);
    if (!run) throw new ApiError('NOT_FOUND', 'Belum ada penyaringan yang selesai. Jalankan penyaringan terlebih dahulu.');
    return run;
  }
  const run = sqlite.prepare('SELECT * FROM screening_runs WHERE id = ?').get(runId) as RunRow | undefined;
  if (!run) throw new ApiError('NOT_FOUND', `Penyaringan nomor ${runId} tidak ditemukan.`);
  if (run.status !== 'done') throw new ApiError('NOT_FOUND', `Penyaringan nomor ${runId} tidak selesai (${run.status}); tidak ada ringkasannya.`);
  return run;
}

export function runCountsOf(run: RunRow): RunCounts {
  return JSON.parse(run.counts_json!) as RunCounts;
}

const SORTS: Record<string, string> = { id: 'id', startedAt: 'id', asOf: 'as_of', username: 'username', status: 'status' };

export function listRuns(sqlite: BetterSqlite3.Database, input: { page: number; pageSize: number; sortField?: string | undefined; sortDir: 'asc' | 'desc' }) {
  const total = sqlite.prepare('SELECT count(*) FROM screening_runs').pluck().get() as number;
  const column = SORTS[input.sortField ?? ''] ?? 'id';
  const dir = input.sortField ? (input.sortDir === 'desc' ? 'DESC' : 'ASC') : 'DESC';
  const rows = sqlite
    .prepare(`SELECT * FROM screening_runs ORDER BY ${column} ${dir}, id ${dir} LIMIT ? OFFSET ?`)
    .all(input.pageSize, input.page * input.pageSize) as RunRow[];
  return { total, rows: rows.map(toScreeningRun) };
}
