import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../../shared/api/invoices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
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
  const [note, setNote] = useState('');
  const ok = note.trim().length >= 3;
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="reject-invoice-title">
      <DialogTitle id="reject-invoice-title">{t('invoices.decide.rejectTitle', { no: invoice.invoiceNo })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('invoices.decide.rejectBody')}</DialogContentText>
        <TextField
          label={t('invoices.decide.note')}
          helperText={t('invoices.decide.noteHelp')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          multiline
          minRows={3}
          autoFocus
          fullWidth
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color="error" disabled={!ok || busy} onClick={() => onReject(note.trim())}>
          {t('invoices.page.reject')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
