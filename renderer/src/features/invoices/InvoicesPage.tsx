import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import FileUploadOutlined from '@mui/icons-material/FileUploadOutlined';
import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { GridColDef } from '@mui/x-data-grid';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { INVOICE_SORT_FIELDS, InvoiceStatus, type InvoiceRow } from '../../../../shared/api/invoices';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/table/SearchField';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState, type TableQuery } from '../../components/table/useTableUrlState';
import { formatDate } from '../../format/datetime';
import { JobProgress } from '../../jobs/JobProgress';
import { useSession } from '../../session/SessionProvider';
import { MONO } from '../applicants/format';
import { financeImportOptions } from '../catalog/financeImports';
import { NUM, rupiah, sortFieldOf } from '../catalog/format';
import { SelectFilter } from '../catalog/SelectFilter';
import { TwoLines } from '../catalog/TwoLines';
import { ImportDialog } from '../imports/ImportDialog';
import { InvoiceStatusChip } from './chips';
import { InstitutionChart } from './InstitutionChart';
import { useFileJob } from './useFileJob';

const FILTERS = ['q', 'status', 'institutionId'] as const;
type Filter = (typeof FILTERS)[number];
const IMPORT_KINDS = ['invoices'] as const;

/** Every invoice with its status, institution, amounts and age; import for finance; per institution over time in a chart. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const { role, locale } = useSession().user;
  const canImport = role === 'admin' || role === 'finance';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const table = useTableUrlState(FILTERS);
  const { filters } = table.query;
  const institutions = useApiQuery('invoices.institutions', {});
  const [importing, setImporting] = useState(false);
  const importOptions = useMemo(() => financeImportOptions(t, IMPORT_KINDS), [t]);
  const exportJob = useFileJob();
  const [exportAnchor, setExportAnchor] = useState<HTMLElement | null>(null);

  const fetchPage = useCallback(
    (q: TableQuery<Filter>) => {
      const status = InvoiceStatus.safeParse(q.filters.status);
      return api.call('invoices.list', {
        page: q.page,
        pageSize: q.pageSize,
        sortDir: q.sortDir,
        ...sortFieldOf(INVOICE_SORT_FIELDS, q.sortField),
        ...(q.filters.q ? { q: q.filters.q } : {}),
        ...(status.success ? { status: status.data } : {}),
        ...(q.filters.institutionId ? { institutionId: q.filters.institutionId } : {}),
      });
    },
    [],
  );

  const columns = useMemo<GridColDef<InvoiceRow>[]>(
    () => [
      { field: 'invoiceNo', headerName: t('invoices.col.invoiceNo'), width: 135, renderCell: ({ value }) => <Box component="span" sx={{ ...MONO, fontWeight: 600 }}>{value as string}</Box> },
      { field: 'status', headerName: t('invoices.col.status'), width: 170, renderCell: ({ row }) => <InvoiceStatusChip status={row.status} /> },
      {
        field: 'institutionId',
        headerName: t('invoices.col.institution'),
        flex: 1,
        minWidth: 170,
        renderCell: ({ row }) =>
          row.institutionName ? <TwoLines main={row.institutionName} sub={row.institutionId} /> : <TwoLines main={row.institutionId} sub={t('catalog.unknownInstitution')} warn />,
      },
      {
        field: 'invoiceDate',
        headerName: t('invoices.col.dateAndAge'),
        width: 140,
        renderCell: ({ row }) => <TwoLines main={formatDate(row.invoiceDate, locale)} sub={row.ageDays < 0 ? t('invoices.ageFuture') : t('invoices.ageDays', { count: row.ageDays })} />,
      },
      { field: 'lines', headerName: t('invoices.col.lines'), width: 65, type: 'number' },
      { field: 'claimedAmount', headerName: t('invoices.col.claimed'), width: 120, type: 'number', valueFormatter: (v: number) => rupiah(v) },
      { field: 'approvedAmount', headerName: t('invoices.col.approved'), width: 120, type: 'number', valueFormatter: (v: number | null) => rupiah(v) },
      { field: 'disputedAmount', headerName: t('invoices.col.disputed'), width: 130, type: 'number', valueFormatter: (v: number | null) => rupiah(v) },
    ],
    [t, locale],
  );
  const anyFilter = Object.keys(filters).length > 0;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column' }}>
      <PageHeader
        title={t('invoices.title')}
        subtitle={t('invoices.subtitle')}
        actions={
          <>
            <Button variant="outlined" startIcon={<FileDownloadOutlined />} aria-haspopup="menu" disabled={exportJob.busy} onClick={(e) => setExportAnchor(e.currentTarget)}>
              {t('invoices.exportAll')}
            </Button>
            {canImport && (
              <Button variant="contained" startIcon={<FileUploadOutlined />} onClick={() => setImporting(true)}>
                {t('invoices.import')}
              </Button>
            )}
          </>
        }
      />
      <Menu anchorEl={exportAnchor} open={!!exportAnchor} onClose={() => setExportAnchor(null)}>
        {(['xlsx', 'csv'] as const).map((format) => (
          <MenuItem
            key={format}
            onClick={() => {
              setExportAnchor(null);
              void exportJob.start(() => api.call('invoices.exportReconciliation', { format }));
            }}
          >
            {t(format === 'xlsx' ? 'invoices.page.exportReconXlsx' : 'invoices.page.exportReconCsv')}
          </MenuItem>
        ))}
      </Menu>
      {exportJob.job?.state === 'running' && (
        <Box sx={{ mb: 1 }}>
          <JobProgress job={exportJob.job} />
        </Box>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1.5, flexWrap: 'wrap' }}>
        <SearchField label={t('invoices.search')} value={filters.q ?? ''} onChange={(v) => table.setFilter('q', v)} width={300} />
        <SelectFilter label={t('invoices.filters.status')} value={filters.status} onChange={(v) => table.setFilter('status', v)} width={220} options={InvoiceStatus.options.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))} />
        <SelectFilter
          label={t('invoices.filters.institution')}
          value={filters.institutionId}
          onChange={(v) => table.setFilter('institutionId', v)}
          width={260}
          options={(institutions.data ?? []).map((i) => ({ value: i.institutionId, label: i.name ?? i.institutionId }))}
        />
        {anyFilter && (
          <Button startIcon={<FilterAltOffOutlined />} onClick={() => table.setFilters({})}>
            {t('invoices.filters.clear')}
          </Button>
        )}
      </Box>
      <Box sx={{ display: 'flex', height: 380, '& .MuiDataGrid-cell--textRight': NUM }}>
        <ServerDataTable<InvoiceRow, Filter>
          id="invoices"
          label={t('invoices.title')}
          columns={columns}
          fetchPage={fetchPage}
          state={table}
          getRowId={(r) => r.invoiceNo}
          onRowClick={(r) => navigate(`/tagihan/${encodeURIComponent(r.invoiceNo)}`)}
          localeTextOverrides={anyFilter ? undefined : { noRowsLabel: t('invoices.empty') }}
        />
      </Box>
      <InstitutionChart />
      {importing && (
        <ImportDialog
          kind="invoices"
          options={importOptions}
          onKindChange={() => {}}
          onClose={() => setImporting(false)}
          onImported={() => {
            void queryClient.invalidateQueries({ queryKey: ['table', 'invoices'] });
            void queryClient.invalidateQueries({ queryKey: ['api', 'invoices.chart'] });
            void queryClient.invalidateQueries({ queryKey: ['api', 'invoices.institutions'] });
          }}
        />
      )}
    </Box>
  );
}
