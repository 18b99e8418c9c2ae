import type { Locale } from '../../../../shared/api/system';
import { formatRupiah } from '../../../../shared/reconciliation/money';

export { formatRupiah };

/** `Rp1.000.000`, or a dash for no amount. */
export const rupiah = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatRupiah(n));

/** `75%` / `66,7%`. */
export function percent(rate: number | null | undefined, locale: Locale): string {
  if (rate === null || rate === undefined) return '—';
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(rate * 100)}%`;
}

/** Money and counts line up in tables. */
export const NUM = { fontVariantNumeric: 'tabular-nums' } as const;

/** The grid's sort column as the API's sort field, when it is one the API sorts by. */
export function sortFieldOf<F extends string>(fields: readonly F[], sortField: string | undefined): { sortField?: F } {
  return sortField && (fields as readonly string[]).includes(sortField) ? { sortField: sortField as F } : {};
}
