import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/api/contract';
import type { SessionUser } from '../../../shared/api/auth';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/system';
import { api, onUnauthorized } from '../api';
import { applyLocale } from '../i18n';
import { tokenStore } from './token-store';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice: string | null }
  | { status: 'authenticated'; user: SessionUser };

interface SessionValue {
  state: SessionState;
  /** The logged-in user; only call inside authenticated routes. */
  user: SessionUser;
  signIn(result: OutputOf<'auth.login'>): void;
  signOut(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => (tokenStore.get() ? { status: 'loading' } : { status: 'anonymous', notice: null }));
  const queryClient = useQueryClient();
  const { t } = useTranslation();

  const drop = useCallback(
    (notice: string | null) => {
      tokenStore.clear();
      queryClient.clear();
      setState({ status: 'anonymous', notice });
    },
    [queryClient],
  );

  // A reload keeps the session: ask the core who the stored token belongs to.
  useEffect(() => {
    if (!tokenStore.get()) return;
    api
      .call('auth.me', {})
      .then((user) => {
        applyLocale(user.locale);
        setState({ status: 'authenticated', user });
      })
      .catch((err: unknown) => drop(err instanceof ApiError && err.code !== 'UNAUTHORIZED' ? err.message : t('auth.sessionEnded')));
    // Runs once on start only.
  }, []);

  useEffect(() => onUnauthorized(() => drop(t('auth.sessionEnded'))), [drop, t]);

  const signIn = useCallback((result: OutputOf<'auth.login'>) => {
    tokenStore.set(result.token);
    applyLocale(result.user.locale);
    setState({ status: 'authenticated', user: result.user });
  }, []);

  const signOut = useCallback(async () => {
    await api.call('auth.logout', {}).catch(() => undefined);
    drop(t('auth.loggedOut'));
  }, [drop, t]);

  const setLocale = useCallback(async (locale: Locale) => {
    applyLocale(locale);
    setState((s) => (s.status === 'authenticated' ? { status: 'authenticated', user: { ...s.user, locale } } : s));
    if (tokenStore.get()) await api.call('auth.setLocale', { locale });
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      get user() {
        if (state.status !== 'authenticated') throw new Error('no session');
        return state.user;
      },
      signIn,
      signOut,
      setLocale,
    }),
    [state, signIn, signOut, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
