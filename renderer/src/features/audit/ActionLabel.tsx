import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';

/** An audit action as a clerk reads it ("Masuk"), with the code the filter uses beside it. */
export function ActionLabel({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const key = `audit.actions.${code.replace(/\./g, '_')}`;
  const label = i18n.exists(key) ? t(key as 'audit.actions.auth_login') : null;
  return (
    <span>
      {label && <span>{label} </span>}
      <Box component="code" sx={{ color: label ? 'text.secondary' : 'text.primary', fontSize: '0.8em' }}>
        {code}
      </Box>
    </span>
  );
}
