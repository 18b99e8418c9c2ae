import type { FinanceImportResult } from '../../electron/core/catalog/import/table-import';
import type { ReconcileOutcome } from '../../electron/core/invoices/reconcile-job';
import { registerLocalFile } from '../../electron/core/files/registry';
import type { TestApp } from './core';

export type FinanceKind = 'institutions' | 'trainings' | 'enrollments' | 'invoices';

/** Imports a catalog, enrollments or invoices file as the holder of token, through the API and its job; resolves with the job. */
export async function importFinance(app: TestApp, token: string, kind: FinanceKind, file: string) {
  const me = await app.as(token, 'auth.me', {});
  const ref = await registerLocalFile(app.core, file, me.id);
  const { jobId } = kind === 'invoices' ? await app.as(token, 'invoices.import', { fileRef: ref.ref }) : await app.as(token, 'catalog.import', { fileRef: ref.ref, kind });
  const job = await app.core.jobs.wait(jobId);
  return { ...job, result: job.result as FinanceImportResult | undefined };
}

/** importFinance that must succeed: the job's result. */
export async function imported(app: TestApp, token: string, kind: FinanceKind, file: string): Promise<FinanceImportResult> {
  const job = await importFinance(app, token, kind, file);
  if (job.state !== 'done') throw new Error(`import of ${file} ${job.state}: ${job.error?.message}`);
  return job.result!;
}

/** Reconciles an invoice as the holder of token and waits for the job. */
export async function reconcile(app: TestApp, token: string, invoiceNo: string) {
  const { jobId } = await app.as(token, 'invoices.reconcile', { invoiceNo });
  const job = await app.core.jobs.wait(jobId);
  return { ...job, result: job.result as ReconcileOutcome | undefined };
}

export async function reconciled(app: TestApp, token: string, invoiceNo: string): Promise<ReconcileOutcome> {
  const job = await reconcile(app, token, invoiceNo);
  if (job.state !== 'done') throw new Error(`reconcile ${invoiceNo} ${job.state}: ${job.error?.message}`);
  return job.result!;
}

/** Every line's status of an invoice, by line number. */
export function lineStatuses(app: TestApp, invoiceNo: string): Record<number, string | null> {
  const rows = app.core.db.sqlite
    .prepare(
      `SELECT l.line_no, r.status FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id
       LEFT JOIN invoice_line_results r ON r.invoice_id = l.invoice_id AND r.line_no = l.line_no WHERE v.invoice_no = ? ORDER BY l.line_no`,
    )
    .all(invoiceNo) as { line_no: number; status: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.line_no, r.status]));
}
