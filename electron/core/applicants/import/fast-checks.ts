import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES } from '../../../../shared/applicant-values';
import { PROVINCES } from '../../../../shared/regions/provinces';
import { REGENCIES } from '../../../../shared/regions/regencies';
import { APPLICANT_COLUMNS, type ApplicantValues } from './row-checks';

/**
 * The common case of checkApplicant without its allocations: a row whose values are already in the
 * canonical form (gender `L`/`P`, upper-case education, 4-digit regency, `YYYY-MM-DD` dates, registered_at
 * as `YYYY-MM-DDTHH:MM:SS` with `Z`, `±HH:MM` or no offset) is checked with char codes and lookups and
 * its stored values built directly. Anything else — every reject, and valid but unusual spellings —
 * returns null and goes through checkApplicant, which stays the one definition of the rules; this
 * function only ever accepts rows checkApplicant accepts, with the same values.
 */
export type FastApplicantCheck = (values: string[]) => ApplicantValues | null;

// Lookups return the shared interned string, so a million rows do not each keep their own copy.
const PROVINCE = new Map(Object.keys(PROVINCES).map((k) => [k, k]));
const REGENCY_PROVINCE = new Map(Object.entries(REGENCIES).map(([k, [p]]) => [k, p]));
const REGENCY = new Map(Object.keys(REGENCIES).map((k) => [k, k]));
const EDUCATION = new Map<string, string>(EDUCATION_LEVELS.map((k) => [k, k]));
const EMPLOYMENT = new Map<string, string>(EMPLOYMENT_STATUSES.map((k) => [k, k]));

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Digits at s[i..i+n) as a number, or -1 when any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return -1; // NaN past the end too
    v = v * 10 + c;
  }
  return v;
}

/** `YYYY-MM-DD` at s[0..10) naming a real day; the year, or -1. */
function dateAt(s: string): number {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return -1;
  return d <= (m === 2 && leap(y) ? 29 : DAYS[m - 1]!) ? y : -1;
}

const p2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

const p4 = (n: number) => (n < 1000 ? String(n).padStart(4, '0') : `${n}`);

/** The calendar day `delta` (±1) from y-m-d, as `YYYY-MM-DD`; null outside years 1000–9999. */
function shiftDay(y: number, m: number, d: number, delta: number): string | null {
  d += delta;
  if (d < 1) {
    m--;
    if (m < 1) {
      m = 12;
      y--;
    }
    d = m === 2 && leap(y) ? 29 : DAYS[m - 1]!;
  } else if (d > (m === 2 && leap(y) ? 29 : DAYS[m - 1]!)) {
    d = 1;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return y < 1000 || y > 9999 ? null : `${p4(y)}-${p2(m)}-${p2(d)}`;
}

/**
 * registered_at as parseTimestamp stores it (the UTC instant, `…T…:…:….000Z`), for the forms above;
 * null sends the value to parseTimestamp.
 */
function fastTimestamp(v: string): string | null {
  const len = v.length;
  if (len !== 19 && len !== 20 && len !== 25) return null;
  if (dateAt(v) < 1000) return null;
  const t = v.charCodeAt(10);
  if ((t !== 84 && t !== 32) || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return null;
  const h = digits(v, 11, 2);
  const mi = digits(v, 14, 2);
  const s = digits(v, 17, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return null;
  let offset: number;
  if (len === 19) offset = 420;
  else if (len === 20) {
    if (v.charCodeAt(19) !== 90) return null;
    offset = 0;
  } else {
    const sign = v.charCodeAt(19);
    if ((sign !== 43 && sign !== 45) || v.charCodeAt(22) !== 58) return null;
    const oh = digits(v, 20, 2);
    const om = digits(v, 23, 2);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return null;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  }
  let minutes = h * 60 + mi - offset;
  let day = v.slice(0, 10);
  // An offset moves the instant at most one calendar day (a Jakarta time before 07:00 is the previous UTC day).
  if (minutes < 0 || minutes >= 1440) {
    const delta = minutes < 0 ? -1 : 1;
    minutes -= delta * 1440;
    const shifted = shiftDay(digits(v, 0, 4), digits(v, 5, 2), digits(v, 8, 2), delta);
    if (shifted === null) return null;
    day = shifted;
  }
  return `${day}T${p2(Math.floor(minutes / 60))}:${p2(minutes % 60)}:${v.slice(17, 19)}.000Z`;
}

type Positions = [number, number, number, number, number, number, number, number, number, number, number, number, number, number];
/** Each stored column's index in the file's fields (-1: absent), in ApplicantValues order. */
const positions = (indexes: Record<string, number>) => APPLICANT_COLUMNS.map((c) => indexes[c] ?? -1) as Positions;

/** A fast check for the file's column positions (matchColumns' indexes). */
export function fastApplicantCheck(indexes: Record<string, number>): FastApplicantCheck {
  const [iReg, iNik, iKk, iName, iBirth, iGender, iPhone, iEmail, iProv, iRegency, iEdu, iEmp, iAt, iScore] = positions(indexes);
  const opt = (values: string[], i: number) => (i < 0 ? '' : (values[i] ?? '').trim());
  return (values) => {
    const registrationId = (values[iReg] ?? '').trim();
    const nik = (values[iNik] ?? '').trim();
    const kk = (values[iKk] ?? '').trim();
    const fullName = (values[iName] ?? '').trim();
    if (registrationId === '' || nik === '' || kk === '' || fullName === '') return null;
    const birth = (values[iBirth] ?? '').trim();
    if (birth.length !== 10 || dateAt(birth) < 0) return null;
    const gender = (values[iGender] ?? '').trim();
    if (gender !== 'L' && gender !== 'P') return null;
    const province = PROVINCE.get((values[iProv] ?? '').trim());
    if (province === undefined) return null;
    const regencyRaw = (values[iRegency] ?? '').trim();
    if (REGENCY_PROVINCE.get(regencyRaw) !== province) return null;
    const regency = REGENCY.get(regencyRaw)!;
    const eduRaw = opt(values, iEdu);
    let education: string | null = null;
    if (eduRaw !== '') {
      const e = EDUCATION.get(eduRaw);
      if (e === undefined) return null;
      education = e;
    }
    const employment = EMPLOYMENT.get((values[iEmp] ?? '').trim());
    if (employment === undefined) return null;
    const registeredAt = fastTimestamp((values[iAt] ?? '').trim());
    if (registeredAt === null) return null;
    const scoreRaw = opt(values, iScore);
    let score: number | null = null;
    if (scoreRaw !== '') {
      if (scoreRaw.length > 3) return null;
      score = digits(scoreRaw, 0, scoreRaw.length);
      if (score < 0 || score > 100) return null;
    }
    const phone = opt(values, iPhone);
    const email = opt(values, iEmail);
    return [
      registrationId, nik, kk, fullName, birth, gender, phone === '' ? null : phone, email === '' ? null : email,
      province, regency, education, employment, registeredAt, score,
    ];
  };
}

/**
 * What fastApplicantCheck returns for fields it has accepted, without checking them again: the writing
 * thread's reading of a line the reading thread accepted (parse-rows). For any other fields the result is
 * meaningless.
 */
export function acceptedApplicantValues(indexes: Record<string, number>): (values: string[]) => ApplicantValues {
  const [iReg, iNik, iKk, iName, iBirth, iGender, iPhone, iEmail, iProv, iRegency, iEdu, iEmp, iAt, iScore] = positions(indexes);
  return (values) => {
    const get = (i: number) => (i < 0 ? '' : (values[i] ?? '').trim());
    const phone = get(iPhone);
    const email = get(iEmail);
    const education = get(iEdu);
    const score = get(iScore);
    return [
      get(iReg), get(iNik), get(iKk), get(iName), get(iBirth), get(iGender), phone === '' ? null : phone, email === '' ? null : email,
      get(iProv), get(iRegency), education === '' ? null : education, get(iEmp), fastTimestamp(get(iAt))!, score === '' ? null : Number(score),
    ];
  };
}
