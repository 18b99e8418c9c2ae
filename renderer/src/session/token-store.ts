const KEY = 'prakerja.sessionToken';

/**
 * The session token lives in sessionStorage: a reload keeps the user logged in,
 * closing the tab or window ends it (the core also expires sessions).
 */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (token: string) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};
