import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { formatNumber } from '../../format/datetime';
import { JobProgress } from '../../jobs/JobProgress';
import { useJob } from '../../jobs/useJob';
import { useSession } from '../../session/SessionProvider';

const SIZES = [1_000, 10_000, 50_000, 100_000] as const;

/**
 * The first run's second step, right after the admin account: fill the empty register with demo data
 * (on by default, so a newcomer lands in a populated app) through `demo.seed`, or skip it.
 */
export function DemoDataStep({ onFinish }: { onFinish(path: string): void }) {
  const { t } = useTranslation();
  const { locale } = useSession().user;
  const [fill, setFill] = useState(true);
  const [size, setSize] = useState<number>(10_000);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId).data;
  const done = job?.state === 'done';

  useEffect(() => {
    if (done) onFinish('/pendaftar');
  }, [done, onFinish]);

  const start = async () => {
    if (!fill) return onFinish('/');
    setStarting(true);
    setError(null);
    try {
      setJobId((await api.call('demo.seed', { applicants: size })).jobId);
    } catch (err) {
      setError(t('auth.demoFailed', { message: (err as Error).message }));
    } finally {
      setStarting(false);
    }
  };

  const ended = job && job.state !== 'running';
  return (
    <Stack spacing={2}>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {!jobId ? (
        <>
          <FormControlLabel control={<Checkbox checked={fill} onChange={(e) => setFill(e.target.checked)} />} label={t('auth.demoFill')} />
          <TextField select label={t('auth.demoSize')} value={size} onChange={(e) => setSize(Number(e.target.value))} disabled={!fill}>
            {SIZES.map((n) => (
              <MenuItem key={n} value={n}>
                {t('auth.demoSizeOption', { formatted: formatNumber(n, locale) })}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="contained" onClick={() => void start()} disabled={starting}>
            {fill ? t('auth.demoStart') : t('auth.demoContinue')}
          </Button>
          <Button onClick={() => onFinish('/')}>{t('auth.demoSkip')}</Button>
        </>
      ) : (
        <>
          {job && <JobProgress job={job} />}
          {job?.state === 'failed' && <Alert severity="error">{t('auth.demoFailed', { message: job.error?.message ?? '' })}</Alert>}
          {job?.state === 'cancelled' && <Alert severity="info">{t('auth.demoCancelled')}</Alert>}
          {!ended && <Alert severity="info">{t('auth.demoRunning')}</Alert>}
          <Button variant={ended ? 'contained' : 'text'} onClick={() => onFinish('/')}>
            {t('auth.demoOpenApp')}
          </Button>
        </>
      )}
    </Stack>
  );
}
