import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';

/** What the verify job returns (core's VerifyReport); checked here because job results are untyped in the contract. */
export const VerifyReport = z.object({
  ok: z.boolean(),
  integrity: z.array(z.string()),
  auditRecords: z.number(),
  auditProblems: z.array(z.object({ id: z.number().nullable(), problem: z.string(), message: z.string() })),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export function VerifyResult({ report }: { report: VerifyReport }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const integrityOk = report.integrity.length === 1 && report.integrity[0] === 'ok';
  const problems = [
    ...(integrityOk ? [] : report.integrity.map((message) => ({ key: `i:${message}`, primary: t('system.integrity'), secondary: message }))),
    ...report.auditProblems.map((p, i) => ({ key: `a:${i}`, primary: p.id === null ? p.problem : t('system.problemRecord', { id: p.id }), secondary: p.message })),
  ];
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Alert severity={report.ok ? 'success' : 'error'} role="status">
        {report.ok ? t('system.resultOk') : t('system.resultBad')}
      </Alert>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 0.5, m: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0, fontVariantNumeric: 'tabular-nums' } }}>
        <dt>{t('system.integrity')}</dt>
        <dd>{integrityOk ? t('system.integrityOk') : report.integrity.length}</dd>
        <dt>{t('system.auditChecked')}</dt>
        <dd>{formatNumber(report.auditRecords, locale)}</dd>
      </Box>
      <Box>
        <Typography variant="h4" component="h3" sx={{ mb: 0.5 }}>
          {t('system.problems')}
        </Typography>
        {problems.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('system.noProblems')}
          </Typography>
        ) : (
          <List dense disablePadding sx={{ maxHeight: 280, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
            {problems.map((p) => (
              <ListItem key={p.key} divider>
                <ListItemText primary={p.primary} secondary={p.secondary} />
              </ListItem>
            ))}
          </List>
        )}
      </Box>
    </Box>
  );
}
