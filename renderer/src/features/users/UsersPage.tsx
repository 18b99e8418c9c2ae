import Add from '@mui/icons-material/Add';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { useQueryClient } from '@tanstack/react-query';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../shared/api/users';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/table/SearchField';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState, type TableQuery } from '../../components/table/useTableUrlState';
import { formatDateTime } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { AddUserDialog, ResetPasswordDialog, RoleDialog } from './UserFormDialog';

const FILTERS = ['search'] as const;
type Filter = (typeof FILTERS)[number];

const fetchUsers = (q: TableQuery<Filter>) =>
  api.call('users.list', { page: q.page, pageSize: q.pageSize, sortField: q.sortField, sortDir: q.sortDir, search: q.filters.search });

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession().user;
  const notify = useNotify();
  const queryClient = useQueryClient();
  const table = useTableUrlState(FILTERS);
  const [adding, setAdding] = useState(false);
  const [roleFor, setRoleFor] = useState<UserRow | null>(null);
  const [resetFor, setResetFor] = useState<UserRow | null>(null);
  const [toggleFor, setToggleFor] = useState<UserRow | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ['table', 'users'] }), [queryClient]);

  const toggleActive = async () => {
    if (!toggleFor) return;
    setBusy(true);
    try {
      const saved = await api.call('users.setActive', { id: toggleFor.id, active: !toggleFor.active });
      notify.success(t(saved.active ? 'users.activated' : 'users.deactivated', { name: saved.displayName }));
      setToggleFor(null);
      void refresh();
    } catch (err) {
      notify.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const columns = useMemo<GridColDef<UserRow>[]>(
    () => [
      {
        field: 'displayName',
        headerName: t('users.colDisplayName'),
        flex: 1.4,
        minWidth: 180,
        renderCell: ({ row }) => (
          <span>
            {row.displayName}
            {row.id === me.id && <Box component="span" sx={{ color: 'text.secondary', ml: 0.75 }}>{t('users.you')}</Box>}
          </span>
        ),
      },
      { field: 'username', headerName: t('users.colUsername'), flex: 1, minWidth: 140 },
      {
        field: 'role',
        headerName: t('users.colRole'),
        width: 130,
        renderCell: ({ row }) => <Chip label={t(`roles.${row.role}`)} variant="outlined" color={row.role === 'admin' ? 'primary' : 'default'} />,
      },
      {
        field: 'active',
        headerName: t('users.colStatus'),
        width: 120,
        renderCell: ({ row }) => <Chip label={row.active ? t('users.active') : t('users.inactive')} color={row.active ? 'success' : 'default'} variant={row.active ? 'outlined' : 'filled'} />,
      },
      { field: 'createdAt', headerName: t('users.colCreatedAt'), width: 190, valueFormatter: (v: string) => formatDateTime(v, me.locale) },
      {
        field: 'lastLoginAt',
        headerName: t('users.colLastLogin'),
        width: 190,
        valueFormatter: (v: string | null) => (v ? formatDateTime(v, me.locale) : t('users.never')),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('common.actions'),
        width: 90,
        getActions: ({ row }) => [
          <GridActionsCellItem key="role" icon={<ManageAccountsOutlined />} label={t('users.changeRole')} onClick={() => setRoleFor(row)} showInMenu />,
          <GridActionsCellItem key="reset" icon={<KeyOutlined />} label={t('users.resetPassword')} onClick={() => setResetFor(row)} showInMenu />,
          <GridActionsCellItem
            key="active"
            icon={row.active ? <BlockOutlined /> : <CheckCircleOutlined />}
            label={row.active ? t('users.deactivate') : t('users.activate')}
            onClick={() => setToggleFor(row)}
            disabled={row.id === me.id}
            showInMenu
          />,
        ],
      },
    ],
    [t, me.id, me.locale],
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button variant="contained" startIcon={<Add />} onClick={() => setAdding(true)}>
            {t('users.add')}
          </Button>
        }
      />
      <Box sx={{ mb: 1.5 }}>
        <SearchField label={t('users.searchLabel')} value={table.query.filters.search ?? ''} onChange={(v) => table.setFilter('search', v)} />
      </Box>
      <ServerDataTable<UserRow, Filter> id="users" label={t('users.title')} columns={columns} fetchPage={fetchUsers} state={table} />
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(user) => {
          setAdding(false);
          notify.success(t('users.created', { name: user.displayName }));
          void refresh();
        }}
      />
      <RoleDialog
        user={roleFor}
        onClose={() => setRoleFor(null)}
        onSaved={(user) => {
          setRoleFor(null);
          notify.success(t('users.roleChanged', { name: user.displayName, role: t(`roles.${user.role}`) }));
          void refresh();
        }}
      />
      <ResetPasswordDialog
        user={resetFor}
        onClose={() => setResetFor(null)}
        onDone={(user) => {
          setResetFor(null);
          notify.success(t('users.passwordReset', { name: user.displayName }));
        }}
      />
      <ConfirmDialog
        open={!!toggleFor}
        title={toggleFor ? t(toggleFor.active ? 'users.confirmDeactivate' : 'users.confirmActivate', { name: toggleFor.displayName }) : ''}
        body={toggleFor ? t(toggleFor.active ? 'users.confirmDeactivateBody' : 'users.confirmActivateBody') : ''}
        confirmLabel={toggleFor?.active ? t('users.deactivate') : t('users.activate')}
        danger={toggleFor?.active}
        busy={busy}
        onConfirm={() => void toggleActive()}
        onClose={() => setToggleFor(null)}
      />
    </>
  );
}
