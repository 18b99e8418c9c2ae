import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { ExportButtons } from './ExportButtons';
import { RunPanel } from './RunPanel';
import { RunsTable } from './RunsTable';
import { ScreeningTabs } from './ScreeningTabs';
import { SummaryView } from './SummaryView';

/** Run a screening, read its summary (latest, or an earlier run from `?run=`), export, and see earlier runs. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const runParam = Number.parseInt(params.get('run') ?? '', 10);
  const runId = Number.isInteger(runParam) && runParam > 0 ? runParam : undefined;
  const summary = useApiQuery('screening.summary', runId ? { runId } : {}, { retry: false });
  const noRun = summary.error?.code === 'NOT_FOUND' && runId === undefined;
  const select = useCallback(
    (id: number | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id) next.set('run', String(id));
          else next.delete('run');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const onFinished = useCallback(() => select(null), [select]);

  return (
    <Box>
      <PageHeader title={t('screening.title')} subtitle={t('screening.subtitle')} actions={<ExportButtons runId={runId} disabled={!summary.data} />} />
      <ScreeningTabs />
      <RunPanel onFinished={onFinished} />
      <Box component="section" aria-labelledby="summary-title" sx={{ mb: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
          <Typography id="summary-title" variant="h2" component="h2">
            {runId ? t('screening.summary.titleRun', { id: runId }) : t('screening.summary.title')}
          </Typography>
          {runId && <Button onClick={() => select(null)}>{t('screening.summary.title')}</Button>}
        </Box>
        {summary.isPending && (
          <Box sx={{ py: 4, display: 'grid', placeItems: 'center' }}>
            <CircularProgress aria-label={t('common.loading')} />
          </Box>
        )}
        {noRun && <Alert severity="info">{t('screening.summary.none')}</Alert>}
        {summary.error && !noRun && <Alert severity="error">{summary.error.message}</Alert>}
        {summary.data && <SummaryView summary={summary.data} />}
      </Box>
      <RunsTable selected={summary.data?.run.id ?? null} onSelect={select} />
    </Box>
  );
}
