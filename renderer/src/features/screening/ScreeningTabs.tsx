import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

export const SCREENING_PATHS = { summary: '/penyaringan', review: '/penyaringan/tinjauan', exclusions: '/penyaringan/pengecualian' } as const;

/** The three parts of screening as tabs that are links (each has its own URL). */
export function ScreeningTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = (Object.entries(SCREENING_PATHS).find(([, p]) => p === pathname)?.[0] ?? 'summary') as keyof typeof SCREENING_PATHS;
  return (
    <Tabs value={current} aria-label={t('screening.tabs.label')} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
      {(Object.keys(SCREENING_PATHS) as (keyof typeof SCREENING_PATHS)[]).map((key) => (
        <Tab key={key} value={key} label={t(`screening.tabs.${key}`)} component={Link} to={SCREENING_PATHS[key]} />
      ))}
    </Tabs>
  );
}
