import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotify } from '../../components/Notifications';
import { formatDate, formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { jakartaToday } from '../applicants/format';
import { isAdmin } from './format';

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** `participants expire` in the UI: an as-of date, how many are due, and (for an admin) the run with a confirmation. */
export function ExpiryPanel() {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = user.locale;
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState(jakartaToday());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const valid = isDate(asOf);
  const preview = useApiQuery('participants.expiryPreview', { asOf }, { enabled: valid });
  const due = preview.data?.due ?? 0;
  const date = formatDate(asOf, locale);

  const run = async () => {
    setBusy(true);
    try {
      const r = await api.call('participants.expire', { asOf });
      notify.success(t('waves.expiry.done', { count: r.revoked, date, freed: formatNumber(r.freedPlaces.total, locale) }));
      await queryClient.invalidateQueries({ queryKey: ['api'] });
      await queryClient.invalidateQueries({ queryKey: ['table'] });
    } catch (err) {
      notify.error((err as Error).message);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="expiry-title" sx={{ p: 2, flex: '2 1 520px' }}>
      <Typography id="expiry-title" variant="h3" component="h2" sx={{ mb: 0.5 }}>
        {t('waves.expiry.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 760 }}>
        {t('waves.expiry.body')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          type="date"
          label={t('waves.expiry.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          error={!valid}
          helperText={valid ? ' ' : t('waves.form.badDate')}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 200 }}
          fullWidth={false}
        />
        <Box sx={{ flex: 1, minWidth: 240, pt: 1 }}>
          {valid && preview.data && (
            <Typography role="status" sx={{ fontWeight: due ? 600 : 400 }}>
              {due ? t('waves.expiry.due', { count: due, date }) : t('waves.expiry.dueNone', { date })}
            </Typography>
          )}
        </Box>
        {isAdmin(user.role) && (
          <Button variant="contained" color="error" disabled={!valid || !due || busy} onClick={() => setConfirming(true)} sx={{ mt: 0.75 }}>
            {t('waves.expiry.run')}
          </Button>
        )}
      </Box>
      {!isAdmin(user.role) && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('waves.expiry.adminOnly')}
        </Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('waves.expiry.confirmTitle', { count: due })}
        body={t('waves.expiry.confirmBody')}
        confirmLabel={t('waves.expiry.run')}
        danger
        busy={busy}
        onConfirm={() => void run()}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}
