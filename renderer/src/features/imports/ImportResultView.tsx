import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { enUS as gridEn, idID as gridId } from '@mui/x-data-grid/locales';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReject, ImportRun } from '../../../../shared/api/applicants';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useNotify } from '../../components/Notifications';
import { saveDownload } from '../../files';
import { formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';

function Stat({ label, value, tone }: { label: string; value: number; tone?: 'error' | 'success' }) {
  const locale = useSession().user.locale;
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1.25, minWidth: 120 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h2" component="p" sx={{ fontVariantNumeric: 'tabular-nums', color: tone && value > 0 ? `${tone}.main` : 'text.primary' }} aria-label={`${label}: ${value}`}>
        {formatNumber(value, locale)}
      </Typography>
    </Paper>
  );
}

/** The rejects of one run, a page at a time from the core (a million-row file may have many). */
function RejectsTable({ runId }: { runId: number }) {
  const { t, i18n } = useTranslation();
  const [model, setModel] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const rejects = useApiQuery('imports.rejects', { id: runId, page: model.page, pageSize: model.pageSize }, { placeholderData: keepPreviousData });
  const columns = useMemo<GridColDef<ImportReject & { id: string }>[]>(
    () => [
      { field: 'row', headerName: t('imports.colRow'), width: 80, type: 'number', sortable: false },
      { field: 'column', headerName: t('imports.colColumn'), width: 160, sortable: false },
      { field: 'reason', headerName: t('imports.colReason'), flex: 1, minWidth: 260, sortable: false },
      { field: 'value', headerName: t('imports.colValue'), width: 200, sortable: false, valueFormatter: (v: string | null) => v ?? '' },
    ],
    [t],
  );
  const rows = useMemo(() => (rejects.data?.rows ?? []).map((r, i) => ({ ...r, id: `${model.page}-${i}` })), [rejects.data, model.page]);
  const localeText = (i18n.language === 'en' ? gridEn : gridId).components.MuiDataGrid.defaultProps.localeText;
  return (
    <Box sx={{ height: 340 }}>
      <DataGrid
        aria-label={t('imports.rejectsTitle')}
        rows={rows}
        columns={columns}
        rowCount={rejects.data?.total ?? 0}
        loading={rejects.isFetching}
        paginationMode="server"
        paginationModel={model}
        onPaginationModelChange={setModel}
        pageSizeOptions={[25, 50, 100]}
        disableColumnMenu
        disableRowSelectionOnClick
        density="compact"
        localeText={localeText}
        getRowHeight={() => 'auto'}
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-cell': { py: 0.5 }, '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 } }}
      />
    </Box>
  );
}

/** Counts of a finished import, its rejects (row, column, reason, value) and the rejects as CSV. */
export function ImportResultView({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      const { fileRef, fileName } = await api.call('imports.rejectsCsv', { id: run.id });
      await saveDownload(fileRef, fileName);
    } catch (err) {
      notify.error((err as Error).message);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }} role="group" aria-label={t('imports.resultTitle', { name: run.fileName })}>
        <Stat label={t('imports.rows')} value={run.rows} />
        <Stat label={t('imports.inserted')} value={run.inserted} tone="success" />
        <Stat label={t('imports.updated')} value={run.updated} />
        <Stat label={t('imports.unchanged')} value={run.unchanged} />
        <Stat label={t('imports.rejected')} value={run.rejected} tone="error" />
      </Box>
      {run.rejected === 0 ? (
        <Alert severity="success">{t('imports.allAccepted')}</Alert>
      ) : (
        <>
          <Alert severity="warning">{t('imports.someRejected')}</Alert>
          <Box sx={{ display: 'flex', alignItems: 'center' }}>
            <Typography variant="h4" component="h3" sx={{ flex: 1 }}>
              {t('imports.rejectsTitle')}
            </Typography>
            <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void download()} disabled={downloading}>
              {t('imports.downloadRejects')}
            </Button>
          </Box>
          <RejectsTable runId={run.id} />
        </>
      )}
    </Box>
  );
}
