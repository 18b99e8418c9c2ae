import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Locale } from '../../../../shared/api/system';
import type { Wave } from '../../../../shared/api/waves';
import { PROVINCES } from '../../../../shared/regions/provinces';
import { formatDate, formatDateTime, formatNumber } from '../../format/datetime';
import { SectionCard, StatCard } from '../../components/StatCards';
import { useSession } from '../../session/SessionProvider';
import { NUM } from './format';

interface Bars {
  label: string;
  pool: number;
  selected: number;
}

/** Pool against selected as grouped horizontal bars. */
function PoolChart({ data, label, locale, width }: { data: Bars[]; label: string; locale: Locale; width: number }) {
  const theme = useTheme();
  const { t } = useTranslation();
  const text = theme.palette.text.secondary;
  return (
    <Box role="img" aria-label={label} sx={{ width: '100%', height: Math.max(180, data.length * 34 + 60) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barGap={1}>
          <CartesianGrid horizontal={false} stroke={theme.palette.divider} />
          <XAxis type="number" allowDecimals={false} tick={{ fill: text, fontSize: 12 }} tickFormatter={(v: number) => formatNumber(v, locale)} stroke={theme.palette.divider} />
          <YAxis type="category" dataKey="label" width={width} tick={{ fill: text, fontSize: 12 }} stroke={theme.palette.divider} interval={0} />
          <Tooltip
            cursor={{ fill: theme.palette.action.hover }}
            formatter={(v) => formatNumber(Number(v), locale)}
            contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}`, color: theme.palette.text.primary }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="pool" name={t('waves.result.pool')} fill={theme.palette.grey[400]} radius={[0, 3, 3, 0]} isAnimationActive={false} />
          <Bar dataKey="selected" name={t('waves.result.selected')} fill={theme.palette.primary.main} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

/** The selection's figures: totals, the quota table by province, and pool against selected by province and by employment status. */
export function ResultView({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const r = wave.result!;
  const n = (v: number) => formatNumber(v, locale);
  const pct = (a: number, b: number) => (b ? `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format((a / b) * 100)}%` : '—');
  const provinces = Object.entries(r.provinces).filter(([, p]) => p.quota > 0 || p.pool > 0);
  const provinceBars: Bars[] = provinces.map(([code, p]) => ({ label: `${PROVINCES[code] ?? code}`, pool: p.pool, selected: p.selected }));
  const employmentBars: Bars[] = Object.entries(r.employment).map(([status, e]) => ({
    label: t(`applicants.employment.${status}` as 'applicants.employment.employed', { defaultValue: status }),
    pool: e.pool,
    selected: e.selected,
  }));
  const notes = [
    r.overridesApplied ? t('waves.result.overrides', { count: r.overridesApplied }) : null,
    r.alreadyParticipants ? t('waves.result.participants', { count: r.alreadyParticipants }) : null,
  ].filter(Boolean);

  return (
    <Box component="section" aria-labelledby="result-title" sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Typography id="result-title" variant="h2" component="h2">
          {t('waves.result.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('waves.result.meta', {
            asOf: formatDate(r.screenedAsOf, locale),
            registrations: n(r.registrations),
            cutoff: formatDateTime(r.registeredBy, locale),
            at: formatDateTime(wave.selected?.at, locale),
            by: wave.selected?.by ?? '—',
          })}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <StatCard compact label={t('waves.result.quota')} value={n(r.quota)} />
        <StatCard compact label={t('waves.result.pool')} value={n(r.pool)} note={notes.join(' ') || undefined} />
        <StatCard compact label={t('waves.result.selected')} value={n(r.selected)} color="primary.main" />
        <StatCard compact label={t('waves.result.unfilled')} value={n(r.unfilled)} color={r.unfilled ? 'warning.main' : undefined} note={r.unfilled ? t('waves.result.unfilledNote') : undefined} />
        {wave.publishedOn && <StatCard compact label={t('waves.result.revoked')} value={n(wave.participants.revoked)} color={wave.participants.revoked ? 'error.main' : undefined} />}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <SectionCard title={t('waves.result.byProvince')} flex="1 1 540px">
          <TableContainer>
            <Table size="small" aria-label={t('waves.result.byProvince')} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('waves.result.province')}</TableCell>
                  <TableCell align="right">{t('waves.result.quota')}</TableCell>
                  <TableCell align="right">{t('waves.result.pool')}</TableCell>
                  <TableCell align="right">{t('waves.result.selected')}</TableCell>
                  <TableCell align="right">{t('waves.list.unfilled')}</TableCell>
                  <TableCell align="right">{t('waves.result.rate')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {provinces.map(([code, p]) => (
                  <TableRow key={code} hover>
                    <TableCell>
                      <Box component="span" sx={{ color: 'text.secondary', mr: 1, ...NUM }}>
                        {code}
                      </Box>
                      {PROVINCES[code] ?? ''}
                    </TableCell>
                    <TableCell align="right" sx={NUM}>
                      {n(p.quota)}
                    </TableCell>
                    <TableCell align="right" sx={NUM}>
                      {n(p.pool)}
                    </TableCell>
                    <TableCell align="right" sx={NUM}>
                      {n(p.selected)}
                    </TableCell>
                    <TableCell align="right" sx={{ ...NUM, color: p.unfilled ? 'warning.main' : undefined, fontWeight: p.unfilled ? 600 : undefined }}>
                      {n(p.unfilled)}
                    </TableCell>
                    <TableCell align="right" sx={{ ...NUM, color: 'text.secondary' }}>
                      {pct(p.selected, p.pool)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell sx={{ fontWeight: 700 }}>{t('waves.result.total')}</TableCell>
                  <TableCell align="right" sx={{ ...NUM, fontWeight: 700 }}>
                    {n(r.quota)}
                  </TableCell>
                  <TableCell align="right" sx={{ ...NUM, fontWeight: 700 }}>
                    {n(r.pool)}
                  </TableCell>
                  <TableCell align="right" sx={{ ...NUM, fontWeight: 700 }}>
                    {n(r.selected)}
                  </TableCell>
                  <TableCell align="right" sx={{ ...NUM, fontWeight: 700 }}>
                    {n(r.unfilled)}
                  </TableCell>
                  <TableCell align="right" sx={{ ...NUM, color: 'text.secondary' }}>
                    {pct(r.selected, r.pool)}
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </TableContainer>
        </SectionCard>
        <Box sx={{ flex: '1 1 420px', display: 'grid', gap: 2, minWidth: 0 }}>
          <SectionCard title={t('waves.result.byProvinceChart')} flex="1 1 auto">
            <PoolChart data={provinceBars} label={t('waves.result.byProvinceChart')} locale={locale} width={170} />
          </SectionCard>
          <SectionCard title={t('waves.result.byEmployment')} flex="1 1 auto">
            <PoolChart data={employmentBars} label={t('waves.result.byEmployment')} locale={locale} width={130} />
          </SectionCard>
        </Box>
      </Box>
    </Box>
  );
}
