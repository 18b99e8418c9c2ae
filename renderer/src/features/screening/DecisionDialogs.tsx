import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Override } from '../../../../shared/api/screening';

/** Reject one proposal with a note for the proposer. */
export function RejectDialog({ override, busy, onReject, onClose }: { override: Override; busy: boolean; onReject(note: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const ok = note.trim().length >= 3;
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="reject-title">
      <DialogTitle id="reject-title">{t('screening.review.rejectTitle', { id: override.id })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {override.fullName ?? override.registrationId} ({override.registrationId}) · {override.reason}
        </DialogContentText>
        <TextField
          label={t('screening.review.rejectNote')}
          helperText={t('screening.review.rejectNoteHelp')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          multiline
          minRows={3}
          autoFocus
          fullWidth
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color="error" disabled={!ok || busy} onClick={() => onReject(note.trim())}>
          {t('screening.review.reject')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
