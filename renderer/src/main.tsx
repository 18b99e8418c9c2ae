import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from '../../shared/api/errors';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NotificationsProvider } from './components/Notifications';
import './i18n';
import { SessionProvider } from './session/SessionProvider';
import { ThemeModeProvider } from './theme/ThemeModeProvider';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // Retrying cannot fix a refused or invalid request; only transient failures are retried.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.code !== 'INTERNAL'),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeModeProvider>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <NotificationsProvider>
            <SessionProvider>
              <App />
            </SessionProvider>
          </NotificationsProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </ThemeModeProvider>
  </StrictMode>,
);
