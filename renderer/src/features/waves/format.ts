import type { ChipProps } from '@mui/material/Chip';
import type { WaveStatus } from '../../../../shared/waves';
import { formatRupiah } from '../../../../shared/reconciliation/money';

export { formatRupiah };

export const STATUS_COLOR: Record<WaveStatus, ChipProps['color']> = {
  draft: 'default',
  open: 'info',
  closed: 'warning',
  selected: 'secondary',
  published: 'success',
};

export const NUM = { fontVariantNumeric: 'tabular-nums' } as const;

/** Who may do what (DESIGN 7); the core checks the same per method. */
export const canManage = (role: string) => role === 'admin' || role === 'reviewer';
export const isAdmin = (role: string) => role === 'admin';
