import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { JobProgress } from '../../jobs/JobProgress';
import { useJobs } from '../../jobs/JobsProvider';
import { useJob } from '../../jobs/useJob';
import { VerifyReport, VerifyResult } from './VerifyResult';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2.5 }}>
      <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function VerifySection() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { jobs } = useJobs();
  const [startedId, setStartedId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // Coming back to the page shows the latest verification of this session.
  const jobId = startedId ?? jobs.find((j) => j.kind === 'verify')?.id ?? null;
  const job = useJob(jobId).data;
  const running = starting || job?.state === 'running';
  const report = job?.state === 'done' ? VerifyReport.safeParse(job.result) : null;

  const start = async () => {
    setStarting(true);
    try {
      const { jobId: id } = await api.call('system.verify', {});
      setStartedId(id);
    } catch (err) {
      notify.error((err as Error).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Section title={t('system.verifyTitle')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 720 }}>
        {t('system.verifyBody')}
      </Typography>
      <Button variant="contained" startIcon={<VerifiedUserOutlined />} onClick={() => void start()} disabled={running} sx={{ mb: 2 }}>
        {running ? t('system.verifyRunning') : t('system.verifyButton')}
      </Button>
      {job && (
        <Box sx={{ display: 'grid', gap: 2, maxWidth: 720 }}>
          <JobProgress job={job} />
          {job.state === 'failed' && <Alert severity="error">{t('jobs.failed', { message: job.error?.message ?? '' })}</Alert>}
          {job.state === 'cancelled' && <Alert severity="warning">{t('jobs.cancelled')}</Alert>}
          {report?.success && <VerifyResult report={report.data} />}
        </Box>
      )}
    </Section>
  );
}

function InfoSection() {
  const { t } = useTranslation();
  const status = useApiQuery('system.status', {});
  return (
    <Section title={t('system.info')}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 0.5, m: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}>
        <dt>{t('system.appVersion')}</dt>
        <dd>{status.data?.version ?? t('common.none')}</dd>
        <dt>{t('system.schemaVersion')}</dt>
        <dd>{status.data?.schemaVersion ?? t('common.none')}</dd>
      </Box>
    </Section>
  );
}

export function SystemPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('system.title')} subtitle={t('system.subtitle')} />
      <Box sx={{ display: 'grid', gap: 2 }}>
        <VerifySection />
        <InfoSection />
      </Box>
    </>
  );
}
