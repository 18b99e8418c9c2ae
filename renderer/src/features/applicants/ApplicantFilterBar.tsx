import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, GENDERS } from '../../../../shared/applicant-values';
import { REASON_CODES } from '../../../../shared/eligibility/reasons';
import { AGE_BANDS, PROVINCE_OPTIONS, regencyOptions, SCREENING_STATUSES, type ApplicantUrlFilter } from './filters';
import { MONO } from './format';

type Applied = Partial<Record<ApplicantUrlFilter, string>>;
interface Option {
  code: string;
  name: string;
}

/** Province, regency, sex, age band, employment, education and registration dates; each applies at once and lives in the URL. */
export function ApplicantFilterBar({ applied, onChange }: { applied: Applied; onChange(values: Applied): void }) {
  const { t } = useTranslation();
  const set = (patch: Applied) => onChange({ ...applied, ...patch });
  const regencies = useMemo(() => regencyOptions(applied.provinceCode), [applied.provinceCode]);
  const province = PROVINCE_OPTIONS.find((p) => p.code === applied.provinceCode) ?? null;
  const regency = regencies.find((r) => r.code === applied.regencyCode) ?? null;
  const badRange = !!applied.registeredFrom && !!applied.registeredTo && applied.registeredTo < applied.registeredFrom;
  const anyFilter = Object.entries(applied).some(([k, v]) => k !== 'q' && v);

  const select = (key: ApplicantUrlFilter, label: string, width: number, options: { value: string; label: string }[]) => (
    <TextField select label={label} value={applied[key] ?? ''} onChange={(e) => set({ [key]: e.target.value || undefined })} sx={{ width }} fullWidth={false}>
      <MenuItem value="">
        <em>{t('applicants.filters.all')}</em>
      </MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
  const region = (label: string, width: number, options: Option[], value: Option | null, onPick: (o: Option | null) => void, disabled = false) => (
    <Autocomplete<Option>
      options={options}
      value={value}
      disabled={disabled}
      onChange={(_, o) => onPick(o)}
      getOptionLabel={(o) => o.name}
      renderOption={(props, o) => (
        <li {...props} key={o.code}>
          <Box component="span" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums', mr: 1 }}>{o.code}</Box>
          {o.name}
        </li>
      )}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      sx={{ width }}
      renderInput={(params) => <TextField {...params} label={label} placeholder={t('applicants.filters.all')} />}
    />
  );
  const date = (key: 'registeredFrom' | 'registeredTo', label: string) => (
    <TextField
      type="date"
      label={label}
      value={applied[key] ?? ''}
      onChange={(e) => {
        const v = e.target.value;
        if (!v || /^\d{4}-\d{2}-\d{2}$/.test(v)) set({ [key]: v || undefined });
      }}
      error={badRange && key === 'registeredTo'}
      helperText={badRange && key === 'registeredTo' ? t('applicants.filters.badRange') : undefined}
      sx={{ width: 165 }}
      fullWidth={false}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <Box role="search" aria-label={t('applicants.filters.label')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start', mb: 1.5 }}>
      {region(t('applicants.filters.province'), 220, PROVINCE_OPTIONS, province, (o) => set({ provinceCode: o?.code, regencyCode: undefined }))}
      {region(t('applicants.filters.regency'), 240, regencies, regency, (o) => set({ regencyCode: o?.code }), !province)}
      {select('gender', t('applicants.filters.gender'), 140, GENDERS.map((g) => ({ value: g, label: t(`applicants.gender.${g}`) })))}
      {select(
        'age',
        t('applicants.filters.age'),
        160,
        AGE_BANDS.map((b) => ({
          value: b.key,
          label:
            b.min === undefined
              ? t('applicants.filters.ageUnder', { max: (b.max ?? 0) + 1 })
              : b.max === undefined
                ? t('applicants.filters.ageOver', { min: b.min })
                : t('applicants.filters.ageRange', { min: b.min, max: b.max }),
        })),
      )}
      {select('employmentStatus', t('applicants.filters.employment'), 180, EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: t(`applicants.employment.${s}`) })))}
      {select('education', t('applicants.filters.education'), 130, EDUCATION_LEVELS.map((e) => ({ value: e, label: e })))}
      {select('screeningStatus', t('applicants.filters.screeningStatus'), 170, SCREENING_STATUSES.map((s) => ({ value: s, label: t(`screening.status.${s}`) })))}
      <TextField
        select
        label={t('applicants.filters.screeningReason')}
        value={applied.screeningReason ?? ''}
        onChange={(e) => set({ screeningReason: e.target.value || undefined })}
        sx={{ width: 260 }}
        fullWidth={false}
        slotProps={{ select: { renderValue: (v) => (v ? t(`screening.reasons.${v as 'EXCLUDED'}`) : <em>{t('applicants.filters.all')}</em>), displayEmpty: !!applied.screeningReason } }}
      >
        <MenuItem value="">
          <em>{t('applicants.filters.all')}</em>
        </MenuItem>
        {REASON_CODES.map((code) => (
          <MenuItem key={code} value={code} sx={{ display: 'flex', gap: 1 }}>
            <span>{t(`screening.reasons.${code}`)}</span>
            <Box component="code" sx={{ ...MONO, fontSize: 12, color: 'text.secondary', ml: 'auto' }}>{code}</Box>
          </MenuItem>
        ))}
      </TextField>
      {date('registeredFrom', t('applicants.filters.from'))}
      {date('registeredTo', t('applicants.filters.to'))}
      <Button
        startIcon={<FilterAltOffOutlined />}
        disabled={!anyFilter}
        onClick={() => onChange({ q: applied.q })}
        sx={{ mt: 0.5 }}
      >
        {t('applicants.filters.clear')}
      </Button>
    </Box>
  );
}
