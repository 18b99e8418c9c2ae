import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { JobsProvider } from '../../jobs/JobsProvider';
import { useSession } from '../../session/SessionProvider';
import { JobIndicator } from './JobIndicator';
import { AREAS, canSee } from './nav';
import { UserMenu } from './UserMenu';

const DRAWER_WIDTH = 232;

function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const location = useLocation();
  const visible = AREAS.filter((a) => canSee(a, role));
  return (
    <Box component="nav" aria-label={t('shell.navigation')} sx={{ py: 1 }}>
      <List dense disablePadding>
        {visible.map((area) => {
          const active = area.path === '/' ? location.pathname === '/' : location.pathname.startsWith(area.path);
          const Icon = area.icon;
          return (
            <Fragment key={area.key}>
              {area.groupStart && <Divider sx={{ my: 1, mx: 2 }} />}
              <ListItemButton component={NavLink} to={area.path} selected={active} aria-current={active ? 'page' : undefined} onClick={onNavigate}>
                <ListItemIcon>
                  <Icon fontSize="small" color={active ? 'primary' : 'inherit'} />
                </ListItemIcon>
                <ListItemText primary={t(`nav.${area.key}`)} slotProps={{ primary: { noWrap: true, sx: { fontWeight: active ? 600 : 400 } } }} />
              </ListItemButton>
            </Fragment>
          );
        })}
      </List>
    </Box>
  );
}

/** Top bar, left navigation and the routed page; the job event stream lives as long as the shell. */
export function AppShell() {
  const { t } = useTranslation();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const [open, setOpen] = useState(false);
  const location = useLocation();

  return (
    <JobsProvider>
      <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
        <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 52 }}>
            {!wide && (
              <IconButton edge="start" aria-label={t('shell.openNavigation')} onClick={() => setOpen(true)}>
                <MenuIcon />
              </IconButton>
            )}
            <Typography variant="h3" component="p" color="primary" noWrap sx={{ fontWeight: 700 }}>
              {t('app.name')}
            </Typography>
            <Box sx={{ flex: 1 }} />
            <JobIndicator />
            <UserMenu />
          </Toolbar>
        </AppBar>
        <Drawer
          variant={wide ? 'permanent' : 'temporary'}
          open={wide || open}
          onClose={() => setOpen(false)}
          sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', bgcolor: 'background.paper' } }}
        >
          <Toolbar variant="dense" sx={{ minHeight: 52 }} />
          <Navigation onNavigate={() => setOpen(false)} />
        </Drawer>
        <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', height: '100vh' }}>
          <Toolbar variant="dense" sx={{ minHeight: 52, flexShrink: 0 }} />
          <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', p: { xs: 1.5, md: 2.5 }, display: 'flex', flexDirection: 'column' }}>
            <ErrorBoundary resetKey={location.pathname}>
              <Outlet />
            </ErrorBoundary>
          </Box>
        </Box>
      </Box>
    </JobsProvider>
  );
}
