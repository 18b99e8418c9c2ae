import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { INSTITUTION_SORT_FIELDS, type InstitutionRow } from '../../../../shared/api/catalog';
import { api } from '../../api';
import { SearchField } from '../../components/table/SearchField';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState, type TableQuery } from '../../components/table/useTableUrlState';
import { formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { MONO } from '../applicants/format';
import { CatalogLayout } from './CatalogLayout';
import { CATALOG_PATHS } from './CatalogTabs';
import { NUM, percent, rupiah, sortFieldOf } from './format';
import { TwoLines } from './TwoLines';

const FILTERS = ['q'] as const;
type Filter = (typeof FILTERS)[number];

/** Institutions with their trainings, purchases, completion rate and average price paid; a row opens its trainings. */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const navigate = useNavigate();
  const table = useTableUrlState(FILTERS);
  const fetchPage = useCallback(
    (q: TableQuery<Filter>) =>
      api.call('catalog.institutions', {
        page: q.page,
        pageSize: q.pageSize,
        sortDir: q.sortDir,
        ...sortFieldOf(INSTITUTION_SORT_FIELDS, q.sortField),
        ...(q.filters.q ? { q: q.filters.q } : {}),
      }),
    [],
  );
  const columns = useMemo<GridColDef<InstitutionRow>[]>(
    () => [
      { field: 'institutionId', headerName: t('catalog.col.institutionId'), width: 100, renderCell: ({ value }) => <Box component="span" sx={MONO}>{value as string}</Box> },
      { field: 'name', headerName: t('catalog.col.name'), flex: 1, minWidth: 210, renderCell: ({ row }) => <TwoLines main={row.name} sub={row.platform} /> },
      { field: 'trainings', headerName: t('catalog.col.trainings'), width: 90, type: 'number' },
      { field: 'enrollments', headerName: t('catalog.col.enrollments'), width: 100, type: 'number', valueFormatter: (v: number) => formatNumber(v, locale) },
      { field: 'completionRate', headerName: t('catalog.col.completionRate'), description: t('catalog.statsNote'), width: 120, type: 'number', valueFormatter: (v: number | null) => percent(v, locale) },
      { field: 'averagePrice', headerName: t('catalog.col.averagePrice'), width: 135, type: 'number', valueFormatter: (v: number | null) => rupiah(v) },
      {
        field: 'bankAccount',
        headerName: t('catalog.col.bankAccount'),
        flex: 1,
        minWidth: 240,
        sortable: false,
        renderCell: ({ row }) => <TwoLines main={row.bankAccount} sub={`${t('catalog.col.npwp')} ${row.npwp}`} />,
      },
    ],
    [t, locale],
  );
  return (
    <CatalogLayout importKind="institutions">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, flexWrap: 'wrap' }}>
        <SearchField label={t('catalog.search')} value={table.query.filters.q ?? ''} onChange={(v) => table.setFilter('q', v)} />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 240 }}>
          {t('catalog.statsNote')} {t('catalog.openTrainings')}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', flex: 1, '& .MuiDataGrid-cell--textRight': NUM }}>
        <ServerDataTable<InstitutionRow, Filter>
          id="catalog-institutions"
          label={t('catalog.tabs.institutions')}
          columns={columns}
          fetchPage={fetchPage}
          state={table}
          getRowId={(r) => r.institutionId}
          onRowClick={(r) => navigate(`${CATALOG_PATHS.trainings}?institutionId=${encodeURIComponent(r.institutionId)}`)}
          localeTextOverrides={table.query.filters.q ? undefined : { noRowsLabel: t('catalog.emptyInstitutions') }}
        />
      </Box>
    </CatalogLayout>
  );
}
