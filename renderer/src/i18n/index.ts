import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/api/system';
import { en } from './en';
import { id } from './id';

export const LOCALES: readonly Locale[] = ['id', 'en'];
const STORAGE_KEY = 'prakerja.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}

function storedLocale(): Locale {
  const v = localStorage.getItem(STORAGE_KEY);
  return v === 'en' ? 'en' : 'id';
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Applies a locale to the UI; remembered for the login page of the next visit. */
export function applyLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

export const currentLocale = (): Locale => (i18n.language === 'en' ? 'en' : 'id');

export default i18n;
