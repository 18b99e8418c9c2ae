import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../../shared/api/invoices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RejectWithNoteDialog } from '../../components/RejectWithNoteDialog';
import { rupiah } from '../catalog/format';

/** Confirms the approval with the amounts that will be paid and disputed. */
export function ApproveDialog({ invoice, busy, onConfirm, onClose }: { invoice: InvoiceDetail; busy: boolean; onConfirm(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open
      title={t('invoices.decide.approveTitle', { no: invoice.invoiceNo })}
      body={t('invoices.decide.approveBody', {
        approved: rupiah(invoice.approvedAmount),
        claimed: rupiah(invoice.claimedAmount),
        matched: invoice.statuses?.MATCHED ?? 0,
        disputed: rupiah(invoice.disputedAmount),
      })}
      confirmLabel={t('invoices.page.approve')}
      busy={busy}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}

/** Rejects with a written reason (at least 3 characters, as core requires). */
export function RejectDialog({ invoice, busy, onReject, onClose }: { invoice: InvoiceDetail; busy: boolean; onReject(note: string): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <RejectWithNoteDialog
      titleId="reject-invoice-title"
      title={t('invoices.decide.rejectTitle', { no: invoice.invoiceNo })}
      body={t('invoices.decide.rejectBody')}
      noteLabel={t('invoices.decide.note')}
      noteHelp={t('invoices.decide.noteHelp')}
      rejectLabel={t('invoices.page.reject')}
      busy={busy}
      onReject={onReject}
      onClose={onClose}
    />
  );
}
