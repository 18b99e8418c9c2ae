import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import type { ApplicantRow } from '../../../../shared/api/applicants';
import { StatusChip } from './labels';

/**
 * The screening status of one list row as a chip. The list answer carries it (the latest result in
 * force), so a page costs no extra calls and always shows what the filter selected.
 * The reasons are in the tooltip.
 */
export function StatusCell({ screening }: { screening: ApplicantRow['screening'] }) {
  const { t } = useTranslation();
  if (!screening) return <StatusChip status="unscreened" />;
  const title = [
    ...screening.reasons.map((code) => `${t(`screening.reasons.${code}`)} (${code})`),
    ...(screening.overridden ? [t('screening.result.overriddenNote')] : []),
  ].join('\n');
  return (
    <Tooltip title={title ? <Box sx={{ whiteSpace: 'pre-line' }}>{title}</Box> : ''}>
      <span>
        <StatusChip status={screening.status} overridden={screening.overridden} />
      </span>
    </Tooltip>
  );
}
