import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';

export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity={forbidden ? 'warning' : 'info'}
      action={
        <Button color="inherit" component={RouterLink} to="/">
          {t('errors.backHome')}
        </Button>
      }
    >
      {forbidden ? t('errors.forbiddenPage') : t('errors.notFound')}
    </Alert>
  );
}
