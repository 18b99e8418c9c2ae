/**
 * The calendar rules of waves (DESIGN 3.3). Dates are `YYYY-MM-DD` in Asia/Jakarta (UTC+7, no
 * daylight saving); instants are stored as UTC `YYYY-MM-DDTHH:MM:SS.sssZ`, so comparing them as
 * strings compares the instants.
 */

/** Days a participant has, from the wave's publication date, to make a first purchase. */
export const PURCHASE_WINDOW_DAYS = 30;

function utcMidnight(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** date + days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The last instant of a Jakarta calendar day, as stored: 23:59:59.999 WIB is 16:59:59.999Z of the
 * same date. "Registered on or before the close date" is `registered_at <= endOfJakartaDay(close)`.
 */
export function endOfJakartaDay(date: string): string {
  utcMidnight(date);
  return `${date}T16:59:59.999Z`;
}

/** The Jakarta calendar date of an instant. */
export function jakartaDate(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The last day a participant may make a first purchase: publication date + 30 days. */
export function purchaseDeadline(publishedOn: string): string {
  return addDays(publishedOn, PURCHASE_WINDOW_DAYS);
}

/** The day a revocation takes effect: the day after the deadline. */
export function revocationDate(publishedOn: string): string {
  return addDays(publishedOn, PURCHASE_WINDOW_DAYS + 1);
}
