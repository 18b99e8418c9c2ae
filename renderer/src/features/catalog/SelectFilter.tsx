import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

/** A drop-down filter whose first choice is "Semua" (no filter). */
export function SelectFilter({ label, value, onChange, options, width = 200 }: { label: string; value: string | undefined; onChange(value: string | undefined): void; options: { value: string; label: string }[]; width?: number }) {
  const { t } = useTranslation();
  return (
    <TextField select label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} sx={{ width }}>
      <MenuItem value="">
        <em>{t('catalog.all')}</em>
      </MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
