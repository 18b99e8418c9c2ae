import type BetterSqlite3 from 'better-sqlite3';
import { appendAuditSync } from '../../audit/chain';
import { openSqlite } from '../../db/connection';
import { bulkLoadPlan } from './bulk-load';
import { parsedBatches, type ParsedSource } from './parse-source';
import { ROW_WIDTH, type ImportKind } from './parse-rows';
import type { Reject } from './row-checks';
import { sha256File, sniffTable, type TableFormat } from './table-source';
import { applicantWriter, exclusionWriter, rejectWriter, type RowWriter } from './writers';
import { acceptedApplicantValues } from './fast-checks';

export type { ImportKind } from './parse-rows';

export interface ImportParams {
  kind: ImportKind;
  path: string;
  /** The file's name as the user knows it (messages, the run record). */
  fileName: string;
  maxBytes?: number;
}

export interface ImportResult {
  runId: number;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first rejects (all of them are stored with the run; imports.rejects pages them). */
  rejects: { row: number; column: string; reason: string }[];
  rejectsTruncated: boolean;
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportContext {
  dbPath: string;
  owner: { userId: number | null; username: string | null };
  progress(done: number, total: number | null, message?: string): void;
  checkCancelled(): void;
  now?: () => Date;
  /** Told the name of each phase as it ends (the bench prints where the time goes). */
  phase?(name: string): void;
}

const RESULT_REJECTS = 1000;

/**
 * Imports one file in one transaction on its own connection: every valid row applied with the run
 * record, its rejects and one audit record, or — on a refused file, a cancel or a crash — nothing.
 */
export async function runImport(ctx: ImportContext, params: ImportParams): Promise<ImportResult> {
  const started = Date.now();
  const now = (ctx.now ?? (() => new Date()))();
  const file = { path: params.path, name: params.fileName, maxBytes: params.maxBytes };
  const { format, size } = sniffTable(file);
  // Reading starts now (a large file's reader thread starts while the file is hashed and the database opened).
  const source = parsedBatches(file, format, params.kind, size);
  try {
    const sha256 = await sha256File(params.path);
    ctx.checkCancelled();
    ctx.phase?.('hash');
    return await importFile(ctx, params, source, { format, size, sha256, now, started });
  } finally {
    await source.close();
  }
}

async function importFile(ctx: ImportContext, params: ImportParams, source: ParsedSource, info: Info): Promise<ImportResult> {
  const sqlite = openSqlite(ctx.dbPath);
  sqlite.pragma('cache_size = -131072');
  if (params.kind === 'applicants') {
    // Every value the CHECK constraints test (gender, education, employment_status, test_score) has been
    // checked by checkApplicant before it is written, and import_run_id is the run this transaction
    // inserts: SQLite checking them again row by row cost about 40% of the INSERTs on a 1M-row load.
    // Both settings belong to this connection, which closes with the import.
    sqlite.pragma('ignore_check_constraints = ON');
    sqlite.pragma('foreign_keys = OFF');
  }
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await importInTransaction(sqlite, ctx, params, source, info);
    sqlite.exec('COMMIT');
    ctx.phase?.('commit');
    return result;
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  } finally {
    sqlite.close();
  }
}

interface Info {
  format: TableFormat;
  size: number;
  sha256: string;
  now: Date;
  started: number;
}

async function importInTransaction(sqlite: BetterSqlite3.Database, ctx: ImportContext, params: ImportParams, source: ParsedSource, info: Info): Promise<ImportResult> {
  const at = info.now.toISOString();
  const runId = Number(
    sqlite
      .prepare(
        `INSERT INTO import_runs (kind, file_name, file_sha256, file_size, user_id, username, started_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')`,
      )
      .run(params.kind, params.fileName, info.sha256, info.size, ctx.owner.userId, ctx.owner.username, at).lastInsertRowid,
  );
  const isApplicants = params.kind === 'applicants';
  const bulk = isApplicants ? bulkLoadPlan(sqlite, info.size) : null;
  bulk?.before();
  ctx.phase?.('prepare');
  const writer = (isApplicants ? applicantWriter(sqlite, runId, at, { emptyTable: bulk?.empty ?? false }) : exclusionWriter(sqlite, runId, at)) as RowWriter<unknown[]>;
  const width = ROW_WIDTH[params.kind];
  let readLine: ((fields: string[]) => unknown[]) | null = null;
  const storeReject = rejectWriter(sqlite, runId);
  const firstRejects: Reject[] = [];
  let rejectCount = 0;
  let rejectedRows = 0;
  let rows = 0;

  for await (const batch of source) {
    if (batch.layout && readLine === null) readLine = acceptedApplicantValues(batch.layout.indexes);
    let line = 0;
    let value = 0;
    for (const fromLine of batch.fromLine) {
      if (fromLine) writer.add(readLine!(batch.lines[line++]!.split(batch.layout!.delimiter)));
      else writer.add(batch.values.slice(value, (value += width)));
    }
    for (const r of batch.rejects) {
      storeReject(r);
      if (firstRejects.length < RESULT_REJECTS) firstRejects.push(r);
      rejectCount++;
    }
    rows += batch.rows;
    rejectedRows += batch.rejectedRows;
    ctx.checkCancelled();
    const elapsed = (Date.now() - info.started) / 1000;
    const total = batch.bytesRead > 0 ? Math.max(rows, Math.round((rows * info.size) / batch.bytesRead)) : null;
    ctx.progress(rows, total, `${Math.round(rows / Math.max(elapsed, 0.001)).toLocaleString('id-ID')} baris/detik`);
  }
  writer.flush();
  ctx.phase?.('read, check and write rows');
  ctx.checkCancelled();
  if (bulk) {
    ctx.progress(rows, rows, 'Membangun indeks…');
    bulk.after(ctx.phase);
  }
  ctx.checkCancelled();

  const { inserted, updated, unchanged } = writer.counts;
  const seconds = (Date.now() - info.started) / 1000;
  sqlite
    .prepare(
      `UPDATE import_runs SET status = 'done', finished_at = ?, rows_total = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?,
       message = ? WHERE id = ?`,
    )
    .run(new Date(info.now.getTime() + seconds * 1000).toISOString(), rows, inserted, updated, unchanged, rejectedRows, rejectCount > rejectedRows ? `${rejectCount} catatan penolakan` : null, runId);
  appendAuditSync(
    sqlite,
    {
      userId: ctx.owner.userId,
      username: ctx.owner.username,
      action: `${params.kind}.import`,
      entity: 'import_run',
      entityId: runId,
      after: { kind: params.kind, fileName: params.fileName, sha256: info.sha256, size: info.size, rows, inserted, updated, unchanged, rejected: rejectedRows },
    },
    info.now,
  );
  return {
    runId,
    kind: params.kind,
    fileName: params.fileName,
    sha256: info.sha256,
    rows,
    inserted,
    updated,
    unchanged,
    rejected: rejectedRows,
    rejects: firstRejects.map(({ row, column, reason }) => ({ row, column, reason })),
    rejectsTruncated: rejectCount > firstRejects.length,
    seconds,
    rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)),
  };
}
