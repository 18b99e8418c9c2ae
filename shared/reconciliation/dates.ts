const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const JAKARTA_OFFSET_MINUTES = 7 * 60;
const STORED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The Asia/Jakarta calendar date of an ISO date or timestamp. A timestamp without an offset is
 * already Jakarta time (DESIGN 4); one with `Z` or an offset is moved to UTC+7 (Jakarta has no DST).
 */
export function jakartaDate(value: string): string {
  // Fast path for the stored form (`toISOString()`: YYYY-MM-DDTHH:MM:SS.sssZ), a third of reconciling's
  // time otherwise: before 17:00 UTC the Jakarta date is the UTC date.
  if (value.length === 24 && STORED.test(value) && (value.charCodeAt(11) - 48) * 10 + (value.charCodeAt(12) - 48) < 17) return value.slice(0, 10);
  const m = ISO.exec(value.trim());
  if (!m) throw new RangeError(`not an ISO date or timestamp: ${value}`);
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const zone = m[7];
  if (!zone) return date;
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * (zone[0] === '-' ? -1 : 1);
  }
  const utcMinutes = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) / 60000 - offset;
  return new Date((utcMinutes + JAKARTA_OFFSET_MINUTES) * 60000).toISOString().slice(0, 10);
}
