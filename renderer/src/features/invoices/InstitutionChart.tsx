import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../session/SessionProvider';
import { SelectFilter } from '../catalog/SelectFilter';
import { formatRupiah } from '../catalog/format';

/** `Rp1,5 jt` on the axis; the tooltip shows whole Rupiah. */
function shortRupiah(n: number, locale: 'id' | 'en'): string {
  const f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  if (Math.abs(n) >= 1e9) return `Rp${f.format(n / 1e9)} ${locale === 'en' ? 'bn' : 'M'}`;
  if (Math.abs(n) >= 1e6) return `Rp${f.format(n / 1e6)} ${locale === 'en' ? 'm' : 'jt'}`;
  if (Math.abs(n) >= 1e3) return `Rp${f.format(n / 1e3)} ${locale === 'en' ? 'k' : 'rb'}`;
  return `Rp${n}`;
}

function monthLabel(month: string, locale: 'id' | 'en'): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Per institution (or all), by month of invoice date: claimed against approved against disputed. */
export function InstitutionChart() {
  const { t } = useTranslation();
  const theme = useTheme();
  const locale = useSession().user.locale;
  const institutions = useApiQuery('invoices.institutions', {});
  const [institutionId, setInstitutionId] = useState<string | undefined>(undefined);
  const chart = useApiQuery('invoices.chart', institutionId ? { institutionId } : {});
  const data = (chart.data?.months ?? []).map((m) => ({ ...m, label: monthLabel(m.month, locale) }));
  return (
    <Paper variant="outlined" component="section" aria-labelledby="invoice-chart-title" sx={{ p: 2, mt: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography id="invoice-chart-title" variant="h3" component="h2" sx={{ flex: 1 }}>
          {t('invoices.chart.title')}
        </Typography>
        <SelectFilter
          label={t('invoices.chart.institution')}
          value={institutionId}
          onChange={setInstitutionId}
          width={280}
          options={(institutions.data ?? []).map((i) => ({ value: i.institutionId, label: i.name ? `${i.name} (${i.institutionId})` : i.institutionId }))}
        />
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('invoices.chart.note')}
      </Typography>
      {data.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4 }}>
          {t('invoices.chart.empty')}
        </Typography>
      ) : (
        <Box sx={{ height: 280 }} role="img" aria-label={`${t('invoices.chart.title')}: ${data.map((d) => `${d.label} ${t('invoices.chart.claimed')} ${formatRupiah(d.claimed)}, ${t('invoices.chart.approved')} ${formatRupiah(d.approved)}, ${t('invoices.chart.disputed')} ${formatRupiah(d.disputed)}`).join('; ')}`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={theme.palette.divider} />
              <XAxis dataKey="label" tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
              <YAxis tickFormatter={(v: number) => shortRupiah(v, locale)} width={80} tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
              <Tooltip
                formatter={(v) => formatRupiah(Number(v))}
                labelFormatter={(label, payload) => {
                  const n = (payload?.[0]?.payload as { invoices?: number } | undefined)?.invoices ?? 0;
                  return `${String(label)} · ${t('invoices.chart.invoices', { count: n })}`;
                }}
                contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}` }}
              />
              <Legend />
              <Bar dataKey="claimed" name={t('invoices.chart.claimed')} fill={theme.palette.primary.main} isAnimationActive={false} />
              <Bar dataKey="approved" name={t('invoices.chart.approved')} fill={theme.palette.success.main} isAnimationActive={false} />
              <Bar dataKey="disputed" name={t('invoices.chart.disputed')} fill={theme.palette.error.main} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Paper>
  );
}
