import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import TableChartOutlined from '@mui/icons-material/TableChartOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useNotify } from '../../components/Notifications';
import { saveDownload } from '../../files';
import { formatNumber } from '../../format/datetime';
import { JobProgress } from '../../jobs/JobProgress';
import { useJob } from '../../jobs/useJob';
import { useSession } from '../../session/SessionProvider';

interface FileResult {
  fileRef: string;
  fileName: string;
  rows?: number;
}
const isFileResult = (x: unknown): x is FileResult => !!x && typeof x === 'object' && typeof (x as FileResult).fileRef === 'string';

/**
 * The eligibility report (CSV/XLSX) and the summary workbook: each a worker job whose progress shows
 * under the buttons; the finished file is offered for saving once.
 */
export function ExportButtons({ runId, disabled }: { runId?: number; disabled?: boolean }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId).data;
  const saved = useRef<string | null>(null);

  useEffect(() => {
    if (!job || job.id !== jobId || saved.current === job.id) return;
    if (job.state === 'done' && isFileResult(job.result)) {
      saved.current = job.id;
      const r = job.result;
      saveDownload(r.fileRef, r.fileName)
        .then((ok) => {
          if (ok) notify.success(r.rows === undefined ? t('screening.exports.savedNoRows', { name: r.fileName }) : t('screening.exports.saved', { name: r.fileName, rows: formatNumber(r.rows, locale) }));
          setJobId(null);
        })
        .catch((err: Error) => notify.error(t('screening.exports.failed', { message: err.message })));
    } else if (job.state === 'failed') {
      saved.current = job.id;
      notify.error(t('screening.exports.failed', { message: job.error?.message ?? '' }));
      setJobId(null);
    } else if (job.state === 'cancelled') {
      saved.current = job.id;
      setJobId(null);
    }
  }, [job, jobId, notify, t, locale]);

  const start = async (call: () => Promise<{ jobId: string }>) => {
    setAnchor(null);
    try {
      setJobId((await call()).jobId);
    } catch (err) {
      notify.error(t('screening.exports.failed', { message: (err as Error).message }));
    }
  };
  const busy = jobId !== null;

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<FileDownloadOutlined />} aria-haspopup="menu" disabled={disabled || busy} onClick={(e) => setAnchor(e.currentTarget)}>
          {t('screening.exports.eligibility')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<TableChartOutlined />}
          disabled={disabled || busy}
          onClick={() => void start(() => api.call('screening.exportSummary', runId ? { runId } : {}))}
        >
          {t('screening.exports.summary')}
        </Button>
      </Box>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {(['xlsx', 'csv'] as const).map((format) => (
          <MenuItem key={format} onClick={() => void start(() => api.call('screening.exportEligibility', { format }))}>
            {t(format === 'xlsx' ? 'screening.exports.eligibilityXlsx' : 'screening.exports.eligibilityCsv')}
          </MenuItem>
        ))}
      </Menu>
      {job && busy && job.state === 'running' && <JobProgress job={job} />}
    </Box>
  );
}
