import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../../shared/api/errors';
import type { FinanceImportKind } from '../../../../shared/api/catalog';
import { appendAuditSync } from '../../audit/chain';
import { openSqlite } from '../../db/connection';
import { matchColumns, refuseMissing } from '../../applicants/import/columns';
import type { Reject } from '../../applicants/import/row-checks';
import { readTable, sha256File, sniffTable } from '../../applicants/import/table-source';
import type { ImportResult } from '../../applicants/import/run-import';
import { rejectWriter, type WriteCounts } from '../../applicants/import/writers';

/** What one kind of finance file needs of the shared import loop (the applicants import's readers and rejects). */
/** Row values are an object (never an array: an array is the row's rejects). */
export interface ImportSpec<V extends object> {
  kind: FinanceImportKind;
  /** Columns read (DESIGN 4), and those the header must hold. */
  columns: readonly string[];
  required: readonly string[];
  /** The key repeated within a file rejects the later rows (DESIGN 4): its text, column and name in messages. */
  keyOf(v: V): string;
  keyColumn: string;
  keyName: string;
  keyValue(v: V): string;
  /** Prepares the checks and writer on the import's connection, inside its transaction. */
  open(sqlite: BetterSqlite3.Database, run: { id: number; at: string; fileName: string }): SpecSession<V>;
}

export interface SpecSession<V extends object> {
  /** The values to store, or the row's rejects. */
  check(values: string[], row: number, indexes: Record<string, number>): V | Reject[];
  add(values: V, row: number): void;
  /** Writes what is pending and returns the counts; may refuse the whole file by throwing an ApiError. */
  finish(rejectedRows: ReadonlyMap<string, number>): WriteCounts & { extra?: Record<string, unknown> };
  /** Groups rejected rows (invoices: by invoice_no) for finish; none by default. */
  groupOf?(values: string[], indexes: Record<string, number>): string | null;
}

export interface FinanceImportParams {
  path: string;
  fileName: string;
  maxBytes?: number;
}

/** The applicants import's result, for a finance file (kinds add their own figures). */
export type FinanceImportResult = Omit<ImportResult, 'kind'> & {
  kind: FinanceImportKind;
  [extra: string]: unknown;
};

export interface FinanceImportContext {
  dbPath: string;
  owner: { userId: number | null; username: string | null };
  progress(done: number, total: number | null, message?: string): void;
  checkCancelled(): void;
  now?: () => Date;
}

const RESULT_REJECTS = 1000;

/**
 * Imports one finance file (institutions, trainings, enrollments, invoices) in one transaction on its
 * own connection, with the applicants import's readers, header matching and rejects: every valid row
 * applied with the run record, its rejects and one audit record; or — a refused file, a cancel, a
 * crash — nothing at all.
 */
export async function runFinanceImport<V extends object>(ctx: FinanceImportContext, spec: ImportSpec<V>, params: FinanceImportParams): Promise<FinanceImportResult> {
  const started = Date.now();
  const now = (ctx.now ?? (() => new Date()))();
  const file = { path: params.path, name: params.fileName, maxBytes: params.maxBytes };
  const { format, size } = sniffTable(file);
  const sha256 = await sha256File(params.path);
  ctx.checkCancelled();

  const sqlite = openSqlite(ctx.dbPath);
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('busy_timeout = 120000');
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const at = now.toISOString();
    const runId = Number(
      sqlite
        .prepare(`INSERT INTO import_runs (kind, file_name, file_sha256, file_size, user_id, username, started_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')`)
        .run(spec.kind, params.fileName, sha256, size, ctx.owner.userId, ctx.owner.username, at).lastInsertRowid,
    );
    const session = spec.open(sqlite, { id: runId, at, fileName: params.fileName });
    const storeReject = rejectWriter(sqlite, runId);
    const seen = new Map<string, number>();
    const rejectedGroups = new Map<string, number>();
    const firstRejects: Reject[] = [];
    let rejectCount = 0;
    let rejectedRows = 0;
    let rows = 0;
    let indexes: Record<string, number> | null = null;
    const reject = (r: Reject) => {
      storeReject(r);
      if (firstRejects.length < RESULT_REJECTS) firstRejects.push(r);
      rejectCount++;
    };
    const rowRejected = (values: string[]) => {
      rejectedRows++;
      const group = session.groupOf?.(values, indexes!);
      if (group) rejectedGroups.set(group, (rejectedGroups.get(group) ?? 0) + 1);
    };

    for await (const chunk of readTable(file, format)) {
      for (const { row, values } of chunk.records) {
        if (values.every((v) => v.trim() === '')) continue;
        if (!indexes) {
          const match = matchColumns(values, spec.columns, spec.required);
          refuseMissing(params.fileName, match);
          indexes = match.indexes;
          continue;
        }
        rows++;
        const checked = session.check(values, row, indexes);
        if (Array.isArray(checked)) {
          rowRejected(values);
          for (const r of checked) reject(r);
          continue;
        }
        const v = checked;
        const key = spec.keyOf(v);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          rowRejected(values);
          reject({ row, column: spec.keyColumn, reason: `${spec.keyName} sama dengan baris ${earlier} (baris yang lebih akhir ditolak)`, value: spec.keyValue(v) });
          continue;
        }
        seen.set(key, row);
        session.add(v, row);
      }
      ctx.checkCancelled();
      const total = chunk.bytesRead > 0 ? Math.max(rows, Math.round((rows * size) / chunk.bytesRead)) : null;
      ctx.progress(rows, total, `${rows.toLocaleString('id-ID')} baris dibaca`);
    }
    if (!indexes) throw new ApiError('VALIDATION', `File ${params.fileName} kosong: tidak ada baris judul. File tidak diimpor.`);
    ctx.progress(rows, rows, 'Menyimpan…');
    const { inserted, updated, unchanged, extra } = session.finish(rejectedGroups);
    ctx.checkCancelled();

    const seconds = (Date.now() - started) / 1000;
    sqlite
      .prepare(
        `UPDATE import_runs SET status = 'done', finished_at = ?, rows_total = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, message = ? WHERE id = ?`,
      )
      .run(new Date(now.getTime() + seconds * 1000).toISOString(), rows, inserted, updated, unchanged, rejectedRows, rejectCount > rejectedRows ? `${rejectCount} catatan penolakan` : null, runId);
    appendAuditSync(
      sqlite,
      {
        userId: ctx.owner.userId,
        username: ctx.owner.username,
        action: `${spec.kind}.import`,
        entity: 'import_run',
        entityId: runId,
        after: { kind: spec.kind, fileName: params.fileName, sha256, size, rows, inserted, updated, unchanged, rejected: rejectedRows, ...(extra ?? {}) },
      },
      now,
    );
    sqlite.exec('COMMIT');
    return {
      runId,
      kind: spec.kind,
      fileName: params.fileName,
      sha256,
      rows,
      inserted,
      updated,
      unchanged,
      rejected: rejectedRows,
      rejects: firstRejects.map(({ row, column, reason }) => ({ row, column, reason })),
      rejectsTruncated: rejectCount > firstRejects.length,
      seconds,
      rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)),
      ...(extra ?? {}),
    };
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  } finally {
    sqlite.close();
  }
}
