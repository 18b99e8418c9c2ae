import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { WaveStatus } from '../../../../shared/waves';
import { STATUS_COLOR } from './format';

export function StatusChip({ status, size = 'small' }: { status: WaveStatus; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return <Chip size={size} color={STATUS_COLOR[status]} variant={status === 'draft' ? 'outlined' : 'filled'} label={t(`waves.status.${status}`)} />;
}
