import FileUploadOutlined from '@mui/icons-material/FileUploadOutlined';
import PlaylistRemoveOutlined from '@mui/icons-material/PlaylistRemoveOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useGridApiRef } from '@mui/x-data-grid';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ApplicantRow } from '../../../../shared/api/applicants';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/table/SearchField';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState } from '../../components/table/useTableUrlState';
import { formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { ImportDialog } from '../imports/ImportDialog';
import type { ImportKind } from '../../../../shared/api/applicants';
import { ApplicantDetailDrawer } from './ApplicantDetailDrawer';
import { ApplicantFilterBar } from './ApplicantFilterBar';
import { applicantColumns, INITIALLY_HIDDEN } from './columns';
import { ColumnChooser } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { APPLICANT_URL_FILTERS, toApiFilters, type ApplicantUrlFilter } from './filters';
import { useApplicantPages, type ApplicantPage } from './useApplicantPages';

const TABLE_ID = 'applicants';

export function ApplicantsPage() {
  const { t } = useTranslation();
  const { role, locale } = useSession().user;
  const canImport = role === 'admin' || role === 'reviewer';
  const table = useTableUrlState(APPLICANT_URL_FILTERS, { pageSize: 50 });
  const fetchPage = useApplicantPages();
  const apiRef = useGridApiRef();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const detailId = params.get('detail');
  const [importKind, setImportKind] = useState<ImportKind | null>(null);

  const columns = useMemo(() => applicantColumns(t, locale), [t, locale]);

  // The table's own query, observed here (no second fetch) for the count and whether it is exact.
  const page = useQuery<ApplicantPage>({ queryKey: ['table', TABLE_ID, table.query], queryFn: () => fetchPage(table.query), enabled: false, placeholderData: keepPreviousData });
  const total = page.data?.total;
  const exact = page.data?.totalExact ?? true;
  const { filters } = table.query;
  const hasFilters = Object.values(filters).some(Boolean);

  const localeTextOverrides = useMemo(
    () => ({
      paginationDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) =>
        t('applicants.pager', { from: formatNumber(from, locale), to: formatNumber(to, locale), count: `${formatNumber(count, locale)}${exact ? '' : '+'}` }),
      ...(hasFilters ? {} : { noRowsLabel: canImport ? t('applicants.emptyStaff') : t('applicants.emptyManager') }),
    }),
    [t, locale, exact, hasFilters, canImport],
  );

  const setDetail = useCallback(
    (id: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id) next.set('detail', id);
          else next.delete('detail');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const countText =
    total === undefined ? '' : t(exact ? 'applicants.count' : 'applicants.countAtLeast', { count: total, n: formatNumber(total, locale) });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 'calc(100vh - 120px)' }}>
      <PageHeader
        title={t('applicants.title')}
        subtitle={t('applicants.subtitle')}
        actions={
          <>
            <ExportMenu filters={toApiFilters(filters)} sort={{ field: table.query.sortField, dir: table.query.sortDir }} hasFilters={hasFilters} />
            {canImport && (
              <Button variant="outlined" startIcon={<PlaylistRemoveOutlined />} onClick={() => setImportKind('exclusions')}>
                {t('applicants.importExclusions')}
              </Button>
            )}
            {canImport && (
              <Button variant="contained" startIcon={<FileUploadOutlined />} onClick={() => setImportKind('applicants')}>
                {t('applicants.import')}
              </Button>
            )}
          </>
        }
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, flexWrap: 'wrap' }}>
        <SearchField label={t('applicants.searchLabel')} value={filters.q ?? ''} onChange={(v) => table.setFilter('q', v)} width={340} />
        <Typography variant="body2" color="text.secondary" aria-live="polite" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {countText}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <ColumnChooser apiRef={apiRef} columns={columns} />
      </Box>
      <ApplicantFilterBar applied={filters} onChange={(values) => table.setFilters(values as Partial<Record<ApplicantUrlFilter, string>>)} />
      <ServerDataTable<ApplicantRow, ApplicantUrlFilter>
        id={TABLE_ID}
        label={t('applicants.title')}
        columns={columns}
        fetchPage={fetchPage}
        state={table}
        getRowId={(r) => r.registrationId}
        onRowClick={(r) => setDetail(r.registrationId)}
        initialHidden={INITIALLY_HIDDEN}
        apiRef={apiRef}
        localeTextOverrides={localeTextOverrides}
      />
      <ApplicantDetailDrawer registrationId={detailId} onOpen={setDetail} onClose={() => setDetail(null)} />
      {importKind && (
        <ImportDialog
          kind={importKind}
          onKindChange={setImportKind}
          onClose={() => setImportKind(null)}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['table', TABLE_ID] })}
        />
      )}
    </Box>
  );
}
