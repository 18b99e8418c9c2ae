import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const AUDIT_FILTERS = ['username', 'action', 'entity', 'from', 'to'] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];
type Values = Record<AuditFilter, string>;

const EMPTY: Values = { username: '', action: '', entity: '', from: '', to: '' };

/** The audit log's filter bar; Enter or "Terapkan" applies, the URL keeps what is applied. */
export function AuditFilters({ applied, onApply }: { applied: Partial<Values>; onApply(values: Partial<Values>): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>({ ...EMPTY, ...applied });
  const appliedKey = JSON.stringify(applied);
  useEffect(() => setValues({ ...EMPTY, ...(JSON.parse(appliedKey) as Partial<Values>) }), [appliedKey]);
  const set = (key: AuditFilter) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const text = (key: AuditFilter, label: string, width: number) => (
    <TextField label={label} value={values[key]} onChange={set(key)} sx={{ width }} fullWidth={false} />
  );
  const date = (key: AuditFilter, label: string) => (
    <TextField type="date" label={label} value={values[key]} onChange={set(key)} sx={{ width: 170 }} fullWidth={false} slotProps={{ inputLabel: { shrink: true } }} />
  );
  return (
    <Box
      component="form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])) as Values);
      }}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 1.5 }}
    >
      {text('username', t('audit.filterUser'), 170)}
      {text('action', t('audit.filterAction'), 170)}
      {text('entity', t('audit.filterEntity'), 150)}
      {date('from', t('audit.filterFrom'))}
      {date('to', t('audit.filterTo'))}
      <Button type="submit" variant="contained">
        {t('common.apply')}
      </Button>
      <Button
        startIcon={<FilterAltOffOutlined />}
        disabled={Object.keys(applied).length === 0}
        onClick={() => {
          setValues(EMPTY);
          onApply({});
        }}
      >
        {t('audit.clearFilters')}
      </Button>
    </Box>
  );
}
