import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Override, ScreeningResult } from '../../../../shared/api/screening';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { formatRegistered, MONO } from '../applicants/format';
import { Code, ListLabel, StatusChip } from './labels';
import { ProposeOverrideDialog } from './ProposeOverrideDialog';

type Reason = ScreeningResult['reasons'][number];
type Member = { kind: 'participant'; nik: string; wave?: number; published_on: string } | { kind: 'registration'; registration_id: string; nik: string };
interface Entry {
  list: string;
  validFrom: string | null;
  validTo: string | null;
}
const STATE_COLOR = { pending: 'info', approved: 'success', rejected: 'error', lapsed: 'warning', superseded: 'default' } as const;

function RegistrationLink({ id, onOpen }: { id: string; onOpen(id: string): void }) {
  const { t } = useTranslation();
  return (
    <Link component="button" type="button" onClick={() => onOpen(id)} sx={{ ...MONO, verticalAlign: 'baseline' }} aria-label={t('screening.result.openRegistration', { id })}>
      {id}
    </Link>
  );
}

function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 1.5, rowGap: 0.5, m: 0, mt: 1, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}>
      {items.map((it, i) => (
        <Box key={i} sx={{ display: 'contents' }}>
          <dt>{it.label}</dt>
          <dd>{it.value}</dd>
        </Box>
      ))}
    </Box>
  );
}

/** The facts behind one reason, as structured lines under the core's plain-Indonesian sentence. */
function ReasonFacts({ reason, onOpen }: { reason: Reason; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const d = reason.details;
  const date = (v: string | null) => (v ? formatDate(v, locale) : t('screening.result.validOpen'));
  switch (reason.code) {
    case 'EXCLUDED': {
      const entries = (d.entries as Entry[] | undefined) ?? [];
      return (
        <Facts
          items={entries.map((e) => ({
            label: t('screening.result.list'),
            value: (
              <>
                <ListLabel list={e.list} /> · {t('screening.result.validity')} {t('screening.result.validFromTo', { from: date(e.validFrom), to: date(e.validTo) })}
              </>
            ),
          }))}
        />
      );
    }
    case 'DUPLICATE_NIK': {
      const id = d.duplicateOf as string | null | undefined;
      return id ? <Facts items={[{ label: t('screening.result.duplicateOf'), value: <RegistrationLink id={id} onOpen={onOpen} /> }]} /> : null;
    }
    case 'KK_LIMIT': {
      const members = (d.kkMembers as Member[] | undefined) ?? [];
      return (
        <Facts
          items={members.map((m) => ({
            label: t('screening.result.kkMembers'),
            value:
              m.kind === 'registration' ? (
                <>
                  <RegistrationLink id={m.registration_id} onOpen={onOpen} /> · <Box component="span" sx={MONO}>{m.nik}</Box>
                </>
              ) : (
                <>
                  {t('screening.result.participantMember', { wave: m.wave ?? '?', date: formatDate(m.published_on, locale) })} · <Box component="span" sx={MONO}>{m.nik}</Box>
                </>
              ),
          }))}
        />
      );
    }
    case 'UNDER_AGE':
    case 'OVER_AGE':
      return typeof d.age === 'number' ? <Facts items={[{ label: t('screening.result.age'), value: t('screening.result.ageYears', { count: d.age }) }]} /> : null;
    default:
      return null;
  }
}

function OverrideItem({ o }: { o: Override }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const at = (v: string | null) => formatRegistered(v, locale);
  return (
    <Box component="li" sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          #{o.id}
        </Typography>
        <StatusChip status={o.fromStatus} /> → <StatusChip status={o.status} />
        <Chip size="small" variant="outlined" color={STATE_COLOR[o.state]} label={t(`screening.override.states.${o.state}`)} />
      </Box>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {o.reason}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('screening.override.proposedBy', { user: o.proposedBy, at: at(o.proposedAt) })}
      </Typography>
      {o.decidedBy && (
        <Typography variant="body2" color="text.secondary">
          {t('screening.override.decidedBy', { state: t(`screening.override.states.${o.state}`), user: o.decidedBy, at: at(o.decidedAt) })}
        </Typography>
      )}
      {o.lapsedAt && (
        <Typography variant="body2" color="text.secondary">
          {t('screening.override.lapsedAt', { at: at(o.lapsedAt) })}
        </Typography>
      )}
      {o.decisionNote && (
        <Typography variant="body2" color="text.secondary">
          {t('screening.override.note', { note: o.decisionNote })}
        </Typography>
      )}
    </Box>
  );
}

/** "Hasil penyaringan" in the applicant drawer: status, each reason explained, the override history and "Usulkan koreksi". */
export function ScreeningSection({ registrationId, name, onOpen }: { registrationId: string; name: string; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const { role, locale } = useSession().user;
  const queryClient = useQueryClient();
  const result = useApiQuery('screening.result', { registrationId }, { retry: false, refetchOnMount: 'always' });
  const [proposing, setProposing] = useState(false);
  const r = result.data;

  if (result.isPending) return <CircularProgress size={24} aria-label={t('common.loading')} />;
  if (result.error) return <Alert severity="error">{t('screening.result.loadFailed', { message: result.error.message })}</Alert>;
  if (!r) return null;

  const staff = role === 'admin' || role === 'reviewer';
  const hasPending = r.overrides.some((o) => o.state === 'pending');
  const blocked = !staff ? t('screening.result.proposeDisabledRole') : hasPending ? t('screening.result.proposeDisabledPending') : r.stale ? t('screening.result.proposeDisabledStale') : null;
  const overridden = r.status !== r.screenedStatus && r.override;
  const propose = (
    <Button variant="outlined" size="small" startIcon={<EditNoteOutlined />} disabled={!!blocked} onClick={() => setProposing(true)}>
      {t('screening.result.propose')}
    </Button>
  );

  return (
    <Box>
      {!r.screened || !r.status || !r.run ? (
        <Typography variant="body2" color="text.secondary">
          {t('screening.result.notScreened')}
        </Typography>
      ) : (
        <>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
            <StatusChip status={r.status} overridden={!!overridden} />
            <Typography variant="body2" color="text.secondary">
              {t('screening.result.asOf', { asOf: formatDate(r.run.asOf, locale), id: r.run.id })}
            </Typography>
            <Box sx={{ flex: 1 }} />
            {blocked ? (
              <Tooltip title={blocked}>
                <span>{propose}</span>
              </Tooltip>
            ) : (
              propose
            )}
          </Box>
          {overridden && r.override && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {t('screening.result.overriddenBy', { status: t(`screening.status.${r.status}`), proposer: r.override.proposedBy, approver: r.override.decidedBy ?? '—' })}{' '}
              {t('screening.result.screenedAs', { status: t(`screening.status.${r.screenedStatus ?? 'eligible'}`) })}
            </Alert>
          )}
          {r.stale && (
            <Alert severity="warning" sx={{ mb: 1 }}>
              {t('screening.result.stale')}
            </Alert>
          )}
          {r.reasons.length === 0 ? (
            <Typography variant="body2">{t('screening.result.allPassed')}</Typography>
          ) : (
            <Box component="ul" aria-label={t('screening.result.section')} sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
              {r.reasons.map((reason) => (
                <Paper key={reason.code} component="li" variant="outlined" sx={{ p: 1.5, borderLeft: 4, borderLeftColor: 'error.main' }}>
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                    <Typography variant="body2" sx={{ fontWeight: 700 }}>
                      {t(`screening.reasons.${reason.code}`)}
                    </Typography>
                    <Code value={reason.code} />
                  </Box>
                  <Typography variant="body2" sx={{ mt: 0.5 }}>
                    {reason.text}
                  </Typography>
                  <ReasonFacts reason={reason} onOpen={onOpen} />
                </Paper>
              ))}
            </Box>
          )}
        </>
      )}
      <Typography variant="h4" component="h4" sx={{ mt: 2, mb: 1, fontSize: 15 }}>
        {t('screening.result.history')}
      </Typography>
      {r.overrides.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('screening.result.noHistory')}
        </Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 }}>
          {r.overrides.map((o) => (
            <OverrideItem key={o.id} o={o} />
          ))}
        </Box>
      )}
      {proposing && r.status && (
        <ProposeOverrideDialog
          registrationId={registrationId}
          name={name}
          current={r.status}
          onClose={() => setProposing(false)}
          onProposed={() => {
            void queryClient.invalidateQueries({ queryKey: ['api', 'screening.result'] });
            void queryClient.invalidateQueries({ queryKey: ['api', 'overrides.list'] });
          }}
        />
      )}
    </Box>
  );
}
