import Close from '@mui/icons-material/Close';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { InvoiceLineDetail } from '../../../../shared/api/invoices';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useNotify } from '../../components/Notifications';
import { formatDate } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { formatRegistered, MONO } from '../applicants/format';
import { rupiah } from '../catalog/format';
import { LineStatusChip } from './chips';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 2 }}>
      <Typography variant="h4" component="h3" sx={{ mb: 0.75 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** Label and value pairs; `warn` marks the fact the status turned on. */
function Fields({ items }: { items: { label: string; value: ReactNode; warn?: boolean; mono?: boolean }[] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(140px, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0, minWidth: 0, overflowWrap: 'anywhere' } }}>
      {items.map((it) => (
        <Box key={it.label} sx={{ display: 'contents' }}>
          <dt>{it.label}</dt>
          <Box component="dd" sx={{ ...(it.mono ? MONO : {}), ...(it.warn ? { color: 'error.main', fontWeight: 600 } : {}) }}>
            {it.warn && <WarningAmberOutlined sx={{ fontSize: 16, verticalAlign: 'text-bottom', mr: 0.5 }} aria-hidden />}
            {it.value === null || it.value === undefined || it.value === '' ? '—' : it.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

function NoteEditor({ invoiceNo, line, locked }: { invoiceNo: string; line: InvoiceLineDetail; locked: boolean }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(line.disputeNote ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => setNote(line.disputeNote ?? ''), [line.disputeNote, line.lineNo]);
  const save = async () => {
    setBusy(true);
    try {
      await api.call('invoices.setDisputeNote', { invoiceNo, lineNo: line.lineNo, note: note.trim() });
      notify.success(t('invoices.line.noteSaved', { line: line.lineNo }));
      void queryClient.invalidateQueries({ queryKey: ['api', 'invoices.line'] });
      void queryClient.invalidateQueries({ queryKey: ['api', 'invoices.get'] });
      void queryClient.invalidateQueries({ queryKey: ['table'] });
    } catch (err) {
      notify.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <TextField
        label={t('invoices.line.note')}
        helperText={locked ? t('invoices.line.noteLocked') : t('invoices.line.noteHelp')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
        disabled={locked || busy}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
      {line.disputeNoteBy && (
        <Typography variant="caption" color="text.secondary">
          {t('invoices.line.noteBy', { user: line.disputeNoteBy, at: formatRegistered(line.disputeNoteAt, locale) })}
        </Typography>
      )}
      {!locked && (
        <Box>
          <Button variant="outlined" onClick={() => void save()} disabled={busy || note.trim() === (line.disputeNote ?? '')}>
            {t('invoices.line.saveNote')}
          </Button>
        </Box>
      )}
    </Box>
  );
}

function LineBody({ invoiceNo, d, canNote, locked }: { invoiceNo: string; d: InvoiceLineDetail; canNote: boolean; locked: boolean }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const time = (v: string | null | undefined) => (v ? formatRegistered(v, locale) : null);
  const ev = d.evidence;
  // The facts the status was decided on; before a reconciliation, what is known now.
  const facts = ev ? ev.enrollment : d.current.enrollment;
  const cur = d.current;
  const s = d.status;
  const compare = ev && (ev.claimed !== null || ev.recorded !== null) && (s === 'PARTICIPANT_MISMATCH' || s === 'TRAINING_MISMATCH' || s === 'AMOUNT_MISMATCH' || s === 'INSTITUTION_MISMATCH');
  const show = (v: string | number | null) => (typeof v === 'number' ? rupiah(v) : (v ?? '—'));
  return (
    <>
      <Box sx={{ display: 'grid', gap: 1, mb: 2 }}>
        {s ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <LineStatusChip status={s} />
            <Typography variant="body2" color="text.secondary">
              {t('invoices.line.col.amount')}: {rupiah(d.amount)} · {t('invoices.line.col.approvedAmount')}: {rupiah(d.approvedAmount)}
            </Typography>
          </Box>
        ) : (
          <Alert severity="info">{t('invoices.line.notReconciled')}</Alert>
        )}
        {d.reason && <Typography sx={{ fontWeight: 500 }}>{d.reason}</Typography>}
        {compare && <Typography variant="body2">{t('invoices.line.claimedVsRecorded', { claimed: show(ev.claimed), recorded: show(ev.recorded) })}</Typography>}
        {ev?.earlierLineNo !== null && ev?.earlierLineNo !== undefined && <Typography variant="body2">{t('invoices.line.earlierLine', { line: ev.earlierLineNo })}</Typography>}
        {ev?.billedOn && (
          <Typography variant="body2">
            {t('invoices.line.billedOn', { invoice: ev.billedOn.invoiceNo, line: ev.billedOn.lineNo })} ·{' '}
            <Link component={RouterLink} to={`/tagihan/${encodeURIComponent(ev.billedOn.invoiceNo)}?line=${ev.billedOn.lineNo}`}>
              {t('invoices.line.openBilled', { invoice: ev.billedOn.invoiceNo })}
            </Link>
          </Typography>
        )}
        {cur.changed && (
          <Alert severity="warning" icon={<WarningAmberOutlined />}>
            {t('invoices.line.changed')}
          </Alert>
        )}
      </Box>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="overline" color="text.secondary">
        {ev ? t('invoices.line.decidedOn') : t('invoices.line.evidence')}
      </Typography>
      {!facts ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('invoices.line.noEnrollment', { id: d.enrollmentId })}
        </Alert>
      ) : (
        <>
          <Section title={t('invoices.line.enrollment')}>
            <Fields
              items={[
                { label: t('invoices.line.col.enrollmentId'), value: facts.enrollmentId, mono: true },
                { label: t('invoices.line.platform'), value: cur.enrollment?.platform ?? null },
                { label: t('invoices.line.pricePaid'), value: rupiah(facts.pricePaid), warn: s === 'AMOUNT_MISMATCH' },
                { label: t('invoices.line.purchasedAt'), value: time(facts.purchasedAt), warn: s === 'PARTICIPANT_REVOKED' },
              ]}
            />
          </Section>
          <Section title={t('invoices.line.participant')}>
            <Fields
              items={[
                { label: t('invoices.line.col.nik'), value: facts.nik, mono: true, warn: s === 'PARTICIPANT_MISMATCH' },
                { label: t('invoices.line.name'), value: cur.participant?.fullName ?? null },
                { label: t('invoices.line.registration'), value: cur.participant?.registrationId ?? null, mono: true },
                { label: t('invoices.line.waveLabel'), value: cur.participant ? t('invoices.line.wave', { n: cur.participant.waveNumber, date: formatDate(cur.participant.publishedOn, locale) }) : null },
                {
                  label: t('invoices.line.participation'),
                  value: facts.participantRevokedAt ? t('invoices.line.revokedAt', { date: formatDate(facts.participantRevokedAt, locale) }) : t('invoices.line.notRevoked'),
                  warn: s === 'PARTICIPANT_REVOKED',
                },
              ]}
            />
          </Section>
          <Section title={t('invoices.line.training')}>
            {cur.training ? (
              <Fields
                items={[
                  { label: t('catalog.col.title'), value: cur.training.title },
                  { label: t('catalog.col.trainingId'), value: facts.trainingId, mono: true, warn: s === 'TRAINING_MISMATCH' },
                  { label: t('invoices.line.institution'), value: `${cur.training.institutionName ?? '?'} (${facts.institutionId ?? cur.training.institutionId})`, warn: s === 'INSTITUTION_MISMATCH' },
                  { label: t('invoices.line.catalogPrice'), value: rupiah(cur.training.price) },
                ]}
              />
            ) : (
              <Alert severity={s === 'INSTITUTION_MISMATCH' ? 'error' : 'warning'}>{t('invoices.line.trainingUnknown', { id: facts.trainingId })}</Alert>
            )}
          </Section>
          <Section title={t('invoices.line.completion')}>
            <Fields
              items={[
                { label: t('invoices.line.completedAt'), value: time(facts.completedAt) ?? t('invoices.line.notCompleted'), warn: s === 'NOT_COMPLETED' && !facts.completedAt },
                { label: t('invoices.line.certificate'), value: facts.certificateNo ?? t('invoices.line.noCertificate'), mono: !!facts.certificateNo, warn: s === 'NOT_COMPLETED' && !!facts.completedAt && !facts.certificateNo },
                { label: t('invoices.line.cancellation'), value: facts.cancelledAt ? time(facts.cancelledAt) : t('invoices.line.notCancelled'), warn: s === 'CANCELLED' },
              ]}
            />
          </Section>
        </>
      )}
      {canNote && s && s !== 'MATCHED' && (
        <>
          <Divider sx={{ mb: 2 }} />
          <NoteEditor invoiceNo={invoiceNo} line={d} locked={locked} />
        </>
      )}
      {!canNote && d.disputeNote && (
        <>
          <Divider sx={{ mb: 2 }} />
          <Section title={t('invoices.line.note')}>
            <Typography>{d.disputeNote}</Typography>
          </Section>
        </>
      )}
    </>
  );
}

/** One line's status, reason and evidence (enrollment, participant, training, completion, certificate, cancellation) and its dispute note. */
export function LineDrawer({ invoiceNo, lineNo, locked, onClose }: { invoiceNo: string; lineNo: number | null; locked: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const detail = useApiQuery('invoices.line', { invoiceNo, lineNo: lineNo ?? 1 }, { enabled: lineNo !== null, retry: false, refetchOnMount: 'always' });
  const d = detail.data;
  return (
    <Drawer anchor="right" open={lineNo !== null} onClose={onClose} sx={{ zIndex: (th) => th.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 520 } } } }}>
      <Box role="dialog" aria-labelledby="line-detail-title" sx={{ p: 2.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 1.5 }}>
          <Typography id="line-detail-title" variant="h2" component="h2" sx={{ flex: 1, overflowWrap: 'anywhere' }}>
            {t('invoices.line.title', { line: lineNo ?? '', enrollment: d?.enrollmentId ?? '' })}
          </Typography>
          <IconButton aria-label={t('invoices.line.close')} onClick={onClose} autoFocus>
            <Close />
          </IconButton>
        </Box>
        {detail.isPending && lineNo !== null && <CircularProgress size={24} aria-label="…" />}
        {detail.error && <Alert severity="error">{detail.error.message}</Alert>}
        {d && d.lineNo === lineNo && <LineBody invoiceNo={invoiceNo} d={d} canNote={role === 'admin' || role === 'finance'} locked={locked} />}
      </Box>
    </Drawer>
  );
}
