import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProofVerification } from '../../../../shared/api/waves';
import { api } from '../../api';
import { pickFile, toFileRef, type FileRef } from '../../files';
import { formatNumber } from '../../format/datetime';
import { JobProgress } from '../../jobs/JobProgress';
import { useJob } from '../../jobs/useJob';
import { useSession } from '../../session/SessionProvider';
import { MONO } from '../applicants/format';

const isVerification = (x: unknown): x is ProofVerification => !!x && typeof x === 'object' && typeof (x as ProofVerification).ok === 'boolean';

/** Recomputes the selection from a proof file and the seed in a job, and shows MATCH or where it differs. */
export function VerifyDialog({ number, open, onClose }: { number: number; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const [file, setFile] = useState<FileRef | null>(null);
  const [seed, setSeed] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId).data;
  const result = job?.state === 'done' && isVerification(job.result) ? job.result : null;
  const failed = job?.state === 'failed' ? job.error?.message : null;

  const choose = () => {
    setError(null);
    pickFile({ extensions: ['csv'], label: 'CSV' }).then(
      async (chosen) => {
        if (!chosen) return;
        try {
          setFile(await toFileRef(chosen));
          setJobId(null);
        } catch (err) {
          setError((err as Error).message);
        }
      },
      (err: Error) => setError(err.message),
    );
  };
  const start = async () => {
    if (!file) return;
    setError(null);
    try {
      setJobId((await api.call('waves.verifyProof', { fileRef: file.fileRef, seed, number })).jobId);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const close = () => {
    setFile(null);
    setSeed('');
    setJobId(null);
    setError(null);
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby="verify-title" maxWidth="md" fullWidth>
      <DialogTitle id="verify-title">{t('waves.verify.title')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <DialogContentText>{t('waves.verify.body')}</DialogContentText>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={choose}>
            {t('waves.verify.pick')}
          </Button>
          <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'}>
            {file ? file.name : t('waves.verify.file')}
          </Typography>
        </Box>
        <TextField
          label={t('waves.verify.seed')}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          autoComplete="off"
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: MONO.fontFamily } } }}
        />
        {job && job.state === 'running' && <JobProgress job={job} />}
        {error && <Alert severity="error">{error}</Alert>}
        {failed && <Alert severity="error">{failed}</Alert>}
        {result && (
          <Box sx={{ display: 'grid', gap: 1 }}>
            <Alert severity={result.ok ? 'success' : 'error'} role="status">
              {result.ok
                ? t('waves.verify.match', { rows: formatNumber(result.rows, locale) })
                : result.problems.length
                  ? t('waves.verify.unreadable')
                  : t('waves.verify.mismatch', { count: result.mismatchCount })}
              {result.quotaSource !== 'given' && ` ${t('waves.verify.quotaInferred')}`}
            </Alert>
            <Typography variant="caption" sx={{ ...MONO, wordBreak: 'break-all' }}>
              {t('waves.verify.sha', { sha: result.sha256 })}
            </Typography>
            {(result.mismatches.length > 0 || result.problems.length > 0) && (
              <Table size="small" aria-label={t('waves.verify.mismatch', { count: result.mismatchCount })}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('waves.verify.row')}</TableCell>
                    <TableCell>{t('waves.verify.registration')}</TableCell>
                    <TableCell>{t('waves.verify.field')}</TableCell>
                    <TableCell>{t('waves.verify.expected')}</TableCell>
                    <TableCell>{t('waves.verify.actual')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.problems.map((p) => (
                    <TableRow key={`p${p.row}:${p.column}`}>
                      <TableCell>{p.row}</TableCell>
                      <TableCell />
                      <TableCell>{p.column ?? ''}</TableCell>
                      <TableCell colSpan={2}>{p.reason}</TableCell>
                    </TableRow>
                  ))}
                  {result.mismatches.map((m, i) => (
                    <TableRow key={`m${i}`}>
                      <TableCell>{m.row ?? t('waves.verify.whole')}</TableCell>
                      <TableCell sx={MONO}>{m.registrationId ?? ''}</TableCell>
                      <TableCell>{m.field}</TableCell>
                      <TableCell sx={{ ...MONO, wordBreak: 'break-all' }}>{m.expected}</TableCell>
                      <TableCell sx={{ ...MONO, wordBreak: 'break-all' }}>{m.actual}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.close')}</Button>
        <Button variant="contained" onClick={() => void start()} disabled={!file || !seed || job?.state === 'running'}>
          {job?.state === 'running' ? t('waves.verify.running') : t('waves.verify.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
