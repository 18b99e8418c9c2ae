import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import type { GridColDef } from '@mui/x-data-grid';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ENROLLMENT_SORT_FIELDS, ENROLLMENT_STATES, type EnrollmentRow, type EnrollmentState } from '../../../../shared/api/catalog';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { SearchField } from '../../components/table/SearchField';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState, type TableQuery } from '../../components/table/useTableUrlState';
import { formatDate } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { formatRegistered, MONO } from '../applicants/format';
import { CatalogLayout } from './CatalogLayout';
import { NUM, rupiah, sortFieldOf } from './format';
import { SelectFilter } from './SelectFilter';
import { TwoLines } from './TwoLines';

const FILTERS = ['q', 'state', 'institutionId', 'trainingId', 'platform', 'purchasedFrom', 'purchasedTo'] as const;
type Filter = (typeof FILTERS)[number];
const STATE_COLOR = { purchased: 'info', completed: 'success', noCertificate: 'warning', cancelled: 'default' } as const;
const isState = (v: string | undefined): v is EnrollmentState => (ENROLLMENT_STATES as readonly string[]).includes(v ?? '');
const isDate = (v: string | undefined): v is string => /^\d{4}-\d{2}-\d{2}$/.test(v ?? '');

export function EnrollmentStateChip({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  return <Chip size="small" variant={state === 'cancelled' ? 'outlined' : 'filled'} color={STATE_COLOR[state]} label={t(`catalog.stateShort.${state}`)} title={t(`catalog.state.${state}`)} />;
}

/** Purchases as the platforms reported them, with filters in the URL; NIKs masked for roles that do not need them. */
export function EnrollmentsPage() {
  const { t } = useTranslation();
  const { locale, role } = useSession().user;
  const masked = role !== 'admin' && role !== 'finance';
  const table = useTableUrlState(FILTERS, { pageSize: 50 });
  const options = useApiQuery('catalog.options', {});
  const { filters } = table.query;
  const badRange = isDate(filters.purchasedFrom) && isDate(filters.purchasedTo) && filters.purchasedTo < filters.purchasedFrom;
  const anyFilter = Object.keys(filters).length > 0;

  const fetchPage = useCallback(
    (q: TableQuery<Filter>) => {
      const f = q.filters;
      return api.call('catalog.enrollments', {
        page: q.page,
        pageSize: q.pageSize,
        sortDir: q.sortDir,
        ...sortFieldOf(ENROLLMENT_SORT_FIELDS, q.sortField),
        ...(f.q ? { q: f.q } : {}),
        ...(isState(f.state) ? { state: f.state } : {}),
        ...(f.institutionId ? { institutionId: f.institutionId } : {}),
        ...(f.trainingId ? { trainingId: f.trainingId } : {}),
        ...(f.platform ? { platform: f.platform } : {}),
        ...(isDate(f.purchasedFrom) ? { purchasedFrom: f.purchasedFrom } : {}),
        ...(isDate(f.purchasedTo) ? { purchasedTo: f.purchasedTo } : {}),
      });
    },
    [],
  );
  const columns = useMemo<GridColDef<EnrollmentRow>[]>(() => {
    const time = (v: string | null) => (v ? formatRegistered(v, locale) : '');
    return [
      { field: 'enrollmentId', headerName: t('catalog.col.enrollmentId'), width: 130, renderCell: ({ value }) => <Box component="span" sx={MONO}>{value as string}</Box> },
      { field: 'state', headerName: t('catalog.col.state'), width: 120, sortable: false, renderCell: ({ row }) => <EnrollmentStateChip state={row.state} /> },
      {
        field: 'participantName',
        headerName: t('catalog.col.participant'),
        flex: 0.8,
        minWidth: 180,
        sortable: false,
        renderCell: ({ row }) =>
          row.participantRevokedAt ? (
            <TwoLines main={row.participantName ?? row.registrationId ?? '—'} sub={`${t('catalog.revoked', { date: formatDate(row.participantRevokedAt, locale) })} · ${row.nik}`} warn />
          ) : (
            <TwoLines main={row.participantName ?? row.registrationId ?? '—'} sub={row.nik} mono />
          ),
      },
      {
        field: 'trainingId',
        headerName: t('catalog.col.training'),
        flex: 1,
        minWidth: 220,
        renderCell: ({ row }) => <TwoLines main={row.trainingTitle ?? `${row.trainingId} (${t('catalog.notInCatalog')})`} sub={`${row.trainingId} · ${row.institutionName ?? '?'} · ${row.platform}`} warn={row.trainingTitle === null} />,
      },
      { field: 'pricePaid', headerName: t('catalog.col.pricePaid'), width: 105, type: 'number', valueFormatter: (v: number) => rupiah(v) },
      { field: 'purchasedAt', headerName: t('catalog.col.purchasedAt'), width: 150, valueFormatter: (v: string) => time(v) },
      {
        field: 'completedAt',
        headerName: t('catalog.col.completedOrCancelled'),
        width: 165,
        renderCell: ({ row }) =>
          row.cancelledAt ? (
            <TwoLines main={time(row.cancelledAt)} sub={t('catalog.state.cancelled')} />
          ) : row.completedAt ? (
            <TwoLines main={time(row.completedAt)} sub={row.certificateNo ?? t('catalog.noCertificate')} warn={!row.certificateNo} />
          ) : (
            '—'
          ),
      },
    ];
  }, [t, locale]);

  const date = (key: 'purchasedFrom' | 'purchasedTo', label: string) => (
    <TextField
      type="date"
      label={label}
      value={filters[key] ?? ''}
      onChange={(e) => table.setFilter(key, e.target.value || undefined)}
      error={badRange}
      helperText={badRange && key === 'purchasedTo' ? t('catalog.filters.badRange') : undefined}
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ width: 170 }}
    />
  );

  return (
    <CatalogLayout importKind="enrollments">
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1.5, mb: 1.5, flexWrap: 'wrap' }} role="group" aria-label={t('catalog.filters.label')}>
        <SearchField label={masked ? t('catalog.searchEnrollmentsMasked') : t('catalog.searchEnrollments')} value={filters.q ?? ''} onChange={(v) => table.setFilter('q', v)} width={300} />
        <SelectFilter label={t('catalog.filters.state')} value={filters.state} onChange={(v) => table.setFilter('state', v)} width={210} options={ENROLLMENT_STATES.map((s) => ({ value: s, label: t(`catalog.state.${s}`) }))} />
        <SelectFilter
          label={t('catalog.filters.institution')}
          value={filters.institutionId}
          onChange={(v) => table.setFilter('institutionId', v)}
          width={230}
          options={(options.data?.institutions ?? []).map((i) => ({ value: i.institutionId, label: i.name }))}
        />
        <SelectFilter label={t('catalog.filters.platform')} value={filters.platform} onChange={(v) => table.setFilter('platform', v)} width={150} options={(options.data?.platforms ?? []).map((p) => ({ value: p, label: p }))} />
        {date('purchasedFrom', t('catalog.filters.from'))}
        {date('purchasedTo', t('catalog.filters.to'))}
        {filters.trainingId && <Chip label={`${t('catalog.filters.training')}: ${filters.trainingId}`} onDelete={() => table.setFilter('trainingId', undefined)} sx={{ mt: 1 }} />}
        {anyFilter && (
          <Button startIcon={<FilterAltOffOutlined />} onClick={() => table.setFilters({})} sx={{ mt: 0.75 }}>
            {t('catalog.filters.clear')}
          </Button>
        )}
      </Box>
      <Box sx={{ display: 'flex', flex: 1, '& .MuiDataGrid-cell--textRight': NUM }}>
        <ServerDataTable<EnrollmentRow, Filter>
          id="catalog-enrollments"
          label={t('catalog.tabs.enrollments')}
          columns={columns}
          fetchPage={fetchPage}
          state={table}
          getRowId={(r) => r.enrollmentId}
          localeTextOverrides={anyFilter ? undefined : { noRowsLabel: t('catalog.emptyEnrollments') }}
        />
      </Box>
    </CatalogLayout>
  );
}
