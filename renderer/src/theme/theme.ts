import { createTheme, type Theme } from '@mui/material/styles';
import { enUS, idID } from '@mui/material/locale';
import type { Locale } from '../../../shared/api/system';

export type ThemeMode = 'light' | 'dark';

const FONT = '"Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * A calm, dense back-office look: deep teal primary, muted surfaces, 14px body text,
 * small controls by default so more rows fit on screen during long working days.
 */
export function buildTheme(mode: ThemeMode, locale: Locale): Theme {
  const light = mode === 'light';
  return createTheme(
    {
      palette: {
        mode,
        primary: light ? { main: '#0f5e6b', light: '#3d8793', dark: '#0a434d', contrastText: '#ffffff' } : { main: '#5fb3bf', light: '#86c8d1', dark: '#3f8c97', contrastText: '#0b1d21' },
        secondary: light ? { main: '#4a5a7a' } : { main: '#a3b2cf' },
        background: light ? { default: '#f3f5f6', paper: '#ffffff' } : { default: '#101719', paper: '#172124' },
        text: light ? { primary: '#1c2628', secondary: '#55656a' } : { primary: '#e3eaec', secondary: '#a2b2b6' },
        divider: light ? '#dde3e5' : '#2a383c',
        error: light ? { main: '#b3261e' } : { main: '#f2b8b5' },
        success: light ? { main: '#2e7d4f' } : { main: '#7fd1a0' },
        warning: light ? { main: '#9a6700' } : { main: '#f0c36a' },
      },
      shape: { borderRadius: 6 },
      typography: {
        fontFamily: FONT,
        fontSize: 14,
        h1: { fontSize: '1.5rem', fontWeight: 600 },
        h2: { fontSize: '1.25rem', fontWeight: 600 },
        h3: { fontSize: '1.1rem', fontWeight: 600 },
        h4: { fontSize: '1rem', fontWeight: 600 },
        body1: { fontSize: '0.875rem' },
        body2: { fontSize: '0.8125rem' },
        button: { textTransform: 'none', fontWeight: 600 },
      },
      components: {
        MuiButton: { defaultProps: { size: 'small', disableElevation: true } },
        MuiIconButton: { defaultProps: { size: 'small' } },
        MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
        MuiFormControl: { defaultProps: { size: 'small' } },
        MuiSelect: { defaultProps: { size: 'small' } },
        MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
        MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { outlined: { borderColor: light ? '#dde3e5' : '#2a383c' } } },
        MuiListItemButton: { styleOverrides: { root: { borderRadius: 6, marginInline: 8, paddingBlock: 4 } } },
        MuiListItemIcon: { styleOverrides: { root: { minWidth: 34 } } },
        MuiTooltip: { defaultProps: { arrow: true } },
        MuiDialog: { defaultProps: { fullWidth: true, maxWidth: 'xs' } },
        MuiChip: { defaultProps: { size: 'small' } },
        MuiCssBaseline: {
          styleOverrides: {
            body: { fontSize: '0.875rem' },
            'pre, code': { fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace' },
          },
        },
      },
    },
    locale === 'en' ? enUS : idID,
  );
}
