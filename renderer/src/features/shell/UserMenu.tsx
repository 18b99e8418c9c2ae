import Check from '@mui/icons-material/Check';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import ExpandMore from '@mui/icons-material/ExpandMore';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Locale } from '../../../../shared/api/system';
import { useNotify } from '../../components/Notifications';
import { useSession } from '../../session/SessionProvider';
import { useThemeMode } from '../../theme/ThemeModeProvider';
import { ChangePasswordDialog } from './ChangePasswordDialog';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const user = session.user;
  const theme = useThemeMode();
  const notify = useNotify();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  const close = () => setAnchor(null);

  const setLocale = (locale: Locale) => {
    close();
    session.setLocale(locale).catch((err: Error) => notify.error(err.message));
  };
  const logout = async () => {
    close();
    await session.signOut();
    navigate('/login', { replace: true });
  };

  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={`${t('shell.userMenu')}: ${user.displayName}`}
        endIcon={<ExpandMore />}
        sx={{ gap: 0.5, pl: 0.5 }}
      >
        <Avatar sx={{ width: 28, height: 28, fontSize: 12, bgcolor: 'primary.main', color: 'primary.contrastText' }}>{initials(user.displayName)}</Avatar>
        <Box sx={{ textAlign: 'left', display: { xs: 'none', sm: 'block' }, lineHeight: 1.15 }}>
          <Typography variant="body2" sx={{ fontWeight: 600, lineHeight: 1.2, maxWidth: 180 }} noWrap>
            {user.displayName}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1.1 }}>
            {t(`roles.${user.role}`)}
          </Typography>
        </Box>
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={close} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ px: 2, py: 1, minWidth: 240 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {user.displayName}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {user.username} · {t(`roles.${user.role}`)}
          </Typography>
        </Box>
        <Divider />
        <ListSubheader sx={{ lineHeight: '32px', bgcolor: 'transparent' }}>{t('shell.language')}</ListSubheader>
        {(['id', 'en'] as const).map((locale) => (
          <MenuItem key={locale} selected={i18n.language === locale} onClick={() => setLocale(locale)} lang={locale}>
            <ListItemIcon>{i18n.language === locale && <Check fontSize="small" />}</ListItemIcon>
            <ListItemText>{locale === 'id' ? 'Bahasa Indonesia' : 'English'}</ListItemText>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            theme.toggle();
            close();
          }}
        >
          <ListItemIcon>{theme.mode === 'light' ? <DarkModeOutlined fontSize="small" /> : <LightModeOutlined fontSize="small" />}</ListItemIcon>
          <ListItemText>{theme.mode === 'light' ? t('shell.darkMode') : t('shell.lightMode')}</ListItemText>
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            setChanging(true);
          }}
        >
          <ListItemIcon>
            <KeyOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('auth.changePassword')}</ListItemText>
        </MenuItem>
        <Divider />
        <MenuItem onClick={() => void logout()}>
          <ListItemIcon>
            <LogoutOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('shell.logout')}</ListItemText>
        </MenuItem>
      </Menu>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
