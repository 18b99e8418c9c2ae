import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { formatDate, formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { formatRegistered } from '../applicants/format';

const NUM = { fontVariantNumeric: 'tabular-nums' } as const;
const STATE_COLOR = { running: 'info', done: 'success', failed: 'error', cancelled: 'warning' } as const;

/** Earlier runs (who, when, as of, counts); a finished one can be shown in the summary above. */
export function RunsTable({ selected, onSelect }: { selected: number | null; onSelect(id: number): void }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const [page, setPage] = useState(0);
  const pageSize = 10;
  const runs = useApiQuery('screening.runs', { page, pageSize, sortDir: 'desc' }, { placeholderData: keepPreviousData, refetchInterval: 15_000 });
  const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, locale));
  const rows = runs.data?.rows ?? [];

  return (
    <Paper variant="outlined" component="section" aria-labelledby="runs-title" sx={{ p: 2 }}>
      <Typography id="runs-title" variant="h3" component="h2" sx={{ mb: 1 }}>
        {t('screening.runs.title')}
      </Typography>
      <TableContainer>
        <Table size="small" aria-labelledby="runs-title">
          <TableHead>
            <TableRow>
              <TableCell>{t('screening.runs.id')}</TableCell>
              <TableCell>{t('screening.runs.asOf')}</TableCell>
              <TableCell>{t('screening.runs.by')}</TableCell>
              <TableCell>{t('screening.runs.startedAt')}</TableCell>
              <TableCell>{t('screening.runs.finishedAt')}</TableCell>
              <TableCell>{t('screening.runs.state')}</TableCell>
              <TableCell align="right">{t('screening.runs.total')}</TableCell>
              <TableCell align="right">{t('screening.runs.eligible')}</TableCell>
              <TableCell align="right">{t('screening.runs.ineligible')}</TableCell>
              <TableCell>{t('screening.runs.exclusionImports')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={10} sx={{ color: 'text.secondary' }}>
                  {runs.isPending ? t('common.loading') : t('table.noRows')}
                </TableCell>
              </TableRow>
            )}
            {rows.map((r) => (
              <TableRow key={r.id} hover selected={r.id === selected}>
                <TableCell sx={NUM}>
                  {r.status === 'done' ? (
                    <Link component="button" type="button" onClick={() => onSelect(r.id)} aria-label={t('screening.runs.show', { id: r.id })}>
                      #{r.id}
                    </Link>
                  ) : (
                    `#${r.id}`
                  )}
                </TableCell>
                <TableCell>{formatDate(r.asOf, locale)}</TableCell>
                <TableCell>{r.username ?? '—'}</TableCell>
                <TableCell>{formatRegistered(r.startedAt, locale)}</TableCell>
                <TableCell>{formatRegistered(r.finishedAt, locale) || '—'}</TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" color={STATE_COLOR[r.status]} label={t(`screening.runs.states.${r.status}`)} title={r.message ?? undefined} />
                </TableCell>
                <TableCell align="right" sx={NUM}>
                  {n(r.counts?.total)}
                </TableCell>
                <TableCell align="right" sx={NUM}>
                  {n(r.counts?.effective.eligible)}
                </TableCell>
                <TableCell align="right" sx={NUM}>
                  {n(r.counts?.effective.ineligible)}
                </TableCell>
                <TableCell title={r.exclusionImports.map((i) => `${i.fileName ?? `#${i.id}`}: ${i.entries}`).join('\n')}>
                  {r.exclusionImports.length ? t('screening.runs.importsValue', { count: r.exclusionImports.length }) : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {(runs.data?.total ?? 0) > pageSize && (
        <TablePagination
          component="div"
          count={runs.data?.total ?? 0}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[pageSize]}
          onPageChange={(_, p) => setPage(p)}
          labelDisplayedRows={({ from, to, count }) => `${from}–${to} / ${formatNumber(count, locale)}`}
        />
      )}
    </Paper>
  );
}
