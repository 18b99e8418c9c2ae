import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Core refuses a rejection note shorter than this (overrides and invoices alike). */
export const MIN_NOTE = 3;

interface Props {
  /** The title element's id, which names the dialog for assistive technology. */
  titleId: string;
  title: string;
  /** What the rejection means, or what is being rejected. */
  body: ReactNode;
  noteLabel: string;
  noteHelp: string;
  rejectLabel: string;
  busy: boolean;
  onReject(note: string): void;
  onClose(): void;
}

/**
 * A rejection that needs a written reason: the note field has the focus, the red button stays disabled
 * until the note has MIN_NOTE characters, Escape (or Batal) closes unless the call is under way.
 */
export function RejectWithNoteDialog({ titleId, title, body, noteLabel, noteHelp, rejectLabel, busy, onReject, onClose }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const ok = note.trim().length >= MIN_NOTE;
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{body}</DialogContentText>
        <TextField
          label={noteLabel}
          helperText={noteHelp}
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
          {rejectLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
