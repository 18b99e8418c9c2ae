/**
 * Dates and instants as screening compares them. Calendar dates are `YYYY-MM-DD`; a date becomes
 * the integer YYYYMMDD so that comparing dates is comparing numbers.
 */

const isDigit = (c: number) => c >= 48 && c <= 57;

/** `YYYY-MM-DD` → YYYYMMDD. Checks the shape only (cheap enough for a million rows); see {@link isIsoDate}. */
export function dateKey(iso: string): number {
  const key = dateKeyIn(iso, 0, iso.length);
  if (key < 0) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return key;
}

/** {@link dateKey} of text[a, b), or -1 when it is not `YYYY-MM-DD` in shape. */
export function dateKeyIn(text: string, a: number, b: number): number {
  if (b - a !== 10 || text.charCodeAt(a + 4) !== 45 || text.charCodeAt(a + 7) !== 45) return -1;
  let key = 0;
  for (let i = a; i < b; i++) {
    if (i === a + 4 || i === a + 7) continue;
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    key = key * 10 + (c - 48);
  }
  return key;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * Completed years on `asOf` of someone born on `birthDate`, by explicit year/month/day comparison:
 * the age goes up on the day whose month and day reach the birthday's. So the 18th birthday itself
 * counts as 18, and someone born on 29 February reaches a new age on 1 March in a non-leap year
 * (28 February is still before "29 February"). This is also date-fns differenceInYears' answer.
 * Negative when born after asOf.
 */
export function ageOn(birthDate: string, asOf: string): number {
  return ageFromKeys(dateKey(birthDate), dateKey(asOf));
}

/** {@link ageOn} on YYYYMMDD keys: the difference's ten-thousands are the completed years. */
export function ageFromKeys(birthKey: number, asOfKey: number): number {
  return Math.floor((asOfKey - birthKey) / 10000);
}

const JAKARTA_OFFSET_MINUTES = 7 * 60;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Epoch milliseconds of a registered_at value: a number is taken as epoch ms; a string is ISO 8601,
 * and without an offset it is Asia/Jakarta time (DESIGN 4). So `2026-05-03T01:15:00Z` and
 * `2026-05-03T08:15:00+07:00` are the same instant. Fractions beyond milliseconds are dropped.
 */
export function instantMs(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not an instant: ${value}`);
    return value;
  }
  // The core's canonical form (UTC, milliseconds); Date.parse reads it exactly and fast.
  if (value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && value.charCodeAt(10) === 84 /* T */) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  const m = ISO_INSTANT.exec(value.trim());
  if (!m) throw new RangeError(`not an ISO 8601 instant: ${value}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  let offsetMinutes = JAKARTA_OFFSET_MINUTES;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    offsetMinutes = zone[0] === '-' ? -minutes : minutes;
  } else if (zone) {
    offsetMinutes = 0;
  }
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  return local - offsetMinutes * 60_000;
}
