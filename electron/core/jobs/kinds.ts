import { verifyDatabase } from '../db/verify';
import { openSqlite } from '../db/connection';
import { exportApplicants, type ApplicantExportParams } from '../applicants/export-applicants';
import { runImport, type ImportParams } from '../applicants/import/run-import';
import { runDemoSeed, type DemoSeedParams } from '../demo/seed-job';
import { exportEligibility, type EligibilityExportParams } from '../screening/export-eligibility';
import { exportScreeningSummary } from '../screening/export-summary';
import { runScreening, type ScreeningParams } from '../screening/run-screening';
import { exportProof, type ProofExportParams } from '../waves/export-proof';
import { exportSelection, type SelectionExportParams } from '../waves/export-selection';
import { runPublication, type PublicationParams } from '../waves/run-publication';
import { runSelection, type SelectionParams } from '../waves/run-selection';
import { runVerifyProof, type VerifyParams } from '../waves/verify-proof';
import { enrollmentsSpec, institutionsSpec, trainingsSpec } from '../catalog/import/catalog-specs';
import { runFinanceImport, type FinanceImportParams } from '../catalog/import/table-import';
import { exportPaymentAdvice } from '../invoices/export-payment-advice';
import { exportReconciliation, type ReconciliationExportParams } from '../invoices/export-reconciliation';
import { exportInvoiceWorkbook, type InvoiceFileParams } from '../invoices/export-workbook';
import { invoicesSpec } from '../invoices/import-invoices';
import { reconcileInvoiceJob, type ReconcileParams } from '../invoices/reconcile-job';

/** What a job body gets inside its worker thread. */
export interface JobContext {
  dbPath: string;
  params: unknown;
  owner: { userId: number | null; username: string | null };
  progress(done: number, total: number | null, message?: string): void;
  /** Throws JobCancelled when the user cancelled; call it between chunks of work. */
  checkCancelled(): void;
  isCancelled(): boolean;
}

export type JobBody = (ctx: JobContext) => Promise<unknown> | unknown;

/** Every kind of long-running job, by name. Each runs in its own worker with its own connection. */
export const jobKinds: Record<string, JobBody> = {
  'import.applicants': (ctx) => runImport(ctx, { ...(ctx.params as ImportParams), kind: 'applicants' }),
  'import.exclusions': (ctx) => runImport(ctx, { ...(ctx.params as ImportParams), kind: 'exclusions' }),
  'export.applicants': (ctx) => exportApplicants(ctx, ctx.params as ApplicantExportParams),
  'demo.seed': (ctx) => runDemoSeed(ctx, ctx.params as DemoSeedParams),
  screen: (ctx) => runScreening(ctx, ctx.params as ScreeningParams),
  'export.eligibility': (ctx) => exportEligibility(ctx, ctx.params as EligibilityExportParams),
  'export.screeningSummary': (ctx) => exportScreeningSummary(ctx, ctx.params as { runId?: number }),
  'wave.select': (ctx) => runSelection(ctx, ctx.params as SelectionParams),
  'wave.publish': (ctx) => runPublication(ctx, ctx.params as PublicationParams),
  'wave.verifyProof': (ctx) => runVerifyProof(ctx, ctx.params as VerifyParams),
  'export.waveProof': (ctx) => exportProof(ctx, ctx.params as ProofExportParams),
  'export.waveSelection': (ctx) => exportSelection(ctx, ctx.params as SelectionExportParams),
  'import.institutions': (ctx) => runFinanceImport(ctx, institutionsSpec, ctx.params as FinanceImportParams),
  'import.trainings': (ctx) => runFinanceImport(ctx, trainingsSpec, ctx.params as FinanceImportParams),
  'import.enrollments': (ctx) => runFinanceImport(ctx, enrollmentsSpec, ctx.params as FinanceImportParams),
  'import.invoices': (ctx) => runFinanceImport(ctx, invoicesSpec, ctx.params as FinanceImportParams),
  'invoice.reconcile': (ctx) => reconcileInvoiceJob(ctx, ctx.params as ReconcileParams),
  'export.reconciliation': (ctx) => exportReconciliation(ctx, ctx.params as ReconciliationExportParams),
  'export.invoiceWorkbook': (ctx) => exportInvoiceWorkbook(ctx, ctx.params as InvoiceFileParams),
  'export.paymentAdvice': (ctx) => exportPaymentAdvice(ctx, ctx.params as { invoiceNo: string }),
  verify: (ctx) => {
    const sqlite = openSqlite(ctx.dbPath, { readonly: true });
    try {
      return verifyDatabase(sqlite, (done, total, message) => {
        ctx.progress(done, total, message);
        return !ctx.isCancelled();
      });
    } finally {
      sqlite.close();
    }
  },
};
