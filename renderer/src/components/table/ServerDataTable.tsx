import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  DataGrid,
  type GridApi,
  type GridColDef,
  type GridLocaleText,
  type GridColumnVisibilityModel,
  type GridFilterModel,
  type GridRowIdGetter,
  type GridRowParams,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { enUS as gridEn, idID as gridId } from '@mui/x-data-grid/locales';
import { useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/errors';
import { PAGE_SIZE_OPTIONS, type TableQuery, type TableUrlState } from './useTableUrlState';

export interface Page<Row> {
  rows: Row[];
  total: number;
}

interface Props<Row extends GridValidRowModel, F extends string> {
  /** Names the table: query cache key and remembered column visibility. */
  id: string;
  columns: GridColDef<Row>[];
  /** Fetches one page on the server side, typically `(q) => api.call('x.list', {...})`. */
  fetchPage(query: TableQuery<F>): Promise<Page<Row>>;
  state: TableUrlState<F>;
  getRowId?: GridRowIdGetter<Row>;
  onRowClick?(row: Row): void;
  /** Accessible name of the grid. */
  label: string;
  /** Columns hidden until the user shows them (when no choice is remembered yet). */
  initialHidden?: readonly string[];
  /** The grid's API, e.g. to open the column chooser from a page button. */
  apiRef?: RefObject<GridApi | null>;
  /** Replaces some grid texts (e.g. the pager's "1–25 dari 10.000+"). */
  localeTextOverrides?: Partial<GridLocaleText>;
  /** Rows grow to fit wrapped text (a reason column) instead of cutting it. */
  autoRowHeight?: boolean;
}

function storedVisibility(id: string, initialHidden: readonly string[] = []): GridColumnVisibilityModel {
  const fallback = Object.fromEntries(initialHidden.map((f) => [f, false]));
  try {
    const stored = localStorage.getItem(`prakerja.table.${id}.columns`);
    return stored ? (JSON.parse(stored) as GridColumnVisibilityModel) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The data table for every list: pages, sorting and filtering happen on the server (the renderer
 * never holds a whole table), the view lives in the URL, and hidden columns are remembered.
 */
export function ServerDataTable<Row extends GridValidRowModel, F extends string>({ id, columns, fetchPage, state, getRowId, onRowClick, label, initialHidden, apiRef, localeTextOverrides, autoRowHeight }: Props<Row, F>) {
  const { t, i18n } = useTranslation();
  const { query } = state;
  const result = useQuery<Page<Row>, ApiError>({
    queryKey: ['table', id, query],
    queryFn: () => fetchPage(query),
    placeholderData: keepPreviousData,
  });
  // Keep the last known total while the next page loads, so the pager does not jump back to page 1.
  const lastTotal = useRef(0);
  if (result.data) lastTotal.current = result.data.total;

  const [visibility, setVisibility] = useState<GridColumnVisibilityModel>(() => storedVisibility(id, initialHidden));
  const sortModel = useMemo<GridSortModel>(() => (query.sortField ? [{ field: query.sortField, sort: query.sortDir }] : []), [query.sortField, query.sortDir]);
  const filterModel = useMemo<GridFilterModel>(
    () => ({
      items: Object.entries(query.filters)
        .filter(([field]) => columns.some((c) => c.field === field))
        .map(([field, value], i) => ({ id: i, field, operator: 'equals', value })),
    }),
    [query.filters, columns],
  );
  const base = (i18n.language === 'en' ? gridEn : gridId).components.MuiDataGrid.defaultProps.localeText;
  const hasFilters = Object.keys(query.filters).length > 0;
  const localeText = useMemo(
    () => ({ ...base, noRowsLabel: hasFilters ? t('table.noResults') : t('table.noRows'), noResultsLabel: t('table.noResults'), actionsCellMore: t('common.actions'), ...localeTextOverrides }),
    [base, hasFilters, t, localeTextOverrides],
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 360, gap: 1 }}>
      {result.error && (
        <Alert severity="error" action={<Button color="inherit" onClick={() => void result.refetch()}>{t('common.retry')}</Button>}>
          {t('table.loadFailed', { message: result.error.message })}
        </Alert>
      )}
      <Box sx={{ flex: 1, minHeight: 0, position: 'relative' }}>
        <Box sx={{ position: 'absolute', inset: 0 }}>
          <DataGrid<Row>
            aria-label={label}
            apiRef={apiRef}
            rows={result.data?.rows ?? []}
            columns={columns}
            getRowId={getRowId}
            loading={result.isFetching}
            rowCount={result.data?.total ?? lastTotal.current}
            paginationMode="server"
            sortingMode="server"
            filterMode="server"
            paginationModel={{ page: query.page, pageSize: query.pageSize }}
            onPaginationModelChange={(m) => state.setPage(m.page, m.pageSize)}
            pageSizeOptions={[...PAGE_SIZE_OPTIONS]}
            sortModel={sortModel}
            onSortModelChange={(m) => state.setSort(m[0]?.field, m[0]?.sort === 'desc' ? 'desc' : 'asc')}
            sortingOrder={['asc', 'desc']}
            filterModel={filterModel}
            disableColumnFilter
            columnVisibilityModel={visibility}
            onColumnVisibilityModelChange={(m) => {
              setVisibility(m);
              localStorage.setItem(`prakerja.table.${id}.columns`, JSON.stringify(m));
            }}
            onRowClick={onRowClick ? (p: GridRowParams<Row>) => onRowClick(p.row) : undefined}
            onCellKeyDown={
              onRowClick
                ? (p, e) => {
                    // Enter on a row opens it, like a click (cells are not editable here).
                    if (e.key === 'Enter' && p.field !== '__check__' && p.cellMode !== 'edit') onRowClick(p.row);
                  }
                : undefined
            }
            localeText={localeText}
            density="compact"
            getRowHeight={autoRowHeight ? () => 'auto' : undefined}
            disableRowSelectionOnClick
            sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 }, '& .MuiDataGrid-row': onRowClick ? { cursor: 'pointer' } : undefined }}
          />
        </Box>
      </Box>
    </Box>
  );
}
