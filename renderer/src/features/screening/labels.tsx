import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { ReasonCode } from '../../../../shared/eligibility/reasons';
import type { ExclusionList } from '../../../../shared/applicant-values';
import { MONO } from '../applicants/format';

export type ScreeningStatus = 'eligible' | 'ineligible' | 'unscreened';

/** A reason code as staff read it: the plain label, with the code in monospace beside it. */
export function ReasonLabel({ code, showCode = true }: { code: ReasonCode; showCode?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
      <span>{t(`screening.reasons.${code}`)}</span>
      {showCode && <Code value={code} />}
    </Box>
  );
}

/** A code (reason, list) in a small monospace face. */
export function Code({ value }: { value: string }) {
  return (
    <Box component="code" sx={{ ...MONO, fontSize: 12, color: 'text.secondary', bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5 }}>
      {value}
    </Box>
  );
}

export function ListLabel({ list }: { list: ExclusionList | string }) {
  const { t, i18n } = useTranslation();
  const key = `screening.lists.${list}`;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
      <span>{i18n.exists(key) ? t(key as 'screening.lists.ASN') : list}</span>
      <Code value={list} />
    </Box>
  );
}

const COLORS = { eligible: 'success', ineligible: 'error', unscreened: 'default' } as const;

/** The eligibility status as a chip; colour is never the only cue (the word is always there). */
export function StatusChip({ status, overridden }: { status: ScreeningStatus; overridden?: boolean }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      variant={status === 'unscreened' ? 'outlined' : 'filled'}
      color={COLORS[status]}
      label={`${t(`screening.status.${status}`)}${overridden ? ' *' : ''}`}
      sx={{ fontWeight: 600 }}
    />
  );
}
