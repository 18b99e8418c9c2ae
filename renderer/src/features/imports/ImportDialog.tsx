import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/applicants';
import type { ApiError } from '../../../../shared/api/errors';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { browserFile, pickFile, toFileRef, type ChosenFile, type FileRef } from '../../files';
import { JobProgress } from '../../jobs/JobProgress';
import { useJob } from '../../jobs/useJob';
import { FileDropZone } from './FileDropZone';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportResultView } from './ImportResultView';

type Step = { step: 'pick' } | { step: 'upload'; name: string; sent: number; total: number } | { step: 'preview'; file: FileRef } | { step: 'run'; file: FileRef; jobId: string };

/** One kind of file the dialog imports: its toggle label, the dialog title, and how to preview and start it. */
export interface ImportOption<K extends string = string> {
  value: K;
  label: string;
  title: string;
  preview(fileRef: string): Promise<ImportPreview>;
  start(fileRef: string): Promise<{ jobId: string }>;
}

/** The applicant register's two kinds (the dialog's default). */
export function applicantImportOptions(t: TFunction): ImportOption<'applicants' | 'exclusions'>[] {
  return (['applicants', 'exclusions'] as const).map((kind) => ({
    value: kind,
    label: kind === 'applicants' ? t('imports.kindApplicants') : t('imports.kindExclusions'),
    title: kind === 'applicants' ? t('imports.titleApplicants') : t('imports.titleExclusions'),
    preview: (fileRef) => api.call('imports.preview', { fileRef, kind }),
    start: (fileRef) => api.call(kind === 'applicants' ? 'applicants.import' : 'exclusions.import', { fileRef }),
  }));
}

const runIdOf = (result: unknown): number | null =>
  result && typeof result === 'object' && typeof (result as { runId?: unknown }).runId === 'number' ? (result as { runId: number }).runId : null;

/**
 * Import of a file of one of several kinds (by default an applicant file or an exclusion list; finance
 * passes the catalog, enrollments or invoices): choose (dialog, file input or drop), preview with the
 * column match, run as a worker job with progress and cancel, then the counts and the rejects.
 */
export function ImportDialog<K extends string>({
  kind,
  onKindChange,
  onClose,
  onImported,
  options: given,
}: {
  kind: K;
  onKindChange(kind: NoInfer<K>): void;
  onClose(): void;
  onImported(): void;
  options?: readonly ImportOption<K>[];
}) {
  const { t } = useTranslation();
  const options = useMemo(() => given ?? (applicantImportOptions(t) as unknown as ImportOption<K>[]), [given, t]);
  const option = options.find((o) => o.value === kind) ?? options[0]!;
  const [state, setState] = useState<Step>({ step: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const upload = useRef<AbortController | null>(null);
  const file = state.step === 'preview' || state.step === 'run' ? state.file : null;
  const preview = useQuery<ImportPreview, ApiError>({
    queryKey: ['import-preview', kind, file?.fileRef ?? ''],
    queryFn: () => option.preview(file!.fileRef),
    enabled: state.step === 'preview' && file !== null,
    retry: false,
    staleTime: Infinity,
  });
  const job = useJob(state.step === 'run' ? state.jobId : null).data;
  const runId = job?.state === 'done' ? runIdOf(job.result) : null;
  const run = useApiQuery('imports.get', { id: runId ?? 1 }, { enabled: runId !== null });
  const notified = useRef<number | null>(null);

  useEffect(() => {
    if (runId !== null && notified.current !== runId) {
      notified.current = runId;
      onImported();
    }
  }, [runId, onImported]);
  useEffect(() => () => upload.current?.abort(), []);

  const accept = async (chosen: ChosenFile | null) => {
    if (!chosen) return;
    setError(null);
    setState({ step: 'upload', name: chosen.name, sent: 0, total: chosen.size });
    const abort = new AbortController();
    upload.current = abort;
    try {
      const ref = await toFileRef(chosen, (sent, total) => setState({ step: 'upload', name: chosen.name, sent, total }), abort.signal);
      setState({ step: 'preview', file: ref });
    } catch (err) {
      if (abort.signal.aborted) return;
      setError((err as Error).message);
      setState({ step: 'pick' });
    }
  };
  const choose = () => {
    pickFile({ extensions: ['csv', 'xlsx'], label: 'CSV / XLSX' }).then(accept, (err: Error) => setError(err.message));
  };
  const start = async () => {
    if (state.step !== 'preview') return;
    setStarting(true);
    setError(null);
    try {
      const { jobId } = await option.start(state.file.fileRef);
      setState({ step: 'run', file: state.file, jobId });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setStarting(false);
    }
  };
  const again = () => {
    setError(null);
    setState({ step: 'pick' });
  };

  const finished = job && job.state !== 'running';
  const blocked = !preview.data || preview.data.missing.length > 0;
  const title = option.title;

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="import-title"
      // A file dropped beside the drop zone must not make the browser navigate away to it.
      slotProps={{ paper: { onDragOver: (e: React.DragEvent) => e.preventDefault(), onDrop: (e: React.DragEvent) => {
        e.preventDefault();
        const dropped = e.dataTransfer.files[0];
        if (dropped && state.step === 'pick') void accept(browserFile(dropped));
      } } }}
    >
      <DialogTitle id="import-title">{title}</DialogTitle>
      <DialogContent dividers sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
        {state.step !== 'run' && options.length > 1 && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary" id="import-kind-label">
              {t('imports.kind')}
            </Typography>
            <ToggleButtonGroup size="small" exclusive value={kind} onChange={(_, v: K | null) => v && onKindChange(v)} aria-labelledby="import-kind-label">
              {options.map((o) => (
                <ToggleButton key={o.value} value={o.value}>
                  {o.label}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
        )}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {state.step === 'pick' && <FileDropZone onPick={choose} onDropFile={(f) => void accept(browserFile(f))} />}
        {state.step === 'upload' && (
          <Box sx={{ display: 'grid', gap: 1, py: 3 }}>
            <Typography>{t('imports.uploading', { name: state.name })}</Typography>
            <LinearProgress variant="determinate" value={state.total ? (state.sent / state.total) * 100 : 0} aria-label={t('imports.uploading', { name: state.name })} />
          </Box>
        )}
        {state.step === 'preview' && preview.isPending && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 3 }}>
            <CircularProgress size={20} aria-hidden />
            <Typography>{t('imports.reading', { name: state.file.name })}</Typography>
          </Box>
        )}
        {state.step === 'preview' && preview.error && (
          <Alert severity="error" role="alert">
            {preview.error.message}
          </Alert>
        )}
        {state.step === 'preview' && preview.data && <ImportPreviewView preview={preview.data} />}
        {state.step === 'run' && (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 1.5 }}>
            <Typography variant="h4" component="h3">
              {finished && run.data ? t('imports.resultTitle', { name: state.file.name }) : t('imports.running', { name: state.file.name })}
            </Typography>
            {job && <JobProgress job={job} />}
            {job?.state === 'running' && (
              <Typography variant="body2" color="text.secondary">
                {t('imports.background')}
              </Typography>
            )}
            {job?.state === 'failed' && (
              <Alert severity="error" role="alert">
                {t('imports.failed', { message: job.error?.message ?? '' })}
              </Alert>
            )}
            {job?.state === 'cancelled' && <Alert severity="info">{t('imports.cancelled')}</Alert>}
            {run.data && <ImportResultView run={run.data} />}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {(state.step === 'preview' || (state.step === 'run' && finished)) && <Button onClick={again}>{state.step === 'preview' ? t('imports.otherFile') : t('imports.another')}</Button>}
        <Box sx={{ flex: 1 }} />
        <Button onClick={onClose}>{t('imports.close')}</Button>
        {state.step === 'preview' && (
          <Button variant="contained" onClick={() => void start()} disabled={blocked || starting}>
            {t('imports.start')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
