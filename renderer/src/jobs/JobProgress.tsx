import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../shared/api/jobs';
import { api } from '../api';
import { useNotify } from '../components/Notifications';
import { formatNumber } from '../format/datetime';
import { useSession } from '../session/SessionProvider';
import { useRate } from './useJob';

/** Progress of one job: a bar (determinate once the total is known), done/total, rate, and cancel while running. */
export function JobProgress({ job }: { job: JobInfo }) {
  const { t, i18n } = useTranslation();
  const locale = useSession().user.locale;
  const notify = useNotify();
  const rate = useRate(job);
  const [cancelling, setCancelling] = useState(false);
  const running = job.state === 'running';
  const percent = job.total ? Math.min(100, (job.done / job.total) * 100) : null;
  const stepKey = `jobs.steps.${job.message ?? ''}`;
  const step = job.message ? (i18n.exists(stepKey) ? t(stepKey as 'jobs.steps.audit') : job.message) : null;

  const cancel = async () => {
    setCancelling(true);
    try {
      await api.call('jobs.cancel', { id: job.id });
    } catch (err) {
      notify.error((err as Error).message);
      setCancelling(false);
    }
  };

  return (
    <Box role="group" aria-label={t(`jobs.state.${job.state}`)} sx={{ display: 'grid', gap: 0.75 }}>
      <LinearProgress
        variant={running && percent === null ? 'indeterminate' : 'determinate'}
        value={running ? (percent ?? 0) : 100}
        color={job.state === 'failed' ? 'error' : job.state === 'cancelled' ? 'warning' : 'primary'}
        aria-label={step ?? t(`jobs.state.${job.state}`)}
        sx={{ height: 6, borderRadius: 3 }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, minHeight: 30 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {t(`jobs.state.${job.state}`)}
        </Typography>
        {step && running && (
          <Typography variant="body2" color="text.secondary">
            {step}
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {job.total !== null
            ? t('jobs.progress', { done: formatNumber(job.done, locale), total: formatNumber(job.total, locale) })
            : t('jobs.progressUnknown', { done: formatNumber(job.done, locale) })}
          {percent !== null && ` (${Math.floor(percent)}%)`}
        </Typography>
        {running && rate !== null && (
          <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('jobs.rate', { rate: formatNumber(Math.round(rate), locale) })}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        {running && (
          <Button variant="outlined" color="warning" onClick={cancel} disabled={cancelling}>
            {cancelling ? t('jobs.cancelling') : t('jobs.cancel')}
          </Button>
        )}
      </Box>
    </Box>
  );
}
