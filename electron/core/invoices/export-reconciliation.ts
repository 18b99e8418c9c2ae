import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { openSqlite } from '../db/connection';
import type { ColumnSpec, ExportRow } from '../export/columns';
import type { ExportJobContext } from '../export/job-context';
import { writeTableReport } from '../export/table-report';

export interface ReconciliationExportParams {
  format: 'csv' | 'xlsx';
  /** One invoice; without it every invoice that has a reconciliation. */
  invoiceNo?: string | undefined;
}

/** DESIGN 7's `reconciliation` report, exactly these columns. */
export const RECONCILIATION_COLUMNS: readonly ColumnSpec[] = [
  { key: 'invoice_no', header: 'invoice_no', type: 'text', width: 18 },
  { key: 'line_no', header: 'line_no', type: 'integer', width: 9 },
  { key: 'enrollment_id', header: 'enrollment_id', type: 'text', width: 20 },
  { key: 'status', header: 'status', type: 'text', width: 22 },
  { key: 'amount', header: 'amount', type: 'money', width: 16 },
  { key: 'approved_amount', header: 'approved_amount', type: 'money', width: 16 },
];

/** Refuses up front (in the handler, and again in the job) what would give an empty or misleading report. */
export function checkReconciliationExport(sqlite: BetterSqlite3.Database, invoiceNo: string | undefined): void {
  if (invoiceNo === undefined) {
    const any = sqlite.prepare(`SELECT 1 FROM invoices WHERE status <> 'imported' LIMIT 1`).get();
    if (!any) throw new ApiError('NOT_FOUND', 'Belum ada tagihan yang direkonsiliasi; laporan rekonsiliasi belum dapat dibuat.');
    return;
  }
  const inv = sqlite.prepare('SELECT status FROM invoices WHERE invoice_no = ?').get(invoiceNo) as { status: string } | undefined;
  if (!inv) throw new ApiError('NOT_FOUND', `Tagihan ${invoiceNo} tidak ditemukan.`);
  if (inv.status === 'imported') throw new ApiError('CONFLICT', `Tagihan ${invoiceNo} belum direkonsiliasi; laporan rekonsiliasinya belum ada.`);
}

function* reconciliationRows(sqlite: BetterSqlite3.Database, invoiceNo: string | undefined): Generator<ExportRow> {
  const rows = sqlite
    .prepare(
      `SELECT v.invoice_no, l.line_no, l.enrollment_id, r.status, l.amount, r.approved_amount
       FROM invoices v JOIN invoice_lines l ON l.invoice_id = v.id JOIN invoice_line_results r ON r.invoice_id = l.invoice_id AND r.line_no = l.line_no
       WHERE v.status <> 'imported' ${invoiceNo === undefined ? '' : 'AND v.invoice_no = ?'}
       ORDER BY v.invoice_no, l.line_no`,
    )
    .raw()
    .iterate(...(invoiceNo === undefined ? [] : [invoiceNo])) as IterableIterator<[string, number, string, string, number, number]>;
  for (const [invoice_no, line_no, enrollment_id, status, amount, approved_amount] of rows) yield { invoice_no, line_no, enrollment_id, status, amount, approved_amount };
}

/** The `reconciliation` report as CSV or XLSX, from one read snapshot, registered for its owner to download. */
export async function exportReconciliation(ctx: ExportJobContext, params: ReconciliationExportParams) {
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  try {
    sqlite.exec('BEGIN');
    checkReconciliationExport(sqlite, params.invoiceNo);
    const total = sqlite
      .prepare(`SELECT count(*) FROM invoices v JOIN invoice_line_results r ON r.invoice_id = v.id WHERE v.status <> 'imported' ${params.invoiceNo === undefined ? '' : 'AND v.invoice_no = ?'}`)
      .pluck()
      .get(...(params.invoiceNo === undefined ? [] : [params.invoiceNo])) as number;
    const safe = (params.invoiceNo ?? 'semua').replace(/[^\w.-]+/g, '_');
    const fileName = `rekonsiliasi-${safe}.${params.format}`;
    return await writeTableReport(sqlite, ctx, now, {
      fileName,
      format: params.format,
      columns: RECONCILIATION_COLUMNS,
      rows: reconciliationRows(sqlite, params.invoiceNo),
      total,
      sheetName: 'Rekonsiliasi',
      message: 'Menulis laporan rekonsiliasi…',
      audit: { action: 'reconciliation.export', entity: 'invoice', entityId: params.invoiceNo ?? null },
    });
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
