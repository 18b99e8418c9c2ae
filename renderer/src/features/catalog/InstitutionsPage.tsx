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
      { field: 'institutionId', headerName: t('catalog.col.institutionId'), width: 120, renderCell: ({ value }) => <Box component="span" sx={MONO}>{value as string}</Box> },
      { field: 'name', headerName: t('catalog.col.name'), flex: 1, minWidth: 220 },
      { field: 'platform', headerName: t('catalog.col.platform'), width: 120 },
      { field: 'bankAccount', headerName: t('catalog.col.bankAccount'), width: 250, sortable: false },
      { field: 'trainings', headerName: t('catalog.col.trainings'), width: 95, type: 'number' },
      { field: 'enrollments', headerName: t('catalog.col.enrollments'), width: 105, type: 'number', valueFormatter: (v: number) => formatNumber(v, locale) },
      { field: 'completionRate', headerName: t('catalog.col.completionRate'), width: 125, type: 'number', valueFormatter: (v: number | null) => percent(v, locale) },
      { field: 'averagePrice', headerName: t('catalog.col.averagePrice'), width: 140, type: 'number', valueFormatter: (v: number | null) => rupiah(v) },
      { field: 'npwp', headerName: t('catalog.col.npwp'), width: 170, sortable: false },
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
