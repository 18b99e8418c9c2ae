import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import type { ScreeningSummary } from '../../../../shared/api/screening';
import { REASON_CODES, type ReasonCode } from '../../../../shared/eligibility/reasons';
import { formatDate, formatNumber } from '../../format/datetime';
import { SectionCard, StatCard } from '../../components/StatCards';
import { useSession } from '../../session/SessionProvider';
import { formatRegistered } from '../applicants/format';
import { provinceLabel } from '../applicants/filters';
import { Code } from './labels';
import { ReasonChart } from './ReasonChart';

/** The applicants page filtered by a reason (and optionally a province or status), as a URL. */
export function applicantsUrl(filters: { screeningReason?: ReasonCode; screeningStatus?: string; provinceCode?: string }) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
  return `/pendaftar?${p.toString()}`;
}

const NUM = { fontVariantNumeric: 'tabular-nums' } as const;

/** Totals, reasons (table and chart) and provinces of one finished screening run. */
export function SummaryView({ summary }: { summary: ScreeningSummary }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const navigate = useNavigate();
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number) => (summary.total ? `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format((v / summary.total) * 100)}%` : '—');
  const overridden = summary.overridden.toEligible + summary.overridden.toIneligible;
  const reasons = REASON_CODES.map((code) => ({ code, label: t(`screening.reasons.${code}`), count: summary.reasons[code] ?? 0 }));
  const withCount = reasons.filter((r) => r.count > 0);
  const provinces = [...summary.byProvince].sort((a, b) => b.total - a.total || a.provinceCode.localeCompare(b.provinceCode));
  const run = summary.run;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {t('screening.summary.meta', { asOf: formatDate(run.asOf, locale), by: run.username ?? '—', at: formatRegistered(run.finishedAt, locale) })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <StatCard label={t('screening.summary.total')} value={n(summary.total)} />
        <StatCard label={t('screening.summary.eligible')} value={n(summary.effective.eligible)} note={t('screening.summary.effectiveNote')} color="success.main" />
        <StatCard
          label={t('screening.summary.ineligible')}
          value={n(summary.effective.ineligible)}
          note={t('screening.summary.rulesNote', { eligible: n(summary.eligible), ineligible: n(summary.ineligible) })}
          color="error.main"
        />
        <StatCard
          label={t('screening.summary.overridden')}
          value={n(overridden)}
          note={t('screening.summary.overriddenNote', { toEligible: n(summary.overridden.toEligible), toIneligible: n(summary.overridden.toIneligible), lapsed: n(summary.overridden.lapsed) })}
        />
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ mt: -1 }}>
        {t('screening.summary.snapshotNote')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'stretch' }}>
        <SectionCard title={t('screening.summary.byReason')} help={t('screening.summary.byReasonHelp')}>
          <TableContainer>
            <Table size="small" aria-label={t('screening.summary.byReason')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('screening.summary.reason')}</TableCell>
                  <TableCell>{t('screening.summary.code')}</TableCell>
                  <TableCell align="right">{t('screening.summary.count')}</TableCell>
                  <TableCell align="right">{t('screening.summary.share')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {reasons.map((r) => (
                  <TableRow key={r.code} hover sx={{ opacity: r.count ? 1 : 0.6 }}>
                    <TableCell>
                      {r.count ? (
                        <Link component={RouterLink} to={applicantsUrl({ screeningReason: r.code })} aria-label={t('screening.summary.openReason', { reason: r.label })}>
                          {r.label}
                        </Link>
                      ) : (
                        r.label
                      )}
                    </TableCell>
                    <TableCell>
                      <Code value={r.code} />
                    </TableCell>
                    <TableCell align="right" sx={NUM}>
                      {n(r.count)}
                    </TableCell>
                    <TableCell align="right" sx={{ ...NUM, color: 'text.secondary' }}>
                      {pct(r.count)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </SectionCard>
        <SectionCard title={t('screening.summary.chartLabel')}>
          {withCount.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('screening.summary.noReasons')}
            </Typography>
          ) : (
            <ReasonChart data={withCount} locale={locale} label={t('screening.summary.chartLabel')} onPick={(code) => void navigate(applicantsUrl({ screeningReason: code }))} />
          )}
        </SectionCard>
      </Box>
      <SectionCard title={t('screening.summary.byProvince')} help={t('screening.summary.byProvinceHelp')}>
        <TableContainer sx={{ maxHeight: 440 }}>
          <Table size="small" stickyHeader aria-label={t('screening.summary.byProvince')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('screening.summary.province')}</TableCell>
                <TableCell align="right">{t('screening.summary.total')}</TableCell>
                <TableCell align="right">{t('screening.summary.eligible')}</TableCell>
                <TableCell align="right">{t('screening.summary.ineligible')}</TableCell>
                {withCount.map((r) => (
                  <TableCell key={r.code} align="right" title={r.label}>
                    <Code value={r.code} />
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {provinces.map((p) => (
                <TableRow key={p.provinceCode} hover>
                  <TableCell>
                    <Box component="span" sx={{ color: 'text.secondary', mr: 1, ...NUM }}>
                      {p.provinceCode}
                    </Box>
                    {p.provinceName ?? provinceLabel(p.provinceCode)}
                  </TableCell>
                  <TableCell align="right" sx={NUM}>
                    {n(p.total)}
                  </TableCell>
                  <TableCell align="right" sx={NUM}>
                    {n(p.eligible)}
                  </TableCell>
                  <TableCell align="right" sx={NUM}>
                    {p.ineligible ? (
                      <Link component={RouterLink} to={applicantsUrl({ screeningStatus: 'ineligible', provinceCode: p.provinceCode })}>
                        {n(p.ineligible)}
                      </Link>
                    ) : (
                      n(0)
                    )}
                  </TableCell>
                  {withCount.map((r) => (
                    <TableCell key={r.code} align="right" sx={{ ...NUM, color: p.reasons[r.code] ? undefined : 'text.disabled' }}>
                      {n(p.reasons[r.code] ?? 0)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </SectionCard>
    </Box>
  );
}
