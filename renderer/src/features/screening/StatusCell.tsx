import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { StatusChip } from './labels';

/**
 * The screening status of one list row as a chip, read with screening.result (cached and shared with
 * the detail drawer, refetched on mount so a decision made elsewhere shows); the grid renders only
 * the visible rows, so a page costs a few small reads.
 * The reasons are in the tooltip.
 */
export function StatusCell({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const result = useApiQuery('screening.result', { registrationId }, { retry: false });
  const r = result.data;
  if (result.isPending) return <Skeleton variant="rounded" width={72} height={22} sx={{ display: 'inline-block', verticalAlign: 'middle' }} />;
  if (!r || !r.screened || !r.status) return <StatusChip status="unscreened" />;
  const overridden = r.status !== r.screenedStatus;
  const title = [
    ...r.reasons.map((x) => `${t(`screening.reasons.${x.code}`)} (${x.code})`),
    ...(overridden ? [t('screening.result.screenedAs', { status: t(`screening.status.${r.screenedStatus ?? 'unscreened'}`) })] : []),
  ].join('\n');
  return (
    <Tooltip title={title ? <Box sx={{ whiteSpace: 'pre-line' }}>{title}</Box> : ''}>
      <span>
        <StatusChip status={r.status} overridden={overridden} />
      </span>
    </Tooltip>
  );
}
