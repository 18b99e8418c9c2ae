import ConstructionOutlined from '@mui/icons-material/ConstructionOutlined';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import type { AreaKey } from './nav';

export function ComingSoonPage({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  const name = t(`nav.${area}`);
  return (
    <>
      <PageHeader title={name} />
      <Paper variant="outlined" sx={{ p: 5, display: 'grid', placeItems: 'center', textAlign: 'center' }}>
        <Box sx={{ maxWidth: 440 }}>
          <ConstructionOutlined sx={{ fontSize: 40, color: 'text.secondary', mb: 1 }} aria-hidden />
          <Typography variant="h2" component="p" sx={{ mb: 1 }}>
            {t('comingSoon.title')}
          </Typography>
          <Typography color="text.secondary">{t('comingSoon.body', { area: name })}</Typography>
        </Box>
      </Paper>
    </>
  );
}
