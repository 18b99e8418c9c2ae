import ArrowBack from '@mui/icons-material/ArrowBack';
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import RuleOutlined from '@mui/icons-material/RuleOutlined';
import StickyNote2Outlined from '@mui/icons-material/StickyNote2Outlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router-dom';
import type { InvoiceDetail, InvoiceLineRow } from '../../../../shared/api/invoices';
import { LINE_STATUSES, type LineStatus } from '../../../../shared/reconciliation/statuses';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useNotify } from '../../components/Notifications';
import { saveDownload } from '../../files';
import { SearchField } from '../../components/table/SearchField';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState, type TableQuery } from '../../components/table/useTableUrlState';
import { formatDate } from '../../format/datetime';
import { JobProgress } from '../../jobs/JobProgress';
import { useJob } from '../../jobs/useJob';
import { useSession } from '../../session/SessionProvider';
import { formatRegistered } from '../applicants/format';
import { NUM, rupiah } from '../catalog/format';
import { TwoLines } from '../catalog/TwoLines';
import { InvoiceStatusChip, LineStatusChip } from './chips';
import { ApproveDialog, RejectDialog } from './DecisionDialogs';
import { LineDrawer } from './LineDrawer';
import { useFileJob } from './useFileJob';

const FILTERS = ['status', 'disputed', 'q'] as const;
type Filter = (typeof FILTERS)[number];
const isStatus = (v: string | undefined): v is LineStatus => (LINE_STATUSES as readonly string[]).includes(v ?? '');

function Amount({ label, value, tone }: { label: string; value: number | null; tone?: 'success' | 'error' }) {
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1.25, minWidth: 150 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h3" component="p" sx={{ ...NUM, color: tone && value ? `${tone}.main` : 'text.primary' }} aria-label={`${label}: ${rupiah(value)}`}>
        {rupiah(value)}
      </Typography>
    </Paper>
  );
}

/** What the clerk should know first: not reconciled, stale, whose turn it is, or the decision. */
function StateAlerts({ d, staleCount, staleLines, isMaker }: { d: InvoiceDetail; staleCount: number; staleLines: number[]; isMaker: boolean }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const notify = useNotify();
  const downloadRejects = async (runId: number) => {
    try {
      const { fileRef, fileName } = await api.call('imports.rejectsCsv', { id: runId });
      await saveDownload(fileRef, fileName);
    } catch (err) {
      notify.error((err as Error).message);
    }
  };
  const at = (v: string | null) => formatRegistered(v, locale);
  return (
    <Box sx={{ display: 'grid', gap: 1, mb: 2 }}>
      {d.rejectedRows > 0 && (
        <Alert
          severity="warning"
          action={
            d.importRunId !== null && (
              <Button color="inherit" size="small" onClick={() => void downloadRejects(d.importRunId!)}>
                {t('invoices.page.downloadRejects')}
              </Button>
            )
          }
        >
          {t('invoices.page.rejectedRows', { count: d.rejectedRows })}
        </Alert>
      )}
      {d.status === 'imported' && <Alert severity="info">{t('invoices.page.notReconciled')}</Alert>}
      {d.status === 'reconciled' && staleCount > 0 && <Alert severity="warning">{t('invoices.page.stale', { count: staleCount, lines: staleLines.slice(0, 5).join(', ') })}</Alert>}
      {d.status === 'reconciled' && (isMaker ? <Alert severity="info">{t('invoices.page.youMade')}</Alert> : <Alert severity="info">{t('invoices.page.waiting', { user: d.reconciledBy, at: at(d.reconciledAt) })}</Alert>)}
      {d.status === 'approved' && <Alert severity="success">{t('invoices.page.approvedBy', { user: d.decidedBy, at: at(d.decidedAt) })}</Alert>}
      {d.status === 'rejected' && <Alert severity="error">{t('invoices.page.rejectedBy', { user: d.decidedBy, at: at(d.decidedAt), note: d.decisionNote })}</Alert>}
      {!d.institution && <Alert severity="warning">{t('invoices.page.noInstitution', { id: d.institutionId })}</Alert>}
    </Box>
  );
}

/**
 * One invoice: its state and amounts, the lines with a filter by status (chips), an evidence drawer per
 * line, reconcile (again) as a job, approve or reject with confirmation (not by the maker), and exports.
 */
export function InvoicePage() {
  const { t } = useTranslation();
  const { invoiceNo = '' } = useParams();
  const { role, username, locale } = useSession().user;
  const canWrite = role === 'admin' || role === 'finance';
  const masked = !canWrite;
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const table = useTableUrlState(FILTERS, { pageSize: 50 });
  const { filters } = table.query;
  const detail = useApiQuery('invoices.get', { invoiceNo }, { retry: false, refetchOnMount: 'always' });
  const d = detail.data;
  const staleness = useApiQuery('invoices.staleness', { invoiceNo }, { enabled: d?.status === 'reconciled', refetchOnMount: 'always' });
  const staleCount = d?.status === 'reconciled' ? (staleness.data?.changedLines ?? 0) : 0;
  const lineParam = Number(params.get('line'));
  const lineNo = Number.isInteger(lineParam) && lineParam > 0 ? lineParam : null;
  const [reconcileJob, setReconcileJob] = useState<string | null>(null);
  const job = useJob(reconcileJob).data;
  const handled = useRef<string | null>(null);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [busy, setBusy] = useState(false);
  const [exportAnchor, setExportAnchor] = useState<HTMLElement | null>(null);
  const exportJob = useFileJob();

  const refresh = useCallback(() => {
    for (const m of ['invoices.get', 'invoices.staleness', 'invoices.line', 'invoices.list', 'invoices.chart']) void queryClient.invalidateQueries({ queryKey: ['api', m] });
    void queryClient.invalidateQueries({ queryKey: ['table'] });
  }, [queryClient]);

  useEffect(() => {
    if (!job || job.id !== reconcileJob || job.state === 'running' || handled.current === job.id) return;
    handled.current = job.id;
    if (job.state === 'done') {
      const r = job.result as { approvedAmount: number; disputedAmount: number };
      notify.success(t('invoices.page.reconciled', { approved: rupiah(r.approvedAmount), disputed: rupiah(r.disputedAmount) }));
    } else if (job.state === 'failed') notify.error(t('invoices.page.reconcileFailed', { message: job.error?.message ?? '' }));
    setReconcileJob(null);
    refresh();
  }, [job, reconcileJob, notify, t, refresh]);

  const setLine = (n: number | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (n === null) next.delete('line');
        else next.set('line', String(n));
        return next;
      },
      { replace: true },
    );

  const reconcile = async () => {
    try {
      setReconcileJob((await api.call('invoices.reconcile', { invoiceNo })).jobId);
    } catch (err) {
      notify.error(t('invoices.page.reconcileFailed', { message: (err as Error).message }));
    }
  };
  const decide = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      notify.success(done);
      setDeciding(null);
      refresh();
    } catch (err) {
      notify.error(t('invoices.decide.failed', { message: (err as Error).message }));
      setDeciding(null);
      refresh();
    } finally {
      setBusy(false);
    }
  };

  const fetchPage = useCallback(
    (q: TableQuery<Filter>) =>
      api.call('invoices.lines', {
        invoiceNo,
        page: q.page,
        pageSize: q.pageSize,
        sortDir: q.sortDir,
        ...(q.sortField === 'lineNo' || q.sortField === 'enrollmentId' || q.sortField === 'amount' || q.sortField === 'status' || q.sortField === 'approvedAmount' ? { sortField: q.sortField } : {}),
        ...(isStatus(q.filters.status) ? { status: q.filters.status } : {}),
        ...(q.filters.disputed === '1' ? { disputed: true } : {}),
        ...(q.filters.q ? { q: q.filters.q } : {}),
      }),
    [invoiceNo],
  );

  const columns = useMemo<GridColDef<InvoiceLineRow>[]>(
    () => [
      { field: 'lineNo', headerName: t('invoices.line.col.lineNo'), width: 65, type: 'number' },
      {
        field: 'enrollmentId',
        headerName: `${t('invoices.line.col.enrollmentId')} · ${t('invoices.line.col.nik')}`,
        width: 165,
        renderCell: ({ row }) => <TwoLines main={row.enrollmentId} sub={row.nik} mono />,
      },
      { field: 'trainingId', headerName: t('invoices.line.col.trainingId'), width: 95, sortable: false },
      { field: 'amount', headerName: t('invoices.line.col.amount'), width: 105, type: 'number', valueFormatter: (v: number) => rupiah(v) },
      { field: 'status', headerName: t('invoices.line.col.status'), width: 190, renderCell: ({ row }) => (row.status ? <LineStatusChip status={row.status} /> : '—') },
      {
        field: 'reason',
        headerName: t('invoices.line.col.reason'),
        flex: 1,
        minWidth: 260,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ whiteSpace: 'normal', lineHeight: 1.35, py: 0.75, display: 'flex', gap: 0.75, alignItems: 'flex-start' }}>
            {row.disputeNote && (
              <Tooltip title={row.disputeNote}>
                <StickyNote2Outlined fontSize="small" color="action" aria-label={t('invoices.line.col.note')} />
              </Tooltip>
            )}
            <span>{row.reason ?? ''}</span>
          </Box>
        ),
      },
      { field: 'approvedAmount', headerName: t('invoices.line.col.approvedAmount'), width: 105, type: 'number', valueFormatter: (v: number | null) => rupiah(v) },
    ],
    [t],
  );

  if (detail.error) {
    return (
      <Box>
        <Link component={RouterLink} to="/tagihan" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 2 }}>
          <ArrowBack fontSize="small" /> {t('invoices.page.back')}
        </Link>
        <Alert severity="error">{detail.error.code === 'NOT_FOUND' ? t('invoices.page.notFound') : detail.error.message}</Alert>
      </Box>
    );
  }
  if (!d) return <CircularProgress aria-label="…" />;

  const locked = d.status === 'approved' || d.status === 'rejected';
  const isMaker = d.reconciledBy === username;
  const running = job?.state === 'running' || reconcileJob !== null;
  const canReconcile = canWrite && !locked;
  const canDecide = canWrite && d.status === 'reconciled' && !isMaker;
  const statuses = d.statuses ? LINE_STATUSES.filter((s) => (d.statuses![s] ?? 0) > 0) : [];
  const disputedCount = d.statuses ? d.lines - (d.statuses.MATCHED ?? 0) : 0;
  const activeStatus = isStatus(filters.status) ? filters.status : null;
  const pickStatus = (s: LineStatus | null, disputed = false) => table.setFilters({ ...(s ? { status: s } : {}), ...(disputed ? { disputed: '1' } : {}), ...(filters.q ? { q: filters.q } : {}) });
  const institutionLabel = d.institutionName ? `${d.institutionName} (${d.institutionId})` : t('invoices.unknownInstitution', { id: d.institutionId });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column' }}>
      <Link component={RouterLink} to="/tagihan" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1, alignSelf: 'flex-start' }}>
        <ArrowBack fontSize="small" /> {t('invoices.page.back')}
      </Link>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 280 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
            <Typography variant="h1" component="h1">
              {t('invoices.page.heading', { no: d.invoiceNo })}
            </Typography>
            <InvoiceStatusChip status={d.status} size="medium" />
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {t('invoices.page.subtitle', { institution: institutionLabel, date: formatDate(d.invoiceDate, locale), age: d.ageDays < 0 ? t('invoices.ageFuture') : t('invoices.ageText', { count: d.ageDays }) })}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          <Button variant="outlined" startIcon={<FileDownloadOutlined />} aria-haspopup="menu" disabled={exportJob.busy} onClick={(e) => setExportAnchor(e.currentTarget)}>
            {t('invoices.page.exports')}
          </Button>
          {canReconcile && (
            <Button variant={d.status === 'imported' ? 'contained' : 'outlined'} startIcon={<RuleOutlined />} disabled={running} onClick={() => void reconcile()}>
              {running ? t('invoices.page.reconciling') : d.status === 'imported' ? t('invoices.page.reconcile') : t('invoices.page.reconcileAgain')}
            </Button>
          )}
          {canDecide && (
            <>
              <Button variant="outlined" color="error" startIcon={<CloseOutlined />} disabled={running} onClick={() => setDeciding('reject')}>
                {t('invoices.page.reject')}
              </Button>
              <Button variant="contained" color="success" startIcon={<CheckOutlined />} disabled={running || staleCount > 0} onClick={() => setDeciding('approve')}>
                {t('invoices.page.approve')}
              </Button>
            </>
          )}
        </Box>
      </Box>
      <Menu anchorEl={exportAnchor} open={!!exportAnchor} onClose={() => setExportAnchor(null)}>
        {[
          { key: 'exportWorkbook', disabled: d.status === 'imported', call: () => api.call('invoices.exportWorkbook', { invoiceNo }) },
          { key: 'exportReconXlsx', disabled: d.status === 'imported', call: () => api.call('invoices.exportReconciliation', { invoiceNo, format: 'xlsx' }) },
          { key: 'exportReconCsv', disabled: d.status === 'imported', call: () => api.call('invoices.exportReconciliation', { invoiceNo, format: 'csv' }) },
          { key: 'exportAdvice', disabled: d.status !== 'approved', call: () => api.call('invoices.exportPaymentAdvice', { invoiceNo }) },
        ].map((item) => (
          <MenuItem
            key={item.key}
            disabled={item.disabled}
            onClick={() => {
              setExportAnchor(null);
              void exportJob.start(item.call);
            }}
          >
            {t(`invoices.page.${item.key as 'exportWorkbook'}`)}
            {item.key === 'exportAdvice' && item.disabled && (
              <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                ({t('invoices.page.exportAdviceLater')})
              </Typography>
            )}
          </MenuItem>
        ))}
      </Menu>
      {job && running && (
        <Box sx={{ mb: 2 }}>
          <JobProgress job={job} />
        </Box>
      )}
      {exportJob.job?.state === 'running' && (
        <Box sx={{ mb: 2 }}>
          <JobProgress job={exportJob.job} />
        </Box>
      )}
      <StateAlerts d={d} staleCount={staleCount} staleLines={staleness.data?.lineNos ?? []} isMaker={isMaker} />
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('invoices.page.claimed')}>
        <Amount label={t('invoices.page.claimed')} value={d.claimedAmount} />
        <Amount label={t('invoices.page.approved')} value={d.approvedAmount} tone="success" />
        <Amount label={t('invoices.page.disputed')} value={d.disputedAmount} tone="error" />
        <Paper variant="outlined" sx={{ px: 2, py: 1.25, minWidth: 90 }}>
          <Typography variant="body2" color="text.secondary">
            {t('invoices.page.lines')}
          </Typography>
          <Typography variant="h3" component="p" sx={NUM}>
            {d.lines}
          </Typography>
        </Paper>
        {d.institution && (
          <Paper variant="outlined" sx={{ px: 2, py: 1.25, flex: 1, minWidth: 260 }}>
            <Typography variant="body2" color="text.secondary">
              {t('invoices.page.bank')}
            </Typography>
            <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{d.institution.bankAccount}</Typography>
            <Typography variant="caption" color="text.secondary">
              {t('invoices.page.npwp')} {d.institution.npwp} · {d.institution.platform}
            </Typography>
          </Paper>
        )}
      </Box>

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1.5 }} role="group" aria-label={t('invoices.page.statusFilter')}>
        <Typography variant="h3" component="h2" sx={{ mr: 1 }}>
          {t('invoices.page.linesTitle')}
        </Typography>
        <Chip
          size="small"
          label={`${t('invoices.page.allLines')} (${d.lines})`}
          variant={!activeStatus && filters.disputed !== '1' ? 'filled' : 'outlined'}
          color={!activeStatus && filters.disputed !== '1' ? 'primary' : 'default'}
          aria-pressed={!activeStatus && filters.disputed !== '1'}
          onClick={() => pickStatus(null)}
        />
        {d.statuses && disputedCount > 0 && (
          <Chip
            size="small"
            label={`${t('invoices.page.disputedLines')} (${disputedCount})`}
            variant={filters.disputed === '1' ? 'filled' : 'outlined'}
            color={filters.disputed === '1' ? 'primary' : 'default'}
            aria-pressed={filters.disputed === '1'}
            onClick={() => pickStatus(null, true)}
          />
        )}
        {statuses.map((s) => (
          <LineStatusChip key={s} status={s} count={d.statuses![s]} selected={activeStatus === s} onClick={() => pickStatus(activeStatus === s ? null : s)} />
        ))}
        <Box sx={{ flex: 1 }} />
        <SearchField label={masked ? t('invoices.page.searchLinesMasked') : t('invoices.page.searchLines')} value={filters.q ?? ''} onChange={(v) => table.setFilter('q', v)} width={260} />
      </Box>
      <Box sx={{ display: 'flex', height: 520, '& .MuiDataGrid-cell--textRight': NUM, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}>
        <ServerDataTable<InvoiceLineRow, Filter>
          id={`invoice-lines-${invoiceNo}`}
          label={t('invoices.page.linesTitle')}
          columns={columns}
          fetchPage={fetchPage}
          state={table}
          getRowId={(r) => r.lineNo}
          onRowClick={(r) => setLine(r.lineNo)}
          autoRowHeight
        />
      </Box>

      <Paper variant="outlined" component="section" aria-labelledby="runs-title" sx={{ p: 2, mt: 2 }}>
        <Typography id="runs-title" variant="h3" component="h2" sx={{ mb: 1 }}>
          {t('invoices.page.history')}
        </Typography>
        {d.runs.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('invoices.page.historyEmpty')}
          </Typography>
        ) : (
          <Table size="small" aria-labelledby="runs-title">
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell sx={{ minWidth: 220 }}>{t('invoices.page.runWhen')}</TableCell>
                <TableCell align="right">{t('invoices.page.approved')}</TableCell>
                <TableCell align="right">{t('invoices.page.disputed')}</TableCell>
                <TableCell>{t('invoices.line.col.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {d.runs.map((r) => (
                <TableRow key={r.id}>
                  <TableCell sx={NUM}>
                    {r.id}
                    {r.id === d.latestRunId && <Chip size="small" label={t('invoices.page.latest')} sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{t('invoices.page.runBy', { at: formatRegistered(r.at, locale), user: r.username ?? '—' })}</TableCell>
                  <TableCell align="right" sx={NUM}>
                    {rupiah(r.approvedAmount)}
                  </TableCell>
                  <TableCell align="right" sx={NUM}>
                    {rupiah(r.disputedAmount)}
                  </TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                      {LINE_STATUSES.filter((s) => r.statuses[s] > 0).map((s) => (
                        <LineStatusChip key={s} status={s} count={r.statuses[s]} />
                      ))}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>

      <LineDrawer invoiceNo={invoiceNo} lineNo={lineNo} locked={locked} onClose={() => setLine(null)} />
      {deciding === 'approve' && (
        <ApproveDialog
          invoice={d}
          busy={busy}
          onClose={() => setDeciding(null)}
          onConfirm={() => void decide(() => api.call('invoices.approve', { invoiceNo, ...(d.latestRunId ? { runId: d.latestRunId } : {}) }), t('invoices.decide.approved', { no: invoiceNo }))}
        />
      )}
      {deciding === 'reject' && (
        <RejectDialog
          invoice={d}
          busy={busy}
          onClose={() => setDeciding(null)}
          onReject={(note) => void decide(() => api.call('invoices.reject', { invoiceNo, note, ...(d.latestRunId ? { runId: d.latestRunId } : {}) }), t('invoices.decide.rejected', { no: invoiceNo }))}
        />
      )}
    </Box>
  );
}
