import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../shared/api/audit';
import { api } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState, type TableQuery } from '../../components/table/useTableUrlState';
import { formatDateTime } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { ActionLabel } from './ActionLabel';
import { AuditDetailDrawer } from './AuditDetailDrawer';
import { AUDIT_FILTERS, AuditFilters, type AuditFilter } from './AuditFilters';

const fetchAudit = (q: TableQuery<AuditFilter>) =>
  api.call('audit.list', { page: q.page, pageSize: q.pageSize, sortField: q.sortField, sortDir: q.sortDir, ...q.filters });

export function AuditPage() {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const table = useTableUrlState(AUDIT_FILTERS, { pageSize: 50 });
  const [selected, setSelected] = useState<AuditRow | null>(null);
  const queryClient = useQueryClient();

  const columns = useMemo<GridColDef<AuditRow>[]>(
    () => [
      { field: 'at', headerName: t('audit.colAt'), width: 190, valueFormatter: (v: string) => formatDateTime(v, locale) },
      { field: 'username', headerName: t('audit.colUser'), width: 150, valueFormatter: (v: string | null) => v ?? t('audit.system') },
      {
        field: 'action',
        headerName: t('audit.colAction'),
        flex: 1,
        minWidth: 220,
        renderCell: ({ row }) => <ActionLabel code={row.action} />,
      },
      { field: 'entity', headerName: t('audit.colEntity'), width: 130 },
      { field: 'entityId', headerName: t('audit.colEntityId'), width: 110, sortable: false },
      {
        field: 'view',
        type: 'actions',
        headerName: t('common.details'),
        width: 80,
        getActions: ({ row }) => [<GridActionsCellItem key="view" icon={<VisibilityOutlined />} label={t('audit.viewDetails')} onClick={() => setSelected(row)} />],
      },
    ],
    [t, locale],
  );

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <AuditFilters
        applied={table.query.filters}
        onApply={(values) => {
          table.setFilters(values);
          // "Terapkan" with unchanged filters still fetches the newest records.
          void queryClient.invalidateQueries({ queryKey: ['table', 'audit'] });
        }}
      />
      <ServerDataTable<AuditRow, AuditFilter> id="audit" label={t('audit.title')} columns={columns} fetchPage={fetchAudit} state={table} onRowClick={setSelected} />
      <AuditDetailDrawer row={selected} onClose={() => setSelected(null)} />
    </>
  );
}
