import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seedCommitment } from '../../../../shared/selection/commitment';
import { useNotify } from '../../components/Notifications';
import { MONO } from '../applicants/format';

/** 32 random bytes from the browser's CSPRNG, as hex in groups of four: easy to read back, print and type. */
export function newSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join('-');
}

/**
 * Makes a seed on this computer and shows it once; only its commitment (sha256) goes into the form and
 * to the core. The seed is needed again at selection, so the clerk must keep it outside the app.
 */
export function SeedDialog({ open, onClose, onUse }: { open: boolean; onClose(): void; onUse(commitment: string): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [seed, setSeed] = useState(newSeed);
  const [saved, setSaved] = useState(false);
  const commitment = seedCommitment(seed);

  const close = () => {
    setSeed(newSeed());
    setSaved(false);
    onClose();
  };
  const copy = () => {
    navigator.clipboard?.writeText(seed).then(
      () => notify.info(t('waves.seed.copied')),
      () => undefined,
    );
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby="seed-title" maxWidth="sm" fullWidth>
      <DialogTitle id="seed-title">{t('waves.seed.title')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Alert severity="warning">{t('waves.seed.intro')}</Alert>
        <Box>
          <Typography variant="body2" color="text.secondary">
            {t('waves.seed.seed')}
          </Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography data-testid="generated-seed" sx={{ ...MONO, fontSize: 15, wordBreak: 'break-all', flex: 1, bgcolor: 'action.hover', p: 1, borderRadius: 1 }}>
              {seed}
            </Typography>
            <Button startIcon={<ContentCopyOutlined />} onClick={copy}>
              {t('waves.seed.copy')}
            </Button>
          </Box>
        </Box>
        <Box>
          <Typography variant="body2" color="text.secondary">
            {t('waves.seed.commitment')}
          </Typography>
          <Typography sx={{ ...MONO, fontSize: 13, wordBreak: 'break-all' }}>{commitment}</Typography>
        </Box>
        <FormControlLabel control={<Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} />} label={t('waves.seed.confirm')} />
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            setSeed(newSeed());
            setSaved(false);
          }}
        >
          {t('waves.seed.another')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!saved}
          onClick={() => {
            onUse(commitment);
            close();
          }}
        >
          {t('waves.seed.use')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
