import { ApiError } from '../../../shared/api/errors';
import type { Handler } from '../api/router';
import { requireUser, type HandlerContext } from '../api/context';
import { jakartaToday } from '../applicants/list-query';
import { masksNik, startFinanceImport } from '../catalog/handlers';
import { adviceInputs } from './export-payment-advice';
import { checkReconciliationExport, type ReconciliationExportParams } from './export-reconciliation';
import { reconciledInvoice, type InvoiceFileParams } from './export-workbook';
import { findInvoice, invoiceChart, invoiceDetail, invoiceInstitutions, lineDetail, listInvoices, listLines } from './queries';
import type { ReconcileParams } from './reconcile-job';
import { invoiceStaleness } from './staleness';
import { approveInvoice, rejectInvoice, setDisputeNote } from './workflow';

function startJob(ctx: HandlerContext, kind: string, params: unknown) {
  const user = requireUser(ctx);
  return { jobId: ctx.core.jobs.start(kind, params, { userId: user.id, username: user.username }).id };
}

const today = (ctx: HandlerContext) => jakartaToday(ctx.now);

export const invoicesHandlers = {
  'invoices.import': (async (input, ctx) => startFinanceImport(ctx, input.fileRef, 'invoices')) satisfies Handler<'invoices.import'>,
  'invoices.list': (async (input, ctx) => listInvoices(ctx.core.db.sqlite, input, today(ctx))) satisfies Handler<'invoices.list'>,
  'invoices.get': (async (input, ctx) => invoiceDetail(ctx.core.db.sqlite, input.invoiceNo, today(ctx))) satisfies Handler<'invoices.get'>,
  'invoices.lines': (async (input, ctx) => listLines(ctx.core.db.sqlite, input, masksNik(ctx))) satisfies Handler<'invoices.lines'>,
  'invoices.line': (async (input, ctx) => lineDetail(ctx.core.db.sqlite, input.invoiceNo, input.lineNo, masksNik(ctx))) satisfies Handler<'invoices.line'>,
  'invoices.staleness': (async (input, ctx) => invoiceStaleness(ctx.core.db.sqlite, findInvoice(ctx.core.db.sqlite, input.invoiceNo, today(ctx)))) satisfies Handler<'invoices.staleness'>,

  'invoices.reconcile': (async (input, ctx) => {
    const inv = findInvoice(ctx.core.db.sqlite, input.invoiceNo, today(ctx));
    if (inv.status === 'approved' || inv.status === 'rejected') {
      throw new ApiError('CONFLICT', `Tagihan ${input.invoiceNo} sudah ${inv.status === 'approved' ? 'disetujui' : 'ditolak'} dan terkunci; rekonsiliasi tidak dapat diulang.`);
    }
    // Two reconciliations of one invoice queue on the write lock; the later simply recomputes.
    return startJob(ctx, 'invoice.reconcile', { invoiceNo: inv.invoice_no } satisfies ReconcileParams);
  }) satisfies Handler<'invoices.reconcile'>,
  'invoices.approve': (async (input, ctx) => approveInvoice(ctx, input)) satisfies Handler<'invoices.approve'>,
  'invoices.reject': (async (input, ctx) => rejectInvoice(ctx, input)) satisfies Handler<'invoices.reject'>,
  'invoices.setDisputeNote': (async (input, ctx) => setDisputeNote(ctx, input)) satisfies Handler<'invoices.setDisputeNote'>,

  'invoices.exportReconciliation': (async (input, ctx) => {
    checkReconciliationExport(ctx.core.db.sqlite, input.invoiceNo);
    return startJob(ctx, 'export.reconciliation', { format: input.format, invoiceNo: input.invoiceNo } satisfies ReconciliationExportParams);
  }) satisfies Handler<'invoices.exportReconciliation'>,
  'invoices.exportWorkbook': (async (input, ctx) => {
    reconciledInvoice(ctx.core.db.sqlite, input.invoiceNo, ctx.now);
    return startJob(ctx, 'export.invoiceWorkbook', { invoiceNo: input.invoiceNo, maskNik: masksNik(ctx) } satisfies InvoiceFileParams);
  }) satisfies Handler<'invoices.exportWorkbook'>,
  'invoices.exportPaymentAdvice': (async (input, ctx) => {
    adviceInputs(ctx.core.db.sqlite, input.invoiceNo, ctx.now);
    return startJob(ctx, 'export.paymentAdvice', { invoiceNo: input.invoiceNo });
  }) satisfies Handler<'invoices.exportPaymentAdvice'>,

  'invoices.chart': (async (input, ctx) => ({ months: invoiceChart(ctx.core.db.sqlite, input.institutionId) })) satisfies Handler<'invoices.chart'>,
  'invoices.institutions': (async (_input, ctx) => invoiceInstitutions(ctx.core.db.sqlite)) satisfies Handler<'invoices.institutions'>,
};
