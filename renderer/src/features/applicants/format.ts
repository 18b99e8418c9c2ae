import type { Locale } from '../../../../shared/api/system';
import { formatDate, formatDateTime } from '../../format/datetime';

/** `03 Mei 1990`: a calendar date (no time zone shift). */
export const formatBirthDate = (iso: string | null | undefined, locale: Locale) => formatDate(iso, locale);

/** `03 Mei 2026 08.15` in WIB (seconds are noise in a register). */
export function formatRegistered(iso: string | null | undefined, locale: Locale): string {
  const full = formatDateTime(iso, locale);
  return full.replace(/([.:]\d{2})$/, '');
}

/** Whole years between a birth date and today in Asia/Jakarta. */
export function ageOn(birthDate: string, today = jakartaToday()): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** NIK and KK in a fixed-width face, so masked and full numbers line up. */
export const MONO = { fontFamily: '"JetBrains Mono", "Roboto Mono", ui-monospace, "Cascadia Mono", Consolas, monospace', fontVariantNumeric: 'tabular-nums' } as const;
