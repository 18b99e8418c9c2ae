import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import ShuffleOutlined from '@mui/icons-material/ShuffleOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Wave } from '../../../../shared/api/waves';
import { PROVINCES } from '../../../../shared/regions/provinces';
import { purchaseDeadline, revocationDate } from '../../../../shared/waves/dates';
import { WAVE_STATUSES } from '../../../../shared/waves/lifecycle';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotify } from '../../components/Notifications';
import { formatDate, formatDateTime, formatNumber } from '../../format/datetime';
import { JobProgress } from '../../jobs/JobProgress';
import { useJobs } from '../../jobs/JobsProvider';
import { useJob } from '../../jobs/useJob';
import { useSession } from '../../session/SessionProvider';
import { MONO } from '../applicants/format';
import { canManage, formatRupiah, isAdmin } from './format';
import { MembersTable } from './MembersTable';
import { ResultView } from './ResultView';
import { StatusChip } from './StatusChip';
import { VerifyDialog } from './VerifyDialog';
import { PublishDialog, SelectDialog } from './WaveDialogs';
import { WaveExports } from './WaveExports';

const STEP_KEYS = ['created', 'opened', 'closed', 'selected', 'published'] as const;

function Setting({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '200px 1fr' }, gap: { xs: 0, sm: 2 }, py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
}

/** Settings and the lifecycle so far. */
function SettingsCard({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const quota = 'national' in wave.quota ? t('waves.page.quotaNational', { total: formatNumber(wave.quotaTotal, locale) }) : t('waves.page.quotaProvinces', { total: formatNumber(wave.quotaTotal, locale) });
  const weights = Object.entries(wave.weights);
  const stepIndex = WAVE_STATUSES.indexOf(wave.status);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="settings-title" sx={{ p: 2 }}>
      <Stepper activeStep={stepIndex} alternativeLabel sx={{ mb: 2 }} aria-label={t('waves.page.history')}>
        {STEP_KEYS.map((k, i) => {
          const step = wave[k];
          return (
            <Step key={k} completed={i <= stepIndex}>
              <StepLabel optional={step ? <Typography variant="caption" color="text.secondary">{t('waves.page.stepBy', { at: formatDateTime(step.at, locale), by: step.by ?? '—' })}</Typography> : undefined}>
                {t(`waves.page.step.${k}`)}
              </StepLabel>
            </Step>
          );
        })}
      </Stepper>
      <Typography id="settings-title" variant="h3" component="h2" sx={{ mb: 0.5 }}>
        {t('waves.page.settings')}
      </Typography>
      <Setting label={t('waves.list.period')}>{t('waves.page.period', { from: formatDate(wave.opensOn, locale), to: formatDate(wave.closesOn, locale) })}</Setting>
      <Setting label={t('waves.page.quota')}>
        <Typography variant="body2">{quota}</Typography>
        {'provinces' in wave.quota && (
          <Typography variant="body2" color="text.secondary">
            {Object.entries(wave.quota.provinces)
              .filter(([, q]) => q > 0)
              .map(([c, q]) => `${PROVINCES[c] ?? c} ${formatNumber(q, locale)}`)
              .join(' · ')}
          </Typography>
        )}
      </Setting>
      <Setting label={t('waves.page.balance')}>{formatRupiah(wave.balance)}</Setting>
      {wave.publishedOn && (
        <Setting label={t('waves.page.publishedOn')}>
          {t('waves.page.publishedLine', {
            date: formatDate(wave.publishedOn, locale),
            deadline: formatDate(purchaseDeadline(wave.publishedOn), locale),
            revoked: formatDate(revocationDate(wave.publishedOn), locale),
          })}
        </Setting>
      )}
      <Setting label={t('waves.page.weights')}>
        {weights.length ? weights.map(([s, w]) => `${t(`applicants.employment.${s}` as 'applicants.employment.employed', { defaultValue: s })} ${w}`).join(' · ') : t('waves.page.weightsDefault')}
      </Setting>
      <Setting label={t('waves.page.commitment')}>
        <Typography sx={{ ...MONO, fontSize: 13, wordBreak: 'break-all' }}>{wave.seedCommitment}</Typography>
      </Setting>
      {wave.seed && (
        <Setting label={t('waves.page.seed')}>
          <Typography sx={{ ...MONO, fontSize: 13, wordBreak: 'break-all' }} data-testid="wave-seed">
            {wave.seed}
          </Typography>
        </Setting>
      )}
    </Paper>
  );
}

/** One wave: lifecycle actions for the roles allowed them, the selection job's progress, the result, the participants. */
export function WavePage() {
  const { t } = useTranslation();
  const { number: param } = useParams();
  const number = Number(param);
  const { user } = useSession();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { jobs } = useJobs();
  const wave = useApiQuery('waves.get', { number }, { enabled: Number.isInteger(number) && number > 0, retry: false });
  const [confirm, setConfirm] = useState<'open' | 'close' | null>(null);
  const [dialog, setDialog] = useState<'select' | 'publish' | 'verify' | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const running = jobs.find((j) => (j.kind === 'wave.select' || j.kind === 'wave.publish') && j.state === 'running');
  const shownId = jobId ?? running?.id ?? null;
  const job = useJob(shownId).data;
  const reported = useRef<string | null>(null);

  useEffect(() => {
    if (!job || job.state === 'running' || reported.current === job.id) return;
    reported.current = job.id;
    void queryClient.invalidateQueries({ queryKey: ['api'] });
    void queryClient.invalidateQueries({ queryKey: ['table'] });
    const r = job.result as { selected?: number; pool?: number; participants?: number } | undefined;
    if (job.state === 'done' && job.kind === 'wave.select') notify.success(t('waves.select.done', { number, selected: formatNumber(r?.selected ?? 0, user.locale), pool: formatNumber(r?.pool ?? 0, user.locale) }));
    if (job.state === 'done' && job.kind === 'wave.publish') notify.success(t('waves.publish.done', { number, count: r?.participants ?? 0 }));
    if (job.state === 'failed') notify.error(t(job.kind === 'wave.publish' ? 'waves.publish.failed' : 'waves.select.failed', { message: job.error?.message ?? '' }));
    if (job.state !== 'failed') setJobId(null);
  }, [job, queryClient, notify, t, number, user.locale]);

  if (wave.error) {
    return (
      <Alert severity="error" action={<Button onClick={() => void navigate('/gelombang')}>{t('waves.page.back')}</Button>}>
        {wave.error.code === 'NOT_FOUND' ? t('waves.page.notFound', { number: param }) : wave.error.message}
      </Alert>
    );
  }
  if (!wave.data) {
    return (
      <Box sx={{ py: 4, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('common.loading')} />
      </Box>
    );
  }
  const w = wave.data;
  const staff = canManage(user.role);
  const jobRunning = job?.state === 'running';

  const transition = async (which: 'open' | 'close') => {
    setBusy(true);
    try {
      await api.call(which === 'open' ? 'waves.open' : 'waves.close', { number });
      notify.success(t(which === 'open' ? 'waves.page.opened' : 'waves.page.closedDone', { number }));
      await queryClient.invalidateQueries({ queryKey: ['api'] });
    } catch (err) {
      notify.error((err as Error).message);
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  const actions = (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
      {staff && (w.status === 'draft' || w.status === 'open' || w.status === 'closed') && (
        <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => void navigate(`/gelombang/${number}/ubah`)}>
          {t('waves.page.edit')}
        </Button>
      )}
      {staff && w.status === 'draft' && (
        <Button variant="contained" startIcon={<LockOpenOutlined />} onClick={() => setConfirm('open')}>
          {t('waves.page.open')}
        </Button>
      )}
      {staff && w.status === 'open' && (
        <Button variant="contained" startIcon={<LockOutlined />} onClick={() => setConfirm('close')}>
          {t('waves.page.close')}
        </Button>
      )}
      {staff && (w.status === 'closed' || w.status === 'selected') && (
        <Button variant={w.status === 'closed' ? 'contained' : 'outlined'} startIcon={<ShuffleOutlined />} onClick={() => setDialog('select')} disabled={jobRunning}>
          {w.status === 'closed' ? t('waves.page.select') : t('waves.page.reselect')}
        </Button>
      )}
      {w.status === 'selected' && isAdmin(user.role) && (
        <Button variant="contained" color="success" startIcon={<CampaignOutlined />} onClick={() => setDialog('publish')} disabled={jobRunning}>
          {t('waves.page.publish')}
        </Button>
      )}
      {w.result && (
        <Button variant="outlined" startIcon={<FactCheckOutlined />} onClick={() => setDialog('verify')}>
          {t('waves.page.verify')}
        </Button>
      )}
    </Box>
  );

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Button size="small" startIcon={<ArrowBackOutlined />} onClick={() => void navigate('/gelombang')} sx={{ mb: 1 }}>
          {t('waves.page.back')}
        </Button>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Box sx={{ flex: 1, minWidth: 280, display: 'flex', alignItems: 'center', gap: 1.5 }}>
            <Typography variant="h1" component="h1">
              {t('waves.title')} {w.number} — {w.name}
            </Typography>
            <StatusChip status={w.status} size="medium" />
          </Box>
          {actions}
        </Box>
        {w.status === 'selected' && !isAdmin(user.role) && (
          <Alert severity="info" sx={{ mt: 1 }}>
            {t('waves.publish.adminOnly')}
          </Alert>
        )}
      </Box>
      {job && (job.state === 'running' || job.id === jobId) && (
        <Paper variant="outlined" sx={{ p: 2 }} aria-label={t('waves.select.running')}>
          <JobProgress job={job} />
          {job.state === 'failed' && (
            <Alert severity="error" sx={{ mt: 1 }} onClose={() => setJobId(null)}>
              {job.error?.message}
            </Alert>
          )}
        </Paper>
      )}
      <SettingsCard wave={w} />
      {w.result ? (
        <>
          <WaveExports wave={w} />
          <ResultView wave={w} />
          <MembersTable wave={w} />
        </>
      ) : (
        <Alert severity="info">{t('waves.page.notSelected')}</Alert>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'open' ? t('waves.page.confirmOpenTitle', { number }) : t('waves.page.confirmCloseTitle', { number })}
        body={confirm === 'open' ? t('waves.page.confirmOpenBody') : t('waves.page.confirmCloseBody', { date: formatDate(w.closesOn, user.locale) })}
        confirmLabel={confirm === 'open' ? t('waves.page.open') : t('waves.page.close')}
        busy={busy}
        onConfirm={() => void transition(confirm!)}
        onClose={() => setConfirm(null)}
      />
      <SelectDialog wave={w} open={dialog === 'select'} onClose={() => setDialog(null)} onStarted={setJobId} />
      <PublishDialog wave={w} open={dialog === 'publish'} onClose={() => setDialog(null)} onStarted={setJobId} />
      <VerifyDialog number={w.number} open={dialog === 'verify'} onClose={() => setDialog(null)} />
    </Box>
  );
}
