/** Civil-date arithmetic on day numbers (days since 1970-01-01, UTC): no clock, no time zone. */
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

export const DAY_MS = 86_400_000;

// Integer algorithms (H. Hinnant, "chrono-compatible low-level date algorithms"): no Date objects on the hot path.
export function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(day: number): CivilDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

export function formatDate(c: CivilDate): string {
  return `${c.y}-${pad2(c.m)}-${pad2(c.d)}`;
}

/** Parses `YYYY-MM-DD` strictly. */
export function parseDate(text: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const c = match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : null;
  if (!c || !isRealDate(c.y, c.m, c.d)) throw new Error(`Not a YYYY-MM-DD date: ${text}`);
  return c;
}

/** The same calendar day `years` earlier; 29 February falls back to the 28th. */
export function yearsBefore(c: CivilDate, years: number): CivilDate {
  const y = c.y - years;
  return { y, m: c.m, d: Math.min(c.d, daysInMonth(y, c.m)) };
}

/** A uniformly chosen birth date of someone exactly `age` years old on `ref`. */
export function birthDayNumberForAge(ref: CivilDate, age: number, u: number): number {
  const latest = yearsBefore(ref, age); // turned `age` on or before ref
  const prev = yearsBefore(ref, age + 1); // would already be age + 1 on ref
  const lo = toDayNumber(prev.y, prev.m, prev.d) + 1;
  const hi = toDayNumber(latest.y, latest.m, latest.d);
  return lo + Math.floor(u * (hi - lo + 1));
}

/** Completed years between birth and ref. */
export function ageOn(birth: CivilDate, ref: CivilDate): number {
  let age = ref.y - birth.y;
  if (ref.m < birth.m || (ref.m === birth.m && ref.d < birth.d)) age--;
  return age;
}
