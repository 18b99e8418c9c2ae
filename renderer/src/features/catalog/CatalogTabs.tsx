import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

export const CATALOG_PATHS = { institutions: '/katalog', trainings: '/katalog/pelatihan', enrollments: '/katalog/pembelian' } as const;
export type CatalogTab = keyof typeof CATALOG_PATHS;

/** Institutions, trainings and purchases as tabs that are links (each has its own URL). */
export function CatalogTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = (Object.entries(CATALOG_PATHS).find(([, p]) => p === pathname)?.[0] ?? 'institutions') as CatalogTab;
  return (
    <Tabs value={current} aria-label={t('catalog.tabs.label')} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
      {(Object.keys(CATALOG_PATHS) as CatalogTab[]).map((key) => (
        <Tab key={key} value={key} label={t(`catalog.tabs.${key}`)} component={Link} to={CATALOG_PATHS[key]} />
      ))}
    </Tabs>
  );
}
