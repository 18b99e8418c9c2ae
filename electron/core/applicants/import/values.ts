/** Checks for single values of an imported file (DESIGN 4). Each returns the stored form, or null when the value cannot be stored as what it is. */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const JAKARTA_OFFSET_MIN = 7 * 60;

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** A real `YYYY-MM-DD` date. */
export function parseDate(v: string): string | null {
  const m = DATE_RE.exec(v);
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  return v;
}

/**
 * An ISO 8601 timestamp as the UTC instant `YYYY-MM-DDTHH:MM:SS.sssZ`. Without an offset it is
 * Asia/Jakarta time (UTC+7, no daylight saving); a date alone is midnight in Jakarta.
 */
export function parseTimestamp(v: string): string | null {
  const m = TIMESTAMP_RE.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!realDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  let offset = JAKARTA_OFFSET_MIN;
  const zone = m[8];
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 14 || om > 59) return null;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const instant = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000;
  // Date.UTC treats years 0–99 as 1900+; such registration times are not real anyway.
  if (y < 1000) return null;
  return new Date(instant).toISOString();
}

/** A whole number in [min, max], written plainly (`85`, `+85` and `85.0` are not accepted as different numbers). */
export function parseInteger(v: string, min: number, max: number): number | null {
  if (!/^[+-]?\d+(\.0+)?$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** The normalized name of a header cell: case, surrounding spaces, spaces and hyphens inside do not matter. */
export function headerKey(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}
