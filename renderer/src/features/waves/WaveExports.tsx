import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wave } from '../../../../shared/api/waves';
import { PROVINCES } from '../../../../shared/regions/provinces';
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
  rows: number;
  sha256?: string;
}
const isFileResult = (x: unknown): x is FileResult => !!x && typeof x === 'object' && typeof (x as FileResult).fileRef === 'string';

/** The `wave-proof` CSV and the `wave-selection` list (all provinces, or one), each a job; the file is offered once for saving. */
export function WaveExports({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId).data;
  const handled = useRef<string | null>(null);
  const provinces = Object.entries(wave.result?.provinces ?? {}).filter(([, p]) => p.selected > 0);

  useEffect(() => {
    if (!job || job.id !== jobId || handled.current === job.id || job.state === 'running') return;
    handled.current = job.id;
    if (job.state === 'done' && isFileResult(job.result)) {
      const r = job.result;
      saveDownload(r.fileRef, r.fileName)
        .then((ok) => {
          if (ok) {
            const rows = formatNumber(r.rows, locale);
            notify.success(r.sha256 ? t('waves.exports.proofSaved', { name: r.fileName, rows, sha: r.sha256 }) : t('waves.exports.saved', { name: r.fileName, rows }));
          }
        })
        .catch((err: Error) => notify.error(t('waves.exports.failed', { message: err.message })));
    } else if (job.state === 'failed') notify.error(t('waves.exports.failed', { message: job.error?.message ?? '' }));
    setJobId(null);
  }, [job, jobId, notify, t, locale]);

  const start = async (call: () => Promise<{ jobId: string }>) => {
    setAnchor(null);
    try {
      setJobId((await call()).jobId);
    } catch (err) {
      notify.error(t('waves.exports.failed', { message: (err as Error).message }));
    }
  };
  const busy = jobId !== null;

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<VerifiedOutlined />} disabled={busy} onClick={() => void start(() => api.call('waves.exportProof', { number: wave.number }))}>
          {t('waves.exports.proof')}
        </Button>
        <Button variant="outlined" startIcon={<FileDownloadOutlined />} aria-haspopup="menu" disabled={busy} onClick={(e) => setAnchor(e.currentTarget)}>
          {t('waves.exports.selection')}
        </Button>
      </Box>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { maxHeight: 420 } } }}>
        <MenuItem onClick={() => void start(() => api.call('waves.exportSelection', { number: wave.number, format: 'xlsx' }))}>{t('waves.exports.selectionXlsx')}</MenuItem>
        <MenuItem onClick={() => void start(() => api.call('waves.exportSelection', { number: wave.number, format: 'csv' }))}>{t('waves.exports.selectionCsv')}</MenuItem>
        {provinces.length > 0 && <Divider />}
        {provinces.map(([code]) => (
          <MenuItem key={code} onClick={() => void start(() => api.call('waves.exportSelection', { number: wave.number, format: 'xlsx', provinceCode: code }))}>
            {t('waves.exports.selectionProvince', { name: `${code} ${PROVINCES[code] ?? ''}` })}
          </MenuItem>
        ))}
      </Menu>
      {job && busy && job.state === 'running' && <JobProgress job={job} />}
    </Box>
  );
}
