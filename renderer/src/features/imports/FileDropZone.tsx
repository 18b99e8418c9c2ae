import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBrowserShell } from '../../api/transport';

/** The place to choose a file: a button (native dialog or file input) and, in the browser shell, a drop target. */
export function FileDropZone({ onPick, onDropFile, disabled }: { onPick(): void; onDropFile(file: File): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const droppable = isBrowserShell();
  return (
    <Box
      onDragOver={(e) => {
        if (!droppable || disabled) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!droppable || disabled) return;
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onDropFile(file);
      }}
      data-testid="import-drop-zone"
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 4,
        display: 'grid',
        placeItems: 'center',
        gap: 1.5,
        textAlign: 'center',
      }}
    >
      <UploadFileOutlined sx={{ fontSize: 40, color: 'text.secondary' }} aria-hidden />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'center' }}>
        {droppable && <Typography>{t('imports.dropHere')}</Typography>}
        <Button variant="contained" onClick={onPick} disabled={disabled} autoFocus>
          {t('imports.pick')}
        </Button>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520 }}>
        {t('imports.formats')}
      </Typography>
    </Box>
  );
}
