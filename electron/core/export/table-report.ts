import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { exportTarget, registerExportSync } from '../files/export-file';
import type { ColumnSpec, ExportRow } from './columns';
import { writeCsv } from './csv-writer';
import type { ExportJobContext } from './job-context';
import { writeXlsx } from './xlsx-writer';

export interface TableReport {
  fileName: string;
  format: 'csv' | 'xlsx';
  columns: readonly ColumnSpec[];
  rows: Iterable<ExportRow>;
  /** Rows expected, for the progress bar. */
  total: number;
  sheetName: string;
  /** The job's progress text while it writes. */
  message: string;
  progressEvery?: number;
  /** The audit record: `after` gets the format first and the rows written and the file name last. */
  audit: { action: string; entity: string; entityId?: string | number | null; after?: Record<string, unknown> };
}

/**
 * A report job's common end: writes the rows (read in the caller's transaction on `sqlite`, begun
 * before it counted them, so the count and the rows are one snapshot) as CSV or XLSX, ends that
 * transaction, and registers the file for the job's owner with its audit record. A cancel after the
 * writing removes the file; a cancel during it is the writer's to clean up.
 */
export async function writeTableReport(sqlite: BetterSqlite3.Database, ctx: ExportJobContext, now: Date, report: TableReport): Promise<{ fileRef: string; fileName: string; size: number; rows: number }> {
  const { fileName, format, total, message } = report;
  const write = format === 'csv' ? writeCsv : writeXlsx;
  ctx.progress(0, total, message);
  const written = await write(exportTarget(ctx.dbPath, fileName), report.columns, report.rows, {
    progress: (done) => ctx.progress(done, total, message),
    ...(report.progressEvery ? { progressEvery: report.progressEvery } : {}),
    checkCancelled: () => ctx.checkCancelled(),
    sheetName: report.sheetName,
  });
  sqlite.exec('COMMIT');
  try {
    ctx.checkCancelled();
  } catch (err) {
    fs.rmSync(written.path, { force: true });
    throw err;
  }
  const { action, entity, entityId, after } = report.audit;
  const file = registerExportSync(
    sqlite,
    { path: written.path, originalName: fileName, ownerUserId: ctx.owner.userId },
    {
      userId: ctx.owner.userId,
      username: ctx.owner.username,
      action,
      entity,
      ...(entityId === undefined ? {} : { entityId }),
      after: { format, ...after, rows: written.rows, fileName },
    },
    now,
  );
  return { ...file, rows: written.rows };
}
