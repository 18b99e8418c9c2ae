import CheckOutlined from '@mui/icons-material/CheckOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import DoneAllOutlined from '@mui/icons-material/DoneAllOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { enUS as gridEn, idID as gridId } from '@mui/x-data-grid/locales';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import type { Override, OverrideState } from '../../../../shared/api/screening';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { formatRegistered, MONO } from '../applicants/format';
import { RejectDialog } from './DecisionDialogs';
import { Code, StatusChip } from './labels';
import { ScreeningTabs } from './ScreeningTabs';

const STATES: readonly OverrideState[] = ['pending', 'approved', 'rejected', 'lapsed', 'superseded'];
const STATE_COLOR = { pending: 'info', approved: 'success', rejected: 'error', lapsed: 'warning', superseded: 'default' } as const;
const EMPTY: GridRowSelectionModel = { type: 'include', ids: new Set() };

/** Pending corrections with approve / reject per row and bulk approve; the proposer's own rows are not actionable for them. */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const { role, username, locale } = useSession().user;
  const canDecide = role === 'admin' || role === 'reviewer';
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = (STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as OverrideState) : 'pending';
  const pending = state === 'pending';
  const [paging, setPaging] = useState({ page: 0, pageSize: 50 });
  const list = useApiQuery('overrides.list', { ...paging, sortDir: 'asc', state }, { placeholderData: keepPreviousData });
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const [selection, setSelection] = useState<GridRowSelectionModel>(EMPTY);
  const [approving, setApproving] = useState<Override | null>(null);
  const [rejecting, setRejecting] = useState<Override | null>(null);
  const [bulk, setBulk] = useState(false);
  const [busy, setBusy] = useState(false);

  const own = (o: Override) => o.proposedBy === username;
  const actionable = (o: Override) => canDecide && o.state === 'pending' && !own(o);
  const selectedIds = rows.filter((r) => selection.ids.has(r.id) && actionable(r)).map((r) => r.id);
  const ownCount = pending ? rows.filter(own).length : 0;

  const refresh = () => {
    setSelection(EMPTY);
    void queryClient.invalidateQueries({ queryKey: ['api', 'overrides.list'] });
    void queryClient.invalidateQueries({ queryKey: ['api', 'screening.result'] });
    void queryClient.invalidateQueries({ queryKey: ['api', 'screening.summary'] });
    void queryClient.invalidateQueries({ queryKey: ['table'] });
  };
  const decide = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      notify.success(await work());
      refresh();
    } catch (err) {
      notify.error(t('screening.review.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
      setApproving(null);
      setRejecting(null);
      setBulk(false);
    }
  };

  const setState = (s: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (s === 'pending') next.delete('state');
        else next.set('state', s);
        return next;
      },
      { replace: true },
    );

  const columns = useMemo<GridColDef<Override>[]>(() => {
    const cols: GridColDef<Override>[] = [
      {
        field: 'registrationId',
        headerName: t('screening.review.col.registrationId'),
        width: 115,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/pendaftar?detail=${encodeURIComponent(row.registrationId)}`} sx={MONO} title={t('screening.review.openDetail')}>
            {row.registrationId}
          </Link>
        ),
      },
      { field: 'fullName', headerName: t('screening.review.col.fullName'), width: 140, valueGetter: (v: string | null) => v ?? '—' },
      {
        field: 'status',
        headerName: t('screening.review.col.change'),
        width: 185,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, height: '100%' }} aria-label={`${t(`screening.status.${row.fromStatus}`)} → ${t(`screening.status.${row.status}`)}`}>
            <StatusChip status={row.fromStatus} /> → <StatusChip status={row.status} />
          </Box>
        ),
      },
      {
        field: 'reasons',
        headerName: t('screening.review.col.reasons'),
        width: 120,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center', alignContent: 'center', height: '100%', lineHeight: 1.4 }} title={row.reasons.map((c) => t(`screening.reasons.${c}`)).join('; ')}>
            {row.reasons.length ? row.reasons.map((c) => <Code key={c} value={c} />) : '—'}
          </Box>
        ),
      },
      {
        field: 'reason',
        headerName: t('screening.review.col.reason'),
        flex: 1,
        minWidth: 140,
        sortable: false,
        renderCell: ({ value }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <Box
              component="span"
              title={value as string}
              sx={{ whiteSpace: 'normal', lineHeight: 1.35, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
            >
              {value as string}
            </Box>
          </Box>
        ),
      },
      {
        field: 'proposedAt',
        headerName: t('screening.review.col.proposed'),
        width: 150,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', height: '100%', lineHeight: 1.3 }}>
            <span>{row.proposedBy}</span>
            <Typography variant="caption" color="text.secondary">
              {formatRegistered(row.proposedAt, locale)}
            </Typography>
          </Box>
        ),
      },
    ];
    if (!pending) {
      cols.push({
        field: 'state',
        headerName: t('screening.review.col.decision'),
        width: 260,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%' }} title={row.decisionNote ?? undefined}>
            <Chip size="small" variant="outlined" color={STATE_COLOR[row.state]} label={t(`screening.override.states.${row.state}`)} />
            <Typography variant="body2" color="text.secondary" noWrap>
              {row.decidedBy ? `${row.decidedBy} · ${formatRegistered(row.decidedAt, locale)}` : row.lapsedAt ? formatRegistered(row.lapsedAt, locale) : ''}
            </Typography>
          </Box>
        ),
      });
    }
    if (pending && canDecide) {
      cols.push({
        field: 'actions',
        headerName: t('common.actions'),
        width: 182,
        sortable: false,
        renderCell: ({ row }) => {
          const mine = own(row);
          const buttons = (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', height: '100%' }}>
              <Button size="small" variant="contained" color="success" startIcon={<CheckOutlined />} disabled={mine || busy} onClick={() => setApproving(row)}>
                {t('screening.review.approve')}
              </Button>
              <Button size="small" variant="outlined" color="error" startIcon={<CloseOutlined />} disabled={mine || busy} onClick={() => setRejecting(row)}>
                {t('screening.review.reject')}
              </Button>
            </Box>
          );
          return mine ? (
            <Tooltip title={t('screening.review.ownProposal')}>
              <span style={{ height: '100%', display: 'flex', alignItems: 'center' }} aria-label={t('screening.review.ownProposal')}>
                {buttons}
              </span>
            </Tooltip>
          ) : (
            buttons
          );
        },
      });
    }
    return cols;
  }, [t, locale, pending, canDecide, busy, username]);

  const localeText = useMemo(() => {
    const base = (i18n.language === 'en' ? gridEn : gridId).components.MuiDataGrid.defaultProps.localeText;
    return { ...base, noRowsLabel: pending ? t('screening.review.emptyPending') : t('table.noRows') };
  }, [i18n.language, pending, t]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 'calc(100vh - 120px)' }}>
      <PageHeader title={t('screening.title')} subtitle={t('screening.review.subtitle')} />
      <ScreeningTabs />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }}>
        <TextField select label={t('screening.review.state')} value={state} onChange={(e) => setState(e.target.value)} sx={{ width: 200 }} fullWidth={false}>
          {STATES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`screening.override.states.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" aria-live="polite" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {list.data ? t('screening.review.count', { count: list.data.total, n: formatNumber(list.data.total, locale) }) : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {pending && canDecide && ownCount > 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('screening.review.ownSkipped', { count: ownCount })}
          </Typography>
        )}
        {pending && canDecide && (
          <Button variant="contained" startIcon={<DoneAllOutlined />} disabled={selectedIds.length === 0 || busy} onClick={() => setBulk(true)}>
            {selectedIds.length ? t('screening.review.approveSelected', { count: selectedIds.length }) : t('screening.review.approveNone')}
          </Button>
        )}
      </Box>
      {!canDecide && (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          {t('screening.review.readOnly')}
        </Alert>
      )}
      {list.error && <Alert severity="error">{list.error.message}</Alert>}
      <Box sx={{ flex: 1, minHeight: 360, position: 'relative' }}>
        <Box sx={{ position: 'absolute', inset: 0 }}>
          <DataGrid<Override>
            aria-label={t('screening.review.title')}
            rows={rows}
            columns={columns}
            loading={list.isFetching}
            rowCount={list.data?.total ?? 0}
            paginationMode="server"
            paginationModel={paging}
            onPaginationModelChange={setPaging}
            pageSizeOptions={[25, 50, 100]}
            checkboxSelection={pending && canDecide}
            isRowSelectable={({ row }) => actionable(row)}
            rowSelectionModel={selection}
            onRowSelectionModelChange={setSelection}
            keepNonExistentRowsSelected={false}
            disableRowSelectionOnClick
            disableColumnFilter
            sortingMode="server"
            density="compact"
            localeText={localeText}
            getRowHeight={() => 56}
            sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 } }}
          />
        </Box>
      </Box>
      <ConfirmDialog
        open={!!approving}
        title={approving ? t('screening.review.confirmApprove', { id: approving.id }) : ''}
        body={
          approving
            ? t('screening.review.confirmApproveBody', { name: approving.fullName ?? approving.registrationId, registrationId: approving.registrationId, status: t(`screening.status.${approving.status}`) })
            : ''
        }
        confirmLabel={t('screening.review.approve')}
        busy={busy}
        onClose={() => setApproving(null)}
        onConfirm={() => {
          const o = approving!;
          void decide(async () => {
            await api.call('overrides.decide', { id: o.id, approve: true });
            return t('screening.review.approved', { id: o.id });
          });
        }}
      />
      <ConfirmDialog
        open={bulk}
        title={t('screening.review.confirmMany', { count: selectedIds.length })}
        body={t('screening.review.confirmManyBody')}
        confirmLabel={t('screening.review.approveSelected', { count: selectedIds.length })}
        busy={busy}
        onClose={() => setBulk(false)}
        onConfirm={() =>
          void decide(async () => {
            const r = await api.call('overrides.decideMany', { ids: selectedIds });
            return t('screening.review.approvedMany', { count: r.approved });
          })
        }
      />
      {rejecting && (
        <RejectDialog
          override={rejecting}
          busy={busy}
          onClose={() => setRejecting(null)}
          onReject={(note) =>
            void decide(async () => {
              await api.call('overrides.decide', { id: rejecting.id, approve: false, note });
              return t('screening.review.rejected', { id: rejecting.id });
            })
          }
        />
      )}
    </Box>
  );
}
