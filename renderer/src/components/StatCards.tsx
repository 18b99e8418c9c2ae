import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * One figure of a summary (screening totals, a wave's selection result): a label, the number large, an
 * optional note. The number is labelled "label: value" so a screen reader (and a test) reads them together.
 * `compact` is for rows of five or more.
 */
export function StatCard({ label, value, note, color, compact = false }: { label: string; value: string; note?: string; color?: string; compact?: boolean }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: compact ? '1 1 180px' : '1 1 200px', minWidth: compact ? 160 : 180 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography
        component="p"
        sx={{ fontSize: compact ? 28 : 30, fontWeight: 700, lineHeight: 1.2, color, fontVariantNumeric: 'tabular-nums' }}
        aria-label={`${label}: ${value}`}
      >
        {value}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      )}
    </Paper>
  );
}

/** A titled section of a summary (a table or a chart), named by its title for assistive technology. */
export function SectionCard({ title, help, flex = '1 1 480px', children }: { title: string; help?: string; flex?: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2, flex, minWidth: 0 }}>
      <Typography variant="h3" component="h3" sx={{ mb: help ? 0.5 : 1 }}>
        {title}
      </Typography>
      {help && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {help}
        </Typography>
      )}
      {children}
    </Paper>
  );
}
