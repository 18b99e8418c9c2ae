import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import RemoveCircleOutline from '@mui/icons-material/RemoveCircleOutlineOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/applicants';
import { formatBytes } from '../../files';
import { useSession } from '../../session/SessionProvider';

/** Spreadsheet column letters (A, B, …, AA) so a clerk finds the column in Excel. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Which expected column was found where, what is missing (blocks the import when required), what is ignored, and the first rows. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const matchedAt = new Map(preview.columns.filter((c) => c.index !== null).map((c) => [c.index as number, c.name]));
  const missingRequired = preview.columns.filter((c) => c.index === null && c.required).map((c) => c.name);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      <Typography variant="body2" color="text.secondary">
        <strong>{preview.fileName}</strong> · {t('imports.fileInfo', { format: preview.format.toUpperCase(), size: formatBytes(preview.size, locale) })}
      </Typography>
      {missingRequired.length > 0 && (
        <Alert severity="error" role="alert">
          {t('imports.missingRequired', { file: preview.fileName, columns: missingRequired.join(', ') })}
        </Alert>
      )}
      <Box>
        <Typography variant="h4" component="h3" sx={{ mb: 1 }}>
          {t('imports.columnsTitle')}
        </Typography>
        <Box component="ul" aria-label={t('imports.columnsTitle')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, listStyle: 'none', m: 0, p: 0 }}>
          {preview.columns.map((c) => {
            const found = c.index !== null;
            const kind = c.required ? t('imports.required') : t('imports.optional');
            const where = found ? t('imports.foundAt', { col: columnLetter(c.index as number) }) : t('imports.notFound');
            return (
              <li key={c.name}>
                <Tooltip title={`${kind} · ${where}`}>
                  <Chip
                    size="small"
                    variant={found ? 'outlined' : 'filled'}
                    color={found ? 'success' : c.required ? 'error' : 'default'}
                    icon={found ? <CheckCircleOutline /> : c.required ? <ErrorOutline /> : <RemoveCircleOutline />}
                    label={found ? `${c.name} → ${columnLetter(c.index as number)}` : `${c.name} (${kind})`}
                    aria-label={`${c.name}: ${kind}, ${where}`}
                  />
                </Tooltip>
              </li>
            );
          })}
        </Box>
        {preview.extra.length > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('imports.extraIgnored', { columns: preview.extra.join(', ') })}
          </Typography>
        )}
      </Box>
      <Box>
        <Typography variant="h4" component="h3" sx={{ mb: 1 }}>
          {t('imports.firstRows')}
        </Typography>
        {preview.rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('imports.noRows')}
          </Typography>
        ) : (
          <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 300 }}>
            <Table size="small" stickyHeader aria-label={t('imports.firstRows')}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{t('imports.row')}</TableCell>
                  {preview.header.map((h, i) => {
                    const match = matchedAt.get(i);
                    return (
                      <TableCell key={i} sx={{ whiteSpace: 'nowrap', verticalAlign: 'bottom', ...(match ? {} : { color: 'text.disabled' }) }}>
                        <Box component="span" sx={{ display: 'block', fontSize: 11, color: 'text.secondary' }}>
                          {columnLetter(i)}
                          {match ? '' : ` · ${t('imports.ignored')}`}
                        </Box>
                        <Box component="span" sx={{ fontWeight: 600, textDecoration: match ? 'none' : 'line-through' }}>
                          {h}
                        </Box>
                      </TableCell>
                    );
                  })}
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.rows.map((r) => (
                  <TableRow key={r.row}>
                    <TableCell sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>{r.row}</TableCell>
                    {preview.header.map((_, i) => (
                      <TableCell key={i} sx={{ whiteSpace: 'nowrap', maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', ...(matchedAt.has(i) ? {} : { color: 'text.disabled' }) }}>
                        {r.values[i] ?? ''}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Box>
    </Box>
  );
}
