import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useNotify } from '../../components/Notifications';
import { JobProgress } from '../../jobs/JobProgress';
import { useJobs } from '../../jobs/JobsProvider';
import { useJob } from '../../jobs/useJob';
import { useSession } from '../../session/SessionProvider';
import { jakartaToday } from '../applicants/format';

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** "Jalankan penyaringan" with an as-of date; the job's progress (with cancel) shows here until it ends. */
export function RunPanel({ onFinished }: { onFinished(): void }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const canRun = role === 'admin' || role === 'reviewer';
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { jobs } = useJobs();
  const [asOf, setAsOf] = useState(jakartaToday());
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A screening this session started earlier (e.g. before navigating away) is picked up again.
  const running = jobs.find((j) => j.kind === 'screen' && j.state === 'running');
  const shownId = jobId ?? running?.id ?? null;
  const job = useJob(shownId).data;
  const reported = useRef<string | null>(null);

  useEffect(() => {
    if (!job || job.state === 'running' || reported.current === job.id) return;
    reported.current = job.id;
    void queryClient.invalidateQueries({ queryKey: ['api', 'screening.summary'] });
    void queryClient.invalidateQueries({ queryKey: ['api', 'screening.runs'] });
    void queryClient.invalidateQueries({ queryKey: ['api', 'screening.result'] });
    void queryClient.invalidateQueries({ queryKey: ['table'] });
    if (job.state === 'done') notify.success(t('screening.run.done'));
    if (job.state === 'failed') setError(t('screening.run.failed', { message: job.error?.message ?? '' }));
    if (job.state === 'cancelled') notify.info(t('screening.run.cancelled'));
    onFinished();
  }, [job, queryClient, notify, t, onFinished]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const { jobId: id } = await api.call('screening.run', { asOf });
      setJobId(id);
    } catch (err) {
      setError(t('screening.run.failed', { message: (err as Error).message }));
    } finally {
      setStarting(false);
    }
  };
  const validDate = isDate(asOf);
  const busy = starting || job?.state === 'running';

  return (
    <Paper variant="outlined" component="section" aria-labelledby="run-title" sx={{ p: 2, mb: 2 }}>
      <Typography id="run-title" variant="h3" component="h2" sx={{ mb: 0.5 }}>
        {t('screening.run.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 820 }}>
        {t('screening.run.body')}
      </Typography>
      {canRun ? (
        <Box
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (validDate && !busy) void start();
          }}
          sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}
        >
          <TextField
            type="date"
            label={t('screening.run.asOf')}
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            error={!validDate}
            helperText={validDate ? t('screening.run.asOfHelp') : t('screening.run.badDate')}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 260 }}
            fullWidth={false}
            disabled={busy}
          />
          <Button type="submit" variant="contained" startIcon={<PlayArrowOutlined />} disabled={!validDate || busy} sx={{ mt: 0.75 }}>
            {starting ? t('screening.run.starting') : t('screening.run.start')}
          </Button>
        </Box>
      ) : (
        <Alert severity="info">{t('screening.run.readOnly')}</Alert>
      )}
      {job && (job.state === 'running' || job.id === jobId) && (
        <Box sx={{ mt: 2 }}>
          <JobProgress job={job} />
        </Box>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 2 }} onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
    </Paper>
  );
}
