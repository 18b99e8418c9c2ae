import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReasonCode } from '../../../../shared/eligibility/reasons';
import type { Locale } from '../../../../shared/api/system';
import { formatNumber } from '../../format/datetime';

export interface ReasonBar {
  code: ReasonCode;
  label: string;
  count: number;
}

/** Ineligible registrations by reason as horizontal bars; a click opens the applicants with that reason. */
export function ReasonChart({ data, locale, label, onPick }: { data: ReasonBar[]; locale: Locale; label: string; onPick(code: ReasonCode): void }) {
  const theme = useTheme();
  const text = theme.palette.text.secondary;
  return (
    <Box role="img" aria-label={label} sx={{ width: '100%', height: Math.max(220, data.length * 38 + 40) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={theme.palette.divider} />
          <XAxis type="number" allowDecimals={false} tick={{ fill: text, fontSize: 12 }} tickFormatter={(v: number) => formatNumber(v, locale)} stroke={theme.palette.divider} />
          <YAxis type="category" dataKey="label" width={250} tick={{ fill: text, fontSize: 12 }} stroke={theme.palette.divider} />
          <Tooltip
            cursor={{ fill: theme.palette.action.hover }}
            formatter={(v) => formatNumber(Number(v), locale)}
            contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}`, color: theme.palette.text.primary }}
          />
          <Bar
            dataKey="count"
            name=" "
            fill={theme.palette.error.main}
            radius={[0, 3, 3, 0]}
            cursor="pointer"
            onClick={(d: { payload?: ReasonBar }) => d.payload && onPick(d.payload.code)}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
