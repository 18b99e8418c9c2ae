import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { TRAINING_SORT_FIELDS, type TrainingRow } from '../../../../shared/api/catalog';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { SearchField } from '../../components/table/SearchField';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState, type TableQuery } from '../../components/table/useTableUrlState';
import { formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { MONO } from '../applicants/format';
import { CatalogLayout } from './CatalogLayout';
import { CATALOG_PATHS } from './CatalogTabs';
import { NUM, percent, rupiah, sortFieldOf } from './format';
import { SelectFilter } from './SelectFilter';
import { TwoLines } from './TwoLines';

const FILTERS = ['q', 'institutionId', 'mode'] as const;
type Filter = (typeof FILTERS)[number];

/** Trainings of the catalog with their purchases, completion rate and average price paid; a row opens its purchases. */
export function TrainingsPage() {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const navigate = useNavigate();
  const table = useTableUrlState(FILTERS);
  const options = useApiQuery('catalog.options', {});
  const { filters } = table.query;
  const fetchPage = useCallback(
    (q: TableQuery<Filter>) =>
      api.call('catalog.trainings', {
        page: q.page,
        pageSize: q.pageSize,
        sortDir: q.sortDir,
        ...sortFieldOf(TRAINING_SORT_FIELDS, q.sortField),
        ...(q.filters.q ? { q: q.filters.q } : {}),
        ...(q.filters.institutionId ? { institutionId: q.filters.institutionId } : {}),
        ...(q.filters.mode === 'online' || q.filters.mode === 'offline' ? { mode: q.filters.mode } : {}),
      }),
    [],
  );
  const columns = useMemo<GridColDef<TrainingRow>[]>(
    () => [
      { field: 'trainingId', headerName: t('catalog.col.trainingId'), width: 105, renderCell: ({ value }) => <Box component="span" sx={MONO}>{value as string}</Box> },
      { field: 'title', headerName: t('catalog.col.title'), flex: 1, minWidth: 220, renderCell: ({ row }) => <TwoLines main={row.title} sub={row.category} /> },
      {
        field: 'institutionId',
        headerName: t('catalog.col.institution'),
        flex: 0.7,
        minWidth: 160,
        renderCell: ({ row }) =>
          row.institutionName ? <TwoLines main={row.institutionName} sub={row.institutionId} /> : <TwoLines main={row.institutionId} sub={t('catalog.unknownInstitution')} warn />,
      },
      {
        field: 'hours',
        headerName: `${t('catalog.col.mode')} · ${t('catalog.col.hours')}`,
        width: 115,
        valueGetter: (_v, row) => row.hours,
        renderCell: ({ row }) => `${t(`catalog.mode.${row.mode}`)} · ${formatNumber(row.hours, locale)}`,
      },
      { field: 'price', headerName: t('catalog.col.price'), width: 120, type: 'number', valueFormatter: (v: number) => rupiah(v) },
      { field: 'enrollments', headerName: t('catalog.col.enrollments'), width: 95, type: 'number', valueFormatter: (v: number) => formatNumber(v, locale) },
      { field: 'completionRate', headerName: t('catalog.col.completionRate'), description: t('catalog.statsNote'), width: 115, type: 'number', valueFormatter: (v: number | null) => percent(v, locale) },
      { field: 'averagePrice', headerName: t('catalog.col.averagePrice'), width: 130, type: 'number', valueFormatter: (v: number | null) => rupiah(v) },
    ],
    [t, locale],
  );
  return (
    <CatalogLayout importKind="trainings">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, flexWrap: 'wrap' }}>
        <SearchField label={t('catalog.searchTrainings')} value={filters.q ?? ''} onChange={(v) => table.setFilter('q', v)} />
        <SelectFilter
          label={t('catalog.filters.institution')}
          value={filters.institutionId}
          onChange={(v) => table.setFilter('institutionId', v)}
          width={260}
          options={(options.data?.institutions ?? []).map((i) => ({ value: i.institutionId, label: `${i.name} (${i.institutionId})` }))}
        />
        <SelectFilter label={t('catalog.filters.mode')} value={filters.mode} onChange={(v) => table.setFilter('mode', v)} width={140} options={(['online', 'offline'] as const).map((m) => ({ value: m, label: t(`catalog.mode.${m}`) }))} />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 200 }}>
          {t('catalog.openEnrollments')}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', flex: 1, '& .MuiDataGrid-cell--textRight': NUM }}>
        <ServerDataTable<TrainingRow, Filter>
          id="catalog-trainings"
          label={t('catalog.tabs.trainings')}
          columns={columns}
          fetchPage={fetchPage}
          state={table}
          getRowId={(r) => r.trainingId}
          onRowClick={(r) => navigate(`${CATALOG_PATHS.enrollments}?trainingId=${encodeURIComponent(r.trainingId)}`)}
          localeTextOverrides={Object.keys(filters).length ? undefined : { noRowsLabel: t('catalog.emptyTrainings') }}
        />
      </Box>
    </CatalogLayout>
  );
}
