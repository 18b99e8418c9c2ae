import PlaylistRemoveOutlined from '@mui/icons-material/PlaylistRemoveOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../../../shared/api/applicants';
import { EXCLUSION_LISTS } from '../../../../shared/applicant-values';
import { useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { formatRegistered } from '../applicants/format';
import { ImportDialog } from '../imports/ImportDialog';
import { Code } from '../screening/labels';
import { ScreeningTabs } from '../screening/ScreeningTabs';

const NUM = { fontVariantNumeric: 'tabular-nums' } as const;
const STATE_COLOR = { running: 'info', done: 'success', failed: 'error', cancelled: 'warning' } as const;

/** Every exclusion list with its counts, entries valid today and validity window; and the history of list imports. */
export function ExclusionListsPage() {
  const { t } = useTranslation();
  const { role, locale } = useSession().user;
  const canImport = role === 'admin' || role === 'reviewer';
  const queryClient = useQueryClient();
  const [importKind, setImportKind] = useState<ImportKind | null>(null);
  const data = useApiQuery('exclusions.lists', {});
  const n = (v: number) => formatNumber(v, locale);
  const byList = new Map((data.data?.lists ?? []).map((l) => [l.list, l]));

  const bound = (date: string | null, open: number) => (date && !open ? formatDate(date, locale) : <Box component="span" sx={{ color: 'text.secondary' }}>{open ? t('exclusions.openCount', { count: open }) : '—'}</Box>);

  return (
    <Box>
      <PageHeader
        title={t('screening.title')}
        subtitle={t('exclusions.subtitle')}
        actions={
          canImport && (
            <Button variant="contained" startIcon={<PlaylistRemoveOutlined />} onClick={() => setImportKind('exclusions')}>
              {t('exclusions.import')}
            </Button>
          )
        }
      />
      <ScreeningTabs />
      {data.error && <Alert severity="error">{data.error.message}</Alert>}
      <Paper variant="outlined" component="section" aria-labelledby="lists-title" sx={{ p: 2, mb: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1 }}>
          <Typography id="lists-title" variant="h3" component="h2">
            {t('exclusions.title')}
          </Typography>
          {data.data && (
            <Typography variant="body2" color="text.secondary">
              {t('exclusions.today', { date: formatDate(data.data.today, locale) })}
            </Typography>
          )}
        </Box>
        <TableContainer>
          <Table size="small" aria-labelledby="lists-title">
            <TableHead>
              <TableRow>
                <TableCell>{t('exclusions.col.list')}</TableCell>
                <TableCell>{t('exclusions.col.code')}</TableCell>
                <TableCell align="right">{t('exclusions.col.entries')}</TableCell>
                <TableCell align="right">{t('exclusions.col.people')}</TableCell>
                <TableCell align="right">{t('exclusions.col.activeToday')}</TableCell>
                <TableCell>{t('exclusions.col.validFrom')}</TableCell>
                <TableCell>{t('exclusions.col.validTo')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {EXCLUSION_LISTS.map((code) => {
                const l = byList.get(code);
                const empty = !l || l.entries === 0;
                return (
                  <TableRow key={code} hover sx={{ opacity: empty ? 0.6 : 1 }}>
                    <TableCell>{t(`screening.lists.${code}`)}</TableCell>
                    <TableCell>
                      <Code value={code} />
                    </TableCell>
                    <TableCell align="right" sx={NUM}>
                      {n(l?.entries ?? 0)}
                    </TableCell>
                    <TableCell align="right" sx={NUM}>
                      {n(l?.people ?? 0)}
                    </TableCell>
                    <TableCell align="right" sx={{ ...NUM, fontWeight: l?.activeToday ? 600 : undefined }}>
                      {n(l?.activeToday ?? 0)}
                    </TableCell>
                    <TableCell>{empty ? '—' : bound(l.validFrom, l.openStart)}</TableCell>
                    <TableCell>{empty ? '—' : bound(l.validTo, l.openEnd)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
      <Paper variant="outlined" component="section" aria-labelledby="imports-title" sx={{ p: 2 }}>
        <Typography id="imports-title" variant="h3" component="h2" sx={{ mb: 1 }}>
          {t('exclusions.imports')}
        </Typography>
        {data.data && data.data.imports.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('exclusions.importsEmpty')}
          </Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-labelledby="imports-title">
              <TableHead>
                <TableRow>
                  <TableCell>{t('exclusions.imp.id')}</TableCell>
                  <TableCell>{t('exclusions.imp.file')}</TableCell>
                  <TableCell>{t('exclusions.imp.by')}</TableCell>
                  <TableCell>{t('exclusions.imp.at')}</TableCell>
                  <TableCell>{t('exclusions.imp.state')}</TableCell>
                  <TableCell align="right">{t('exclusions.imp.rows')}</TableCell>
                  <TableCell align="right">{t('exclusions.imp.inserted')}</TableCell>
                  <TableCell align="right">{t('exclusions.imp.updated')}</TableCell>
                  <TableCell align="right">{t('exclusions.imp.unchanged')}</TableCell>
                  <TableCell align="right">{t('exclusions.imp.rejected')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(data.data?.imports ?? []).map((i) => (
                  <TableRow key={i.id} hover>
                    <TableCell sx={NUM}>#{i.id}</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{i.fileName}</TableCell>
                    <TableCell>{i.username ?? '—'}</TableCell>
                    <TableCell>{formatRegistered(i.startedAt, locale)}</TableCell>
                    <TableCell>
                      <Chip size="small" variant="outlined" color={STATE_COLOR[i.status]} label={t(`jobs.state.${i.status}`)} />
                    </TableCell>
                    <TableCell align="right" sx={NUM}>{n(i.rows)}</TableCell>
                    <TableCell align="right" sx={NUM}>{n(i.inserted)}</TableCell>
                    <TableCell align="right" sx={NUM}>{n(i.updated)}</TableCell>
                    <TableCell align="right" sx={NUM}>{n(i.unchanged)}</TableCell>
                    <TableCell align="right" sx={{ ...NUM, color: i.rejected ? 'error.main' : undefined }}>{n(i.rejected)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>
      {importKind && (
        <ImportDialog
          kind={importKind}
          onKindChange={setImportKind}
          onClose={() => setImportKind(null)}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['api', 'exclusions.lists'] })}
        />
      )}
    </Box>
  );
}
