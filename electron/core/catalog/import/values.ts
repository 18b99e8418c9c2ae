import type { Reject } from '../../applicants/import/row-checks';
import { parseInteger } from '../../applicants/import/values';

/** The largest Rupiah amount a file may hold (a trillion): far above any training price or invoice line. */
export const MAX_RUPIAH = 1_000_000_000_000;

export const MISSING = 'wajib diisi';
export const show = (v: string) => (v.length > 60 ? `"${v.slice(0, 57)}…"` : `"${v}"`);

/** Integer Rupiah >= 0 written plainly (`1500000`); `1.500.000` and `Rp1.500.000` are not numbers here. */
export function parseRupiah(v: string): number | null {
  return parseInteger(v, 0, MAX_RUPIAH);
}
export const badRupiah = (v: string) => `${show(v)} bukan jumlah Rupiah bilangan bulat >= 0 (tulis tanpa pemisah ribuan, contoh 1500000)`;

/** A decimal number >= 0, with a point or a comma as the decimal separator (`12.5`, `12,5`). */
export function parseHours(v: string): number | null {
  if (!/^\d+([.,]\d+)?$/.test(v)) return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) && n <= 100_000 ? n : null;
}

/** Reads a row's cells by column name, trimmed; an absent column reads as empty. */
export function rowReader(values: string[], indexes: Record<string, number>) {
  return (col: string) => {
    const i = indexes[col] ?? -1;
    return i < 0 ? '' : (values[i] ?? '').trim();
  };
}

/**
 * Collects a row's rejects: `required` reads a value and rejects it when empty; `parsed` reads a required
 * value and parses it, rejecting it with `why` when it does not parse; `rupiah` is parsed for an amount.
 */
export function rowRejects(row: number, get: (col: string) => string) {
  const rejects: Reject[] = [];
  const reject = (column: string, reason: string, value: string | null) => void rejects.push({ row, column, reason, value });
  const required = (col: string) => {
    const v = get(col);
    if (v === '') reject(col, MISSING, null);
    return v;
  };
  const parsed = <T>(col: string, parse: (v: string) => T | null, why: (v: string) => string): T | null => {
    const raw = required(col);
    if (raw === '') return null;
    const v = parse(raw);
    if (v === null) reject(col, why(raw), raw);
    return v;
  };
  return { rejects, reject, required, parsed, rupiah: (col: string) => parsed(col, parseRupiah, badRupiah) };
}

/** The key fields of an ImportSpec whose rows are keyed by one column. */
export function keyedBy<V>(column: string, of: (v: V) => string) {
  return { keyOf: of, keyColumn: column, keyName: column, keyValue: of };
}
