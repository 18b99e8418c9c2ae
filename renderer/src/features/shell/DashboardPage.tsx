import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { AREAS, canSee } from './nav';

/** Until the dashboard's charts arrive: a greeting and a tile per area the user can open. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useSession().user;
  const areas = AREAS.filter((a) => a.key !== 'dashboard' && canSee(a, user.role));
  return (
    <>
      <PageHeader title={t('dashboard.greeting', { name: user.displayName })} subtitle={`${t('dashboard.roleLine', { role: t(`roles.${user.role}`) })} ${t('dashboard.intro')}`} />
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}>
        {areas.map(({ key, path, icon: Icon, comingSoon }) => (
          <Card key={key} variant="outlined">
            <CardActionArea component={RouterLink} to={path} sx={{ p: 2, height: '100%', display: 'flex', gap: 1.5, justifyContent: 'flex-start', alignItems: 'flex-start' }}>
              <Icon color="primary" />
              <div>
                <Typography sx={{ fontWeight: 600 }}>{t(`nav.${key}`)}</Typography>
                {comingSoon && (
                  <Typography variant="caption" color="text.secondary">
                    {t('comingSoon.title')}
                  </Typography>
                )}
              </div>
            </CardActionArea>
          </Card>
        ))}
      </Box>
    </>
  );
}
