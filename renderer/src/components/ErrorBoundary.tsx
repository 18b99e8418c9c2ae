import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback() {
  const { t } = useTranslation();
  return (
    <Box sx={{ p: 3, maxWidth: 640 }}>
      <Alert severity="error" action={<Button color="inherit" onClick={() => window.location.reload()}>{t('common.reload')}</Button>}>
        <AlertTitle>{t('errors.boundaryTitle')}</AlertTitle>
        {t('errors.boundaryBody')}
      </Alert>
    </Box>
  );
}

/** Catches a rendering error so one broken page does not blank the whole app. `resetKey` (the route) clears it. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean; key?: string }> {
  override state: { failed: boolean; key?: string } = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { failed: boolean; key?: string }) {
    if (props.resetKey !== state.key) return { failed: false, key: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('UI error', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
