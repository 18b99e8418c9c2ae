import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/Notifications';
import { saveDownload } from '../../files';
import { useJob } from '../../jobs/useJob';

interface FileResult {
  fileRef: string;
  fileName: string;
}
const isFileResult = (x: unknown): x is FileResult => !!x && typeof x === 'object' && typeof (x as FileResult).fileRef === 'string';

/** Starts an export job and, when it is done, offers its file for saving once; failures become a notice. */
export function useFileJob() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId).data;
  const handled = useRef<string | null>(null);

  useEffect(() => {
    if (!job || job.id !== jobId || handled.current === job.id || job.state === 'running') return;
    handled.current = job.id;
    if (job.state === 'done' && isFileResult(job.result)) {
      const r = job.result;
      saveDownload(r.fileRef, r.fileName)
        .then((ok) => ok && notify.success(t('invoices.page.saved', { name: r.fileName })))
        .catch((err: Error) => notify.error(t('invoices.page.exportFailed', { message: err.message })))
        .finally(() => setJobId(null));
    } else {
      if (job.state === 'failed') notify.error(t('invoices.page.exportFailed', { message: job.error?.message ?? '' }));
      setJobId(null);
    }
  }, [job, jobId, notify, t]);

  const start = async (call: () => Promise<{ jobId: string }>) => {
    try {
      setJobId((await call()).jobId);
    } catch (err) {
      notify.error(t('invoices.page.exportFailed', { message: (err as Error).message }));
    }
  };
  return { start, job: jobId ? job : undefined, busy: jobId !== null };
}
