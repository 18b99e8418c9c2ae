import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityStatus } from '../../../../shared/api/screening';
import { api } from '../../api';
import { useNotify } from '../../components/Notifications';
import { StatusChip } from './labels';

const MIN = 10;

/** "Usulkan koreksi": target status and a written reason; the proposal then waits for another user's decision. */
export function ProposeOverrideDialog({ registrationId, name, current, onClose, onProposed }: { registrationId: string; name: string; current: EligibilityStatus; onClose(): void; onProposed(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [target, setTarget] = useState<EligibilityStatus>(current === 'eligible' ? 'ineligible' : 'eligible');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const length = reason.trim().length;
  const short = length < MIN;

  const submit = async () => {
    setTouched(true);
    if (short || target === current) return;
    setBusy(true);
    setError(null);
    try {
      const o = await api.call('overrides.propose', { registrationId, status: target, reason: reason.trim() });
      notify.success(t('screening.override.proposed', { id: o.id }));
      onProposed();
      onClose();
    } catch (err) {
      setError(t('screening.override.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="propose-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id="propose-title">{t('screening.override.title')}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {t('screening.override.intro', { name, id: registrationId })}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Typography variant="body2">{t('screening.override.current')}:</Typography>
            <StatusChip status={current} />
          </Box>
          <FormControl>
            <FormLabel id="propose-target">{t('screening.override.target')}</FormLabel>
            <RadioGroup row aria-labelledby="propose-target" value={target} onChange={(e) => setTarget(e.target.value as EligibilityStatus)}>
              {(['eligible', 'ineligible'] as const).map((s) => (
                <FormControlLabel key={s} value={s} control={<Radio />} label={t(`screening.status.${s}`)} disabled={s === current} />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            label={t('screening.override.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            multiline
            minRows={3}
            autoFocus
            required
            error={touched && short}
            helperText={touched && short ? t('screening.override.reasonShort', { count: length }) : t('screening.override.reasonHelp')}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || (touched && short)}>
            {t('screening.override.submit')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
