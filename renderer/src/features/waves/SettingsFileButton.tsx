import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import { api } from '../../api';
import { pickFile, toFileRef } from '../../files';

type Content = OutputOf<'waves.readSettingsFile'>;

/**
 * "Isi dari file…": reads a weights or province-quota file (CSV/XLSX, DESIGN 4) through the core and
 * hands its values to the form; a refused file shows every problem with its row and column.
 */
export function SettingsFileButton({ kind, label, help, disabled, onRead }: { kind: 'weights' | 'provinceQuotas'; label: string; help: string; disabled?: boolean; onRead(content: Content): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [read, setRead] = useState<string | null>(null);

  const choose = () => {
    setError(null);
    setRead(null);
    pickFile({ extensions: ['csv', 'xlsx'], label: 'CSV / XLSX' }).then(
      async (chosen) => {
        if (!chosen) return;
        setBusy(true);
        try {
          const ref = await toFileRef(chosen);
          const content = await api.call('waves.readSettingsFile', { fileRef: ref.fileRef, kind });
          onRead(content);
          setRead(t('waves.form.fileRead', { name: content.fileName, rows: content.rows }));
        } catch (err) {
          setError(err instanceof ApiError ? err : new ApiError('INTERNAL', (err as Error).message));
        } finally {
          setBusy(false);
        }
      },
      (err: Error) => setError(new ApiError('INTERNAL', err.message)),
    );
  };

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={choose} disabled={disabled || busy}>
          {label}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {help}
        </Typography>
      </Box>
      {read && (
        <Alert severity="success" onClose={() => setRead(null)}>
          {read}
        </Alert>
      )}
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error.message}
          {error.issues && error.issues.length > 1 && (
            <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
              {error.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  {i.path}: {i.message}
                </li>
              ))}
            </Box>
          )}
        </Alert>
      )}
    </Box>
  );
}
