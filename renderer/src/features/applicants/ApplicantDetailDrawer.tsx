import Close from '@mui/icons-material/Close';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/api/applicants';
import { useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { ActionLabel } from '../audit/ActionLabel';
import { ScreeningSection } from '../screening/ScreeningSection';
import { provinceLabel, regencyLabel } from './filters';
import { ageOn, formatBirthDate, formatRegistered, MONO } from './format';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 2.5 }}>
      <Typography variant="h4" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** A definition list; a `warn` entry is drawn in the warning colour with an icon. */
function Fields({ items }: { items: { label: string; value: ReactNode; warn?: boolean; mono?: boolean }[] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(150px, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0, minWidth: 0, overflowWrap: 'anywhere' } }}>
      {items.map((it) => (
        <Box key={it.label} sx={{ display: 'contents' }}>
          <dt>{it.label}</dt>
          {it.value === null || it.value === '' || it.value === undefined ? (
            <Box component="dd" sx={{ color: 'text.secondary' }}>—</Box>
          ) : (
            <Box component="dd" sx={{ ...(it.mono ? MONO : {}), ...(it.warn ? { color: 'warning.main', fontWeight: 600 } : {}) }}>
              {it.warn && <WarningAmberOutlined sx={{ fontSize: 16, verticalAlign: 'text-bottom', mr: 0.5 }} aria-label="!" />}
              {it.value}
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}

function DetailBody({ d, onOpen }: { d: ApplicantDetail; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const n = d.nikDecoded;
  const sexLabel = (s: 'L' | 'P') => `${s} · ${t(`applicants.gender.${s}`)}`;
  const age = ageOn(d.birthDate);
  const region = (code: string, name: string | null) => `${code} · ${name ?? '?'}`;
  return (
    <>
      <Section title={t('screening.result.section')}>
        <ScreeningSection registrationId={d.registrationId} name={d.fullName} onOpen={onOpen} />
      </Section>
      <Divider sx={{ mb: 2 }} />
      <Section title={t('applicants.detail.identity')}>
        <Fields
          items={[
            { label: t('applicants.col.registrationId'), value: d.registrationId, mono: true },
            { label: t('applicants.col.nik'), value: d.nik, mono: true },
            { label: t('applicants.col.kk'), value: d.kk, mono: true },
            { label: t('applicants.col.fullName'), value: d.fullName },
            { label: t('applicants.col.birthDate'), value: `${formatBirthDate(d.birthDate, locale)}${age !== null ? ` (${t('applicants.detail.ageYears', { count: age })})` : ''}` },
            { label: t('applicants.filters.gender'), value: sexLabel(d.gender) },
            { label: t('applicants.col.phone'), value: d.phone, mono: true },
            { label: t('applicants.col.email'), value: d.email },
            { label: t('applicants.col.provinceCode'), value: region(d.provinceCode, d.provinceName ?? provinceLabel(d.provinceCode)) },
            { label: t('applicants.col.regencyCode'), value: region(d.regencyCode, d.regencyName ?? regencyLabel(d.regencyCode)) },
            { label: t('applicants.col.education'), value: d.education },
            { label: t('applicants.col.employmentStatus'), value: t(`applicants.employment.${d.employmentStatus}` as 'applicants.employment.employed', { defaultValue: d.employmentStatus }) },
            { label: t('applicants.col.registeredAt'), value: formatRegistered(d.registeredAt, locale) },
            { label: t('applicants.col.testScore'), value: d.testScore === null ? null : String(d.testScore) },
            { label: t('applicants.col.updatedAt'), value: formatRegistered(d.updatedAt, locale) },
            { label: t('applicants.detail.version'), value: String(d.version) },
            { label: t('applicants.detail.importRun'), value: d.importRunId === null ? null : t('applicants.detail.importRunValue', { id: d.importRunId }) },
          ]}
        />
      </Section>
      <Divider sx={{ mb: 2 }} />
      <Section title={t('applicants.detail.nikSection')}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <Chip size="small" color={n.valid ? 'success' : 'error'} label={n.valid ? t('applicants.detail.nikValid') : t('applicants.detail.nikInvalid')} />
          {n.problem && <Typography variant="body2" color="error">{n.problem}</Typography>}
        </Box>
        {d.nikMasked && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('applicants.detail.nikMasked')}
          </Typography>
        )}
        {n.valid && (
          <Fields
            items={[
              { label: t('applicants.detail.nikProvince'), value: region(n.provinceCode ?? '', n.provinceName), warn: n.provinceCode !== d.provinceCode },
              { label: t('applicants.detail.nikRegency'), value: region(n.regencyCode ?? '', n.regencyName), warn: n.regencyCode !== d.regencyCode },
              { label: t('applicants.detail.nikBirthDate'), value: formatBirthDate(n.birthDate, locale), warn: !!n.birthDate && n.birthDate.slice(2) !== d.birthDate.slice(2) },
              { label: t('applicants.detail.nikSex'), value: n.sex ? sexLabel(n.sex) : null, warn: !!n.sex && n.sex !== d.gender },
            ]}
          />
        )}
        {d.hints.length > 0 && (
          <Alert severity="warning" sx={{ mt: 1.5 }}>
            <AlertTitle>{t('applicants.detail.hintsTitle')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {d.hints.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </Box>
          </Alert>
        )}
      </Section>
      <Divider sx={{ mb: 2 }} />
      <Section title={t('applicants.detail.family')}>
        {d.family.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('applicants.detail.noFamily')}
          </Typography>
        ) : (
          <List dense disablePadding aria-label={t('applicants.detail.family')} sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
            {d.family.map((f) => (
              <ListItemButton key={f.registrationId} onClick={() => onOpen(f.registrationId)} aria-label={t('applicants.detail.openFamily', { name: f.fullName })}>
                <ListItemText
                  primary={f.fullName}
                  secondary={
                    <Box component="span" sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
                      <Box component="span" sx={MONO}>{f.nik}</Box>
                      <span>{formatBirthDate(f.birthDate, locale)}</span>
                      <span>{f.gender}</span>
                      <Box component="span" sx={MONO}>{f.registrationId}</Box>
                    </Box>
                  }
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </Section>
      <Divider sx={{ mb: 2 }} />
      <Section title={t('applicants.detail.history')}>
        {d.history.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('applicants.detail.noHistory')}
          </Typography>
        ) : (
          <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 }}>
            {d.history.map((h, i) => (
              <Box component="li" key={`${h.at}-${i}`} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  <ActionLabel code={h.action} />
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {formatDateTime(h.at, locale)} · {t('applicants.detail.by', { user: h.username ?? t('applicants.detail.system') })}
                </Typography>
                <Typography variant="body2">{h.summary}</Typography>
              </Box>
            ))}
          </Box>
        )}
      </Section>
    </>
  );
}

/** Every field of one applicant, the NIK decoded with its disagreements, the KK family and the change history. Esc closes. */
export function ApplicantDetailDrawer({ registrationId, onOpen, onClose }: { registrationId: string | null; onOpen(id: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const detail = useApiQuery('applicants.get', { registrationId: registrationId ?? '' }, { enabled: !!registrationId, retry: false, refetchOnMount: 'always' });
  const d = detail.data;
  return (
    <Drawer anchor="right" open={!!registrationId} onClose={onClose} sx={{ zIndex: (th) => th.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } } } }}>
      <Box role="dialog" aria-labelledby="applicant-detail-title" sx={{ p: 2.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', mb: 2, gap: 1 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="overline" color="text.secondary">
              {t('applicants.detail.title')}
            </Typography>
            <Typography id="applicant-detail-title" variant="h2" component="h2">
              {d?.fullName ?? registrationId}
            </Typography>
            {d && (
              <Typography variant="body2" color="text.secondary" sx={MONO}>
                {d.registrationId}
              </Typography>
            )}
          </Box>
          <IconButton aria-label={t('common.close')} onClick={onClose} autoFocus>
            <Close />
          </IconButton>
        </Box>
        {detail.isPending && registrationId && (
          <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
            <CircularProgress aria-label={t('common.loading')} />
          </Box>
        )}
        {detail.error && <Alert severity="error">{t('applicants.detail.loadFailed', { message: detail.error.message })}</Alert>}
        {d && <DetailBody d={d} onOpen={onOpen} />}
      </Box>
    </Drawer>
  );
}
