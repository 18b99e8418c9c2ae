import { ApiError } from '../../../shared/api/errors';
import type { InvoiceDetail, InvoiceLineRow } from '../../../shared/api/invoices';
import { formatRupiah } from '../../../shared/reconciliation';
import { requireUser, type HandlerContext } from '../api/context';
import { jakartaToday } from '../applicants/list-query';
import { findInvoice, findLine, invoiceDetail, toLineRow, type InvoiceRecord } from './queries';
import { invoiceStaleness } from './staleness';

const DECIDED = { approved: 'disetujui', rejected: 'ditolak' } as const;

/**
 * The checks every decision shares: the invoice is reconciled (not imported, not yet decided), the
 * checker is not its maker, and — when the checker names the run they looked at — it is still the latest.
 */
function decidable(ctx: HandlerContext, invoiceNo: string, runId: number | undefined): InvoiceRecord {
  const user = requireUser(ctx);
  const inv = findInvoice(ctx.core.db.sqlite, invoiceNo, jakartaToday(ctx.now));
  if (inv.status === 'imported') {
    throw new ApiError('CONFLICT', `Tagihan ${invoiceNo} belum direkonsiliasi. Rekonsiliasikan dulu; pengguna lain lalu menyetujui atau menolaknya.`);
  }
  if (inv.status === 'approved' || inv.status === 'rejected') {
    throw new ApiError(
      'CONFLICT',
      `Tagihan ${invoiceNo} sudah ${DECIDED[inv.status]} oleh ${inv.decided_by_name ?? '-'} pada ${inv.decided_at?.slice(0, 10) ?? '-'} dan terkunci.`,
    );
  }
  if (inv.reconciled_by === user.id) {
    throw new ApiError(
      'FORBIDDEN',
      `Anda yang merekonsiliasi tagihan ${invoiceNo}, jadi Anda tidak dapat menyetujui atau menolaknya sendiri (prinsip empat mata). ` +
        'Minta pengguna keuangan atau admin lain untuk memeriksanya.',
    );
  }
  if (runId !== undefined && runId !== inv.reconcile_run_id) {
    throw new ApiError(
      'CONFLICT',
      `Tagihan ${invoiceNo} sudah direkonsiliasi ulang oleh ${inv.reconciled_by_name ?? '-'} sejak Anda membukanya. Periksa hasil terbaru, lalu putuskan.`,
    );
  }
  return inv;
}

/** The checker approves the latest reconciliation: the approved amount becomes payable and the invoice locks. */
export async function approveInvoice(ctx: HandlerContext, input: { invoiceNo: string; runId?: number | undefined }): Promise<InvoiceDetail> {
  const user = requireUser(ctx);
  const sqlite = ctx.core.db.sqlite;
  const inv = decidable(ctx, input.invoiceNo, input.runId);
  // Approving a result whose facts moved on (a cancellation reported since, another invoice decided) would pay the wrong amount.
  const stale = invoiceStaleness(sqlite, inv);
  if (stale.changedLines > 0) {
    const sample = stale.lineNos.slice(0, 5).join(', ');
    throw new ApiError(
      'CONFLICT',
      `Data pembelian atau tagihan lain berubah sejak rekonsiliasi terakhir tagihan ${input.invoiceNo} (${stale.changedLines} baris, antara lain baris ${sample}). ` +
        'Rekonsiliasi ulang dulu; hasil barunya lalu diperiksa oleh pengguna lain.',
    );
  }
  const at = ctx.now.toISOString();
  sqlite
    .prepare(`UPDATE invoices SET status = 'approved', decided_by = ?, decided_by_name = ?, decided_at = ?, version = version + 1, updated_at = ? WHERE id = ?`)
    .run(user.id, user.username, at, at, inv.id);
  await ctx.audit({
    action: 'invoice.approve',
    entity: 'invoice',
    entityId: inv.invoice_no,
    before: { status: inv.status, runId: inv.reconcile_run_id, reconciledBy: inv.reconciled_by_name },
    after: { status: 'approved', runId: inv.reconcile_run_id, approvedAmount: inv.approved_amount, disputedAmount: inv.disputed_amount, institutionId: inv.institution_id },
  });
  return invoiceDetail(sqlite, inv.invoice_no, jakartaToday(ctx.now));
}

/** The checker rejects the reconciliation with a note: nothing is paid, the invoice locks, its enrollments are free for another invoice. */
export async function rejectInvoice(ctx: HandlerContext, input: { invoiceNo: string; note: string; runId?: number | undefined }): Promise<InvoiceDetail> {
  const user = requireUser(ctx);
  const sqlite = ctx.core.db.sqlite;
  const inv = decidable(ctx, input.invoiceNo, input.runId);
  const at = ctx.now.toISOString();
  sqlite
    .prepare(
      `UPDATE invoices SET status = 'rejected', decided_by = ?, decided_by_name = ?, decided_at = ?, decision_note = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    )
    .run(user.id, user.username, at, input.note, at, inv.id);
  await ctx.audit({
    action: 'invoice.reject',
    entity: 'invoice',
    entityId: inv.invoice_no,
    before: { status: inv.status, runId: inv.reconcile_run_id, reconciledBy: inv.reconciled_by_name },
    after: { status: 'rejected', runId: inv.reconcile_run_id, note: input.note, claimedAmount: inv.claimed_amount },
  });
  return invoiceDetail(sqlite, inv.invoice_no, jakartaToday(ctx.now));
}

/** Finance's note on a disputed line, for the institution's workbook; empty text removes it. */
export async function setDisputeNote(ctx: HandlerContext, input: { invoiceNo: string; lineNo: number; note: string }): Promise<InvoiceLineRow> {
  const user = requireUser(ctx);
  const sqlite = ctx.core.db.sqlite;
  const { invoice, line } = findLine(sqlite, input.invoiceNo, input.lineNo);
  if (invoice.status === 'approved' || invoice.status === 'rejected') {
    throw new ApiError('CONFLICT', `Tagihan ${input.invoiceNo} sudah ${DECIDED[invoice.status]} dan terkunci; catatan tidak dapat diubah.`);
  }
  if (line.status === null) throw new ApiError('CONFLICT', `Tagihan ${input.invoiceNo} belum direkonsiliasi; catatan sengketa dibuat untuk baris yang disengketakan.`);
  if (line.status === 'MATCHED' && input.note !== '') {
    throw new ApiError('VALIDATION', `Baris ${input.lineNo} cocok (${formatRupiah(line.amount)} disetujui); catatan sengketa hanya untuk baris yang disengketakan.`);
  }
  const note = input.note === '' ? null : input.note;
  const at = ctx.now.toISOString();
  sqlite
    .prepare('UPDATE invoice_lines SET dispute_note = ?, dispute_note_by = ?, dispute_note_at = ? WHERE id = ?')
    .run(note, note === null ? null : user.username, note === null ? null : at, line.id);
  await ctx.audit({
    action: 'invoice.disputeNote',
    entity: 'invoice_line',
    entityId: `${input.invoiceNo}#${input.lineNo}`,
    before: { note: line.dispute_note },
    after: { note, status: line.status },
  });
  return toLineRow({ ...line, dispute_note: note, dispute_note_by: note === null ? null : user.username, dispute_note_at: note === null ? null : at }, false);
}
