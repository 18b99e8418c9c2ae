import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wave, WaveMember } from '../../../../shared/api/waves';
import { PROVINCES } from '../../../../shared/regions/provinces';
import { formatCardNumber } from '../../../../shared/waves/card-number';
import { api } from '../../api';
import { SearchField } from '../../components/table/SearchField';
import { ServerDataTable } from '../../components/table/ServerDataTable';
import { useTableUrlState } from '../../components/table/useTableUrlState';
import { formatDate } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { MONO } from '../applicants/format';
import { formatRupiah } from './format';

const FILTERS = ['provinceCode', 'state', 'q'] as const;
const STATES = ['selected', 'active', 'revoked'] as const;
const STATE_COLOR = { selected: 'secondary', active: 'success', revoked: 'error' } as const;
const mono = (value: string) => (
  <Box component="span" sx={{ ...MONO, fontSize: 13 }}>
    {value}
  </Box>
);

/** The wave's selected applicants (participants once published), paged on the server, in selection order by default. */
export function MembersTable({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const state = useTableUrlState(FILTERS, { pageSize: 25 });
  const published = wave.status === 'published';
  const provinces = Object.entries(wave.result?.provinces ?? {}).filter(([, p]) => p.selected > 0);

  const columns = useMemo<GridColDef<WaveMember>[]>(
    () => [
      { field: 'seq', headerName: t('waves.members.seq'), width: 70, type: 'number' },
      { field: 'registrationId', headerName: t('waves.members.registrationId'), width: 150, renderCell: ({ value }) => mono(value as string) },
      { field: 'fullName', headerName: t('waves.members.fullName'), flex: 1, minWidth: 180 },
      {
        field: 'state',
        headerName: t('waves.members.status'),
        width: 110,
        sortable: false,
        renderCell: ({ row }) => (
          <Chip
            size="small"
            variant="outlined"
            color={STATE_COLOR[row.state]}
            label={t(`waves.members.state.${row.state}`)}
            title={row.revokedAt ? `${t('waves.members.revokedAt')} ${formatDate(row.revokedAt, locale)}` : undefined}
          />
        ),
      },
      ...(published
        ? ([
            { field: 'cardNumber', headerName: t('waves.members.card'), width: 190, renderCell: ({ value }) => (value ? mono(formatCardNumber(value as string)) : '') },
            { field: 'balance', headerName: t('waves.members.balance'), width: 120, sortable: false, align: 'right', headerAlign: 'right', valueFormatter: (v: number | null) => (v === null ? '' : formatRupiah(v)) },
          ] satisfies GridColDef<WaveMember>[])
        : []),
      { field: 'provinceCode', headerName: t('waves.members.province'), width: 170, valueFormatter: (v: string) => `${v} ${PROVINCES[v] ?? ''}` },
      { field: 'provinceRank', headerName: t('waves.members.rank'), width: 90, type: 'number', sortable: false },
      {
        field: 'employmentStatus',
        headerName: t('waves.members.employment'),
        width: 140,
        valueFormatter: (v: string) => t(`applicants.employment.${v}` as 'applicants.employment.employed', { defaultValue: v }),
      },
      { field: 'nik', headerName: t('waves.members.nik'), width: 170, sortable: false, renderCell: ({ value }) => (value ? mono(value as string) : '') },
      { field: 'key', headerName: t('waves.members.key'), width: 170, sortable: false, renderCell: ({ value }) => mono(String(value)) },
    ],
    [t, locale, published],
  );

  return (
    <Paper variant="outlined" component="section" aria-labelledby="members-title" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 560 }}>
      <Typography id="members-title" variant="h2" component="h2">
        {published ? t('waves.members.title') : t('waves.members.titleSelected')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SearchField label={t('waves.members.search')} value={state.query.filters.q ?? ''} onChange={(v) => state.setFilter('q', v)} width={380} />
        <TextField select label={t('waves.members.province')} value={state.query.filters.provinceCode ?? ''} onChange={(e) => state.setFilter('provinceCode', e.target.value)} sx={{ width: 240 }}>
          <MenuItem value="">{t('waves.members.allProvinces')}</MenuItem>
          {provinces.map(([code]) => (
            <MenuItem key={code} value={code}>
              {code} {PROVINCES[code]}
            </MenuItem>
          ))}
        </TextField>
        {published && (
          <TextField select label={t('waves.members.status')} value={state.query.filters.state ?? ''} onChange={(e) => state.setFilter('state', e.target.value)} sx={{ width: 180 }}>
            <MenuItem value="">{t('waves.members.allStates')}</MenuItem>
            {STATES.filter((s) => s !== 'selected').map((s) => (
              <MenuItem key={s} value={s}>
                {t(`waves.members.state.${s}`)}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Box>
      <ServerDataTable<WaveMember, (typeof FILTERS)[number]>
        id={`wave-${wave.number}-members-${published ? "published" : "selected"}`}
        label={t('waves.members.label')}
        columns={columns}
        state={state}
        getRowId={(r) => r.seq}
        initialHidden={['key', 'nik']}
        fetchPage={(q) =>
          api.call('waves.members', {
            number: wave.number,
            page: q.page,
            pageSize: q.pageSize,
            sortDir: q.sortDir,
            ...(q.sortField ? { sortField: q.sortField } : {}),
            ...(q.filters.provinceCode ? { provinceCode: q.filters.provinceCode } : {}),
            ...(q.filters.state ? { state: q.filters.state as WaveMember['state'] } : {}),
            ...(q.filters.q ? { q: q.filters.q } : {}),
          })
        }
      />
    </Paper>
  );
}
