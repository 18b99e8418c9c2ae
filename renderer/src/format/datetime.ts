import type { Locale } from '../../../shared/api/system';

/** Times are stored in UTC and always shown in Asia/Jakarta (WIB), whatever the PC's own time zone. */
export const TIME_ZONE = 'Asia/Jakarta';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, kind: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    const tag = locale === 'en' ? 'en-GB' : 'id-ID';
    f = new Intl.DateTimeFormat(tag, {
      timeZone: TIME_ZONE,
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      ...(kind === 'dateTime' ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/** `12 Mei 2026 14.05.09` (id) or `12 May 2026, 14:05:09` (en), in WIB. Empty input gives ''. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter(locale, 'dateTime').format(d);
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  return Number.isNaN(d.getTime()) ? iso : formatter(locale, 'date').format(d);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID').format(n);
}
