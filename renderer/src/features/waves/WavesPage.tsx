import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { ExpiryPanel } from './ExpiryPanel';
import { NUM, canManage } from './format';
import { StatusChip } from './StatusChip';

/** Every wave with its status and counts, the places revoked participants returned, and the expiry run. */
export function WavesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = user.locale;
  const navigate = useNavigate();
  const waves = useApiQuery('waves.list', {}, { refetchInterval: 15_000 });
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, locale));
  const rows = waves.data?.rows ?? [];

  return (
    <Box>
      <PageHeader
        title={t('waves.title')}
        subtitle={t('waves.subtitle')}
        actions={
          canManage(user.role) && (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => void navigate('/gelombang/baru')}>
              {t('waves.create')}
            </Button>
          )
        }
      />
      {waves.error && <Alert severity="error">{waves.error.message}</Alert>}
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <TableContainer>
          <Table size="small" aria-label={t('waves.list.label')} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('waves.list.number')}</TableCell>
                <TableCell>{t('waves.list.name')}</TableCell>
                <TableCell>{t('waves.list.status')}</TableCell>
                <TableCell>{t('waves.list.period')}</TableCell>
                <TableCell align="right">{t('waves.list.quota')}</TableCell>
                <TableCell align="right">{t('waves.list.pool')}</TableCell>
                <TableCell align="right">{t('waves.list.selected')}</TableCell>
                <TableCell align="right">{t('waves.list.unfilled')}</TableCell>
                <TableCell>{t('waves.list.publishedOn')}</TableCell>
                <TableCell align="right">{t('waves.list.participants')}</TableCell>
                <TableCell align="right">{t('waves.list.revoked')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={11} sx={{ color: 'text.secondary', py: 3 }}>
                    {waves.isPending ? t('common.loading') : t('waves.list.empty')}
                  </TableCell>
                </TableRow>
              )}
              {rows.map((w) => (
                <TableRow key={w.number} hover sx={{ cursor: 'pointer' }} onClick={() => void navigate(`/gelombang/${w.number}`)}>
                  <TableCell sx={NUM}>
                    <Link component={RouterLink} to={`/gelombang/${w.number}`} onClick={(e) => e.stopPropagation()}>
                      {w.number}
                    </Link>
                  </TableCell>
                  <TableCell>{w.name}</TableCell>
                  <TableCell>
                    <StatusChip status={w.status} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {formatDate(w.opensOn, locale)} – {formatDate(w.closesOn, locale)}
                  </TableCell>
                  <TableCell align="right" sx={NUM}>
                    {n(w.quotaTotal)}
                  </TableCell>
                  <TableCell align="right" sx={NUM}>
                    {n(w.pool)}
                  </TableCell>
                  <TableCell align="right" sx={NUM}>
                    {n(w.selectedCount)}
                  </TableCell>
                  <TableCell align="right" sx={{ ...NUM, color: w.unfilled ? 'warning.main' : undefined }}>
                    {n(w.unfilled)}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{w.publishedOn ? formatDate(w.publishedOn, locale) : '—'}</TableCell>
                  <TableCell align="right" sx={NUM}>
                    {w.publishedOn ? n(w.participants.active) : '—'}
                  </TableCell>
                  <TableCell align="right" sx={{ ...NUM, color: w.participants.revoked ? 'error.main' : undefined }}>
                    {w.publishedOn ? n(w.participants.revoked) : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'stretch' }}>
        <Paper variant="outlined" component="section" aria-labelledby="freed-title" sx={{ p: 2, flex: '1 1 300px' }}>
          <Typography id="freed-title" variant="h3" component="h2" sx={{ mb: 1 }}>
            {t('waves.list.freedTitle')}
          </Typography>
          <Typography component="p" sx={{ fontSize: 30, fontWeight: 700, ...NUM }} aria-label={`${t('waves.list.freedTitle')}: ${n(waves.data?.freedPlaces ?? 0)}`}>
            {n(waves.data?.freedPlaces ?? 0)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {waves.data?.freedPlaces ? t('waves.list.freedBody', { count: waves.data.freedPlaces }) : t('waves.list.freedNone')}
          </Typography>
        </Paper>
        <ExpiryPanel />
      </Box>
    </Box>
  );
}
