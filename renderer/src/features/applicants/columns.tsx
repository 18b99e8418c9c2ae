import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import type { TFunction } from 'i18next';
import type { ApplicantRow } from '../../../../shared/api/applicants';
import type { Locale } from '../../../../shared/api/system';
import { provinceLabel, regencyLabel } from './filters';
import { formatBirthDate, formatRegistered, MONO } from './format';
import { StatusCell } from '../screening/StatusCell';

const mono = (value: string) => <Box component="span" sx={{ ...MONO, fontSize: 13 }}>{value}</Box>;

/** Columns hidden until the user shows them with the column chooser. */
export const INITIALLY_HIDDEN = ['kk', 'phone', 'email', 'testScore', 'updatedAt'] as const;

export function applicantColumns(t: TFunction, locale: Locale): GridColDef<ApplicantRow>[] {
  const employment = (v: string) => (t(`applicants.employment.${v}` as 'applicants.employment.employed', { defaultValue: v }));
  return [
    { field: 'registrationId', headerName: t('applicants.col.registrationId'), width: 140, renderCell: ({ value }) => mono(value as string) },
    {
      field: 'screening',
      headerName: t('applicants.col.screening'),
      width: 130,
      sortable: false,
      valueGetter: () => null,
      renderCell: ({ row }) => <StatusCell screening={row.screening} />,
    },
    { field: 'nik', headerName: t('applicants.col.nik'), width: 175, renderCell: ({ value }) => mono(value as string) },
    { field: 'kk', headerName: t('applicants.col.kk'), width: 175, renderCell: ({ value }) => mono(value as string) },
    { field: 'fullName', headerName: t('applicants.col.fullName'), flex: 1, minWidth: 200 },
    { field: 'birthDate', headerName: t('applicants.col.birthDate'), width: 125, valueFormatter: (v: string) => formatBirthDate(v, locale) },
    {
      field: 'gender',
      headerName: t('applicants.col.gender'),
      width: 70,
      description: `L = ${t('applicants.gender.L')}, P = ${t('applicants.gender.P')}`,
    },
    { field: 'phone', headerName: t('applicants.col.phone'), width: 140, renderCell: ({ value }) => (value ? mono(value as string) : '') },
    { field: 'email', headerName: t('applicants.col.email'), width: 200 },
    { field: 'provinceCode', headerName: t('applicants.col.provinceCode'), width: 170, valueFormatter: (v: string) => provinceLabel(v) },
    { field: 'regencyCode', headerName: t('applicants.col.regencyCode'), width: 190, valueFormatter: (v: string) => regencyLabel(v) },
    { field: 'education', headerName: t('applicants.col.education'), width: 100, valueFormatter: (v: string | null) => v ?? '' },
    { field: 'employmentStatus', headerName: t('applicants.col.employmentStatus'), width: 150, valueFormatter: (v: string) => employment(v) },
    { field: 'registeredAt', headerName: t('applicants.col.registeredAt'), width: 165, valueFormatter: (v: string) => formatRegistered(v, locale) },
    { field: 'testScore', headerName: t('applicants.col.testScore'), width: 95, type: 'number' },
    { field: 'updatedAt', headerName: t('applicants.col.updatedAt'), width: 165, valueFormatter: (v: string) => formatRegistered(v, locale) },
  ];
}
