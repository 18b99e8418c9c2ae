import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantFilters } from '../../../../shared/api/applicants';
import { isMethodName } from '../../../../shared/api/contract';
import { api } from '../../api';
import { useNotify } from '../../components/Notifications';
import { saveDownload } from '../../files';
import { formatNumber } from '../../format/datetime';
import { JobProgress } from '../../jobs/JobProgress';
import { useJob } from '../../jobs/useJob';
import { useSession } from '../../session/SessionProvider';

/**
 * The export method as agreed with the core: `applicants.export` with the list's filters and sort plus
 * `format`, answering `{ jobId }`; the finished job's result carries `{ fileRef, fileName, rows }`.
 * Until the core registers the method, the button says export is not available yet.
 */
const EXPORT_METHOD = 'applicants.export';
type ExportFormat = 'xlsx' | 'csv';
interface ExportInput extends ApplicantFilters {
  format: ExportFormat;
  sortField?: string;
  sortDir?: 'asc' | 'desc';
}
interface ExportResult {
  fileRef: string;
  fileName: string;
  rows?: number;
}
const callExport = (input: ExportInput) => (api.call as unknown as (m: string, i: unknown) => Promise<{ jobId: string }>)(EXPORT_METHOD, input);
const isExportResult = (x: unknown): x is ExportResult => !!x && typeof x === 'object' && typeof (x as ExportResult).fileRef === 'string';

function ExportDialog({ format, filters, sort, hasFilters, onClose }: { format: ExportFormat; filters: ApplicantFilters; sort: { field?: string; dir: 'asc' | 'desc' }; hasFilters: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { locale, role } = useSession().user;
  const notify = useNotify();
  const [scope, setScope] = useState<'filtered' | 'all'>(hasFilters ? 'filtered' : 'all');
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId).data;
  const result = job?.state === 'done' && isExportResult(job.result) ? job.result : null;
  const saved = useRef<string | null>(null);

  const save = async (r: ExportResult) => {
    try {
      if (await saveDownload(r.fileRef, r.fileName)) notify.success(t('applicants.exporting.saved', { name: r.fileName }));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  // Offer the file once, as soon as it is ready; "Simpan file" saves it again.
  useEffect(() => {
    if (result && saved.current !== result.fileRef) {
      saved.current = result.fileRef;
      void save(result);
    }
  });

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const input: ExportInput = { format, ...(scope === 'filtered' ? filters : {}), ...(sort.field ? { sortField: sort.field, sortDir: sort.dir } : {}) };
      setJobId((await callExport(input)).jobId);
    } catch (err) {
      setError(t('applicants.exporting.failed', { message: (err as Error).message }));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="export-title">
      <DialogTitle id="export-title">
        {t('applicants.exporting.title')} · {format.toUpperCase()}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {!jobId && (
            <RadioGroup value={scope} onChange={(e) => setScope(e.target.value as 'filtered' | 'all')} aria-label={t('applicants.exporting.title')}>
              <FormControlLabel value="filtered" control={<Radio />} label={t('applicants.exporting.scopeFiltered')} disabled={!hasFilters} />
              <FormControlLabel value="all" control={<Radio />} label={t('applicants.exporting.scopeAll')} />
            </RadioGroup>
          )}
          {role === 'manager' && <Alert severity="info">{t('applicants.exporting.masked')}</Alert>}
          {job && <JobProgress job={job} />}
          {result && <Alert severity="success">{t('applicants.exporting.done', { rows: formatNumber(result.rows ?? job?.done ?? 0, locale) })}</Alert>}
          {job?.state === 'failed' && <Alert severity="error">{t('applicants.exporting.failed', { message: job.error?.message ?? '' })}</Alert>}
          {job?.state === 'cancelled' && <Alert severity="info">{t('applicants.exporting.cancelled')}</Alert>}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
        {!jobId && (
          <Button variant="contained" onClick={() => void start()} disabled={starting}>
            {t('applicants.exporting.start')}
          </Button>
        )}
        {result && (
          <Button variant="contained" startIcon={<FileDownloadOutlined />} onClick={() => void save(result)}>
            {t('applicants.exporting.save')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** "Ekspor" → XLSX or CSV of the current filter (or everything), as a worker job with progress, then saved. */
export function ExportMenu({ filters, sort, hasFilters }: { filters: ApplicantFilters; sort: { field?: string; dir: 'asc' | 'desc' }; hasFilters: boolean }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const available = isMethodName(EXPORT_METHOD);
  const button = (
    <Button variant="outlined" startIcon={<FileDownloadOutlined />} disabled={!available} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)}>
      {t('applicants.export')}
    </Button>
  );
  return (
    <>
      {available ? button : <Tooltip title={t('applicants.exporting.unavailable')}><span>{button}</span></Tooltip>}
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {(['xlsx', 'csv'] as const).map((f) => (
          <MenuItem
            key={f}
            onClick={() => {
              setAnchor(null);
              setFormat(f);
            }}
          >
            {t(`applicants.exporting.${f}`)}
          </MenuItem>
        ))}
      </Menu>
      {format && <ExportDialog format={format} filters={filters} sort={sort} hasFilters={hasFilters} onClose={() => setFormat(null)} />}
    </>
  );
}
