import FileUploadOutlined from '@mui/icons-material/FileUploadOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogImportKind } from '../../../../shared/api/catalog';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { ImportDialog } from '../imports/ImportDialog';
import { CatalogTabs } from './CatalogTabs';
import { financeImportOptions } from './financeImports';

const KINDS = ['institutions', 'trainings', 'enrollments'] as const;

/** The catalog area's header (with Impor for finance and admin), its tabs, and the page below. */
export function CatalogLayout({ importKind, children }: { importKind: CatalogImportKind; children: ReactNode }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const canImport = role === 'admin' || role === 'finance';
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<CatalogImportKind | null>(null);
  const options = useMemo(() => financeImportOptions(t, KINDS), [t]);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 'calc(100vh - 120px)' }}>
      <PageHeader
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        actions={
          canImport && (
            <Button variant="contained" startIcon={<FileUploadOutlined />} onClick={() => setKind(importKind)}>
              {t('catalog.import')}
            </Button>
          )
        }
      />
      <CatalogTabs />
      {children}
      {kind && (
        <ImportDialog
          kind={kind}
          options={options}
          onKindChange={setKind}
          onClose={() => setKind(null)}
          onImported={() => {
            void queryClient.invalidateQueries({ queryKey: ['table'] });
            void queryClient.invalidateQueries({ queryKey: ['api', 'catalog.options'] });
          }}
        />
      )}
    </Box>
  );
}
