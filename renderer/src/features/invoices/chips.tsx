import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../../../shared/api/invoices';
import type { LineStatus } from '../../../../shared/reconciliation/statuses';

const LINE_COLOR: Record<LineStatus, 'success' | 'warning' | 'error' | 'info' | 'default'> = {
  MATCHED: 'success',
  NOT_COMPLETED: 'warning',
  AMOUNT_MISMATCH: 'warning',
  CANCELLED: 'default',
  DUPLICATE_LINE: 'info',
  ALREADY_BILLED: 'info',
  UNKNOWN_ENROLLMENT: 'error',
  INSTITUTION_MISMATCH: 'error',
  PARTICIPANT_MISMATCH: 'error',
  TRAINING_MISMATCH: 'error',
  PARTICIPANT_REVOKED: 'error',
};

/** A line's status; the words are always there (colour is never the only cue), the code in the tooltip. */
export function LineStatusChip({ status, count, selected, onClick }: { status: LineStatus; count?: number; selected?: boolean; onClick?(): void }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={LINE_COLOR[status]}
      variant={selected === false ? 'outlined' : 'filled'}
      label={count === undefined ? t(`invoices.lineStatus.${status}`) : `${t(`invoices.lineStatus.${status}`)} (${count})`}
      title={status}
      onClick={onClick}
      aria-pressed={onClick ? selected === true : undefined}
      sx={{ fontWeight: 600 }}
    />
  );
}

const INVOICE_COLOR = { imported: 'default', reconciled: 'info', approved: 'success', rejected: 'error' } as const;

export function InvoiceStatusChip({ status, size = 'small' }: { status: InvoiceStatus; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return <Chip size={size} color={INVOICE_COLOR[status]} variant={status === 'imported' ? 'outlined' : 'filled'} label={t(`invoices.status.${status}`)} sx={{ fontWeight: 600 }} />;
}
