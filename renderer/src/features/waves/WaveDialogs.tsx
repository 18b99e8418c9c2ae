import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wave } from '../../../../shared/api/waves';
import { verifySeed } from '../../../../shared/selection/commitment';
import { addDays } from '../../../../shared/waves/dates';
import { api } from '../../api';
import { formatDate } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { MONO, jakartaToday } from '../applicants/format';
import { formatRupiah } from './format';

/** The seed, checked against the commitment as it is typed (the browser hashes it; the core checks again). */
export function SelectDialog({ wave, open, onClose, onStarted }: { wave: Wave; open: boolean; onClose(): void; onStarted(jobId: string): void }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const [seed, setSeed] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const matches = seed !== '' && verifySeed(seed, wave.seedCommitment);
  const close = () => {
    setSeed('');
    setError(null);
    onClose();
  };
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { jobId } = await api.call('waves.select', { number: wave.number, seed });
      onStarted(jobId);
      close();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby="select-title" maxWidth="sm" fullWidth>
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !busy) void start();
        }}
      >
        <DialogTitle id="select-title">{t('waves.select.title', { number: wave.number })}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <DialogContentText>{t('waves.select.body', { date: formatDate(wave.closesOn, locale) })}</DialogContentText>
          {wave.status === 'selected' && <Alert severity="info">{t('waves.select.reselectBody')}</Alert>}
          <TextField
            label={t('waves.select.seed')}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            autoFocus
            autoComplete="off"
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: MONO.fontFamily } } }}
            error={seed !== '' && !matches}
            helperText={seed === '' ? t('waves.select.seedHelp') : matches ? t('waves.select.seedMatches') : t('waves.select.seedDiffers')}
            sx={{ mt: 1, '& .MuiFormHelperText-root': { color: matches ? 'success.main' : undefined } }}
          />
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={!matches || busy}>
            {t('waves.select.start')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/** The announcement date (default today, not before the day after the close date). */
export function PublishDialog({ wave, open, onClose, onStarted }: { wave: Wave; open: boolean; onClose(): void; onStarted(jobId: string): void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(jakartaToday());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { jobId } = await api.call('waves.publish', { number: wave.number, date });
      onStarted(jobId);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby="publish-title" maxWidth="sm" fullWidth>
      <DialogTitle id="publish-title">{t('waves.publish.title', { number: wave.number })}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <DialogContentText>{t('waves.publish.body', { count: wave.result?.selected ?? 0, balance: formatRupiah(wave.balance) })}</DialogContentText>
        <TextField
          type="date"
          label={t('waves.publish.date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: addDays(wave.closesOn, 1) } }}
          helperText={t('waves.publish.dateHelp')}
          sx={{ mt: 1, maxWidth: 260 }}
        />
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color="success" onClick={() => void start()} disabled={!valid || busy}>
          {t('waves.publish.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
