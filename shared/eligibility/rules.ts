/**
 * The rules of DESIGN 3.2 that look at one registration, one exclusion entry or one participant.
 * The rules over the whole register (DUPLICATE_NIK, KK_LIMIT) live in the engine, which uses these.
 */
import { parseNik, type NikInfo, type NikProblem } from '../nik';
import { PROVINCES } from '../regions/provinces';
import { ageFromKeys, dateKey } from './dates';

export const MIN_AGE = 18;
/** The program's age range is 18–64: 65 on the reference date is too old. */
export const MAX_AGE_EXCLUSIVE = 65;

export type NikMismatchField = 'day' | 'month' | 'year' | 'sex';
export const NIK_MISMATCH_FIELDS: readonly NikMismatchField[] = ['day', 'month', 'year', 'sex'];

/** Bits of {@link NIK_MISMATCH_FIELDS}: bit i for field i. */
export type MismatchBits = number;

export function mismatchFields(bits: MismatchBits): NikMismatchField[] {
  return NIK_MISMATCH_FIELDS.filter((_, i) => bits & (1 << i));
}

const sameChars = (a: string, b: string, from: number, to: number) => {
  for (let i = from; i < to; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
};

/**
 * NIK_MISMATCH for a valid NIK: which of its day, month, two-digit year and sex disagree with the
 * stated birth_date (`YYYY-MM-DD`) and gender. Only the two-digit year is compared: the NIK's
 * century is itself inferred (DESIGN 3.1), so it can neither confirm nor contradict the stated one.
 */
export function nikMismatchBits(info: NikInfo, birthDate: string, gender: string): MismatchBits {
  const nikDate = info.birthDate;
  let bits = 0;
  if (!sameChars(nikDate, birthDate, 8, 10)) bits |= 1;
  if (!sameChars(nikDate, birthDate, 5, 7)) bits |= 2;
  if (!sameChars(nikDate, birthDate, 2, 4)) bits |= 4;
  if (info.sex !== gender) bits |= 8;
  return bits;
}

/** {@link nikVerdict} at or above this: NIK_INVALID, the problem being `NIK_PROBLEM_ORDER[verdict - NIK_INVALID_VERDICT]`. */
export const NIK_INVALID_VERDICT = 16;
export const NIK_PROBLEM_ORDER: readonly NikProblem[] = ['FORMAT', 'PROVINCE', 'DATE', 'SERIAL'];

const REAL_PROVINCE = new Uint8Array(100);
for (const code of Object.keys(PROVINCES)) if (/^\d{2}$/.test(code)) REAL_PROVINCE[Number(code)] = 1;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/**
 * What {@link checkNik} says, as one small number and without building anything (screening asks it a
 * million times): below {@link NIK_INVALID_VERDICT}, a valid NIK with its {@link MismatchBits} (0 when
 * it agrees with the stated birth date and gender); from it up, NIK_INVALID with its problem.
 * `asOf` is the reference date as [year, month, day]. A NIK that is not exactly sixteen ASCII digits
 * (surrounding spaces included) takes parseNik's own path, so the two can never disagree.
 */
export function nikVerdict(nik: string, birthDate: string, gender: string, asOf: readonly [number, number, number]): number {
  if (nik.length !== 16) return slowVerdict(nik, birthDate, gender, asOf);
  return verdictAt(nik, 0, birthDate, 0, birthDate.length, gender, asOf);
}

/**
 * {@link nikVerdict} of the NIK written at text[nikAt, nikEnd) and the birth date at
 * birthText[birthAt, birthAt + 10), which must be a `YYYY-MM-DD` date (the caller checks): what the
 * register reader asks while it cuts a chunk of the register up, without slicing strings out of it.
 */
export function nikVerdictIn(text: string, nikAt: number, nikEnd: number, birthText: string, birthAt: number, gender: string, asOf: readonly [number, number, number]): number {
  if (nikEnd - nikAt !== 16) return slowVerdict(text.slice(nikAt, nikEnd), birthText.slice(birthAt, birthAt + 10), gender, asOf);
  return verdictAt(text, nikAt, birthText, birthAt, birthAt + 10, gender, asOf);
}

/** The verdict of the 16 characters at n[na…] against the birth date b[ba, be). */
function verdictAt(n: string, na: number, b: string, ba: number, be: number, gender: string, asOf: readonly [number, number, number]): number {
  const [ry, rm, rd] = asOf;
  let digits = ry >= 1000 && ry <= 9999;
  for (let i = na; digits && i < na + 16; i++) {
    const c = n.charCodeAt(i);
    digits = c >= 48 && c <= 57;
  }
  if (!digits) return slowVerdict(n.slice(na, na + 16), b.slice(ba, be), gender, asOf);
  if (!REAL_PROVINCE[digit(n, na) * 10 + digit(n, na + 1)]) return NIK_INVALID_VERDICT + 1;
  const rawDay = digit(n, na + 6) * 10 + digit(n, na + 7);
  const month = digit(n, na + 8) * 10 + digit(n, na + 9);
  const yy = digit(n, na + 10) * 10 + digit(n, na + 11);
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  // The century as parseNik infers it (DESIGN 3.1): the latest year ending in yy whose birthday is not after asOf.
  let year = ry - ((((ry - yy) % 100) + 100) % 100);
  if (month * 100 + day > rm * 100 + rd && year === ry) year -= 100;
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month]!)) return NIK_INVALID_VERDICT + 2;
  if (digit(n, na + 12) === 0 && digit(n, na + 13) === 0 && digit(n, na + 14) === 0 && digit(n, na + 15) === 0) return NIK_INVALID_VERDICT + 3;
  // nikMismatchBits compares the NIK's date written YYYY-MM-DD with the stated one, character by character.
  let bits = 0;
  if (b.charCodeAt(ba + 8) - 48 !== Math.floor(day / 10) || b.charCodeAt(ba + 9) - 48 !== day % 10) bits |= 1;
  if (b.charCodeAt(ba + 5) - 48 !== digit(n, na + 8) || b.charCodeAt(ba + 6) - 48 !== digit(n, na + 9)) bits |= 2;
  if (b.charCodeAt(ba + 2) - 48 !== Math.floor(year / 10) % 10 || b.charCodeAt(ba + 3) - 48 !== year % 10) bits |= 4;
  if ((rawDay > 40 ? 'P' : 'L') !== gender) bits |= 8;
  return bits;
}

function slowVerdict(nik: string, birthDate: string, gender: string, [y, m, d]: readonly [number, number, number]): number {
  const parsed = parseNik(nik, `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  if (!parsed.ok) return NIK_INVALID_VERDICT + NIK_PROBLEM_ORDER.indexOf(parsed.problem);
  return nikMismatchBits(parsed.info, birthDate, gender);
}

export type NikCheck =
  | { reason: 'NIK_INVALID'; problem: NikProblem }
  | { reason: 'NIK_MISMATCH'; fields: NikMismatchField[] }
  | { reason: null };

/** NIK_INVALID, or else NIK_MISMATCH, or neither, for one registration as of a date. */
export function checkNik(nik: string, birthDate: string, gender: string, asOf: string): NikCheck {
  const parsed = parseNik(nik, asOf);
  if (!parsed.ok) return { reason: 'NIK_INVALID', problem: parsed.problem };
  const bits = nikMismatchBits(parsed.info, birthDate, gender);
  return bits ? { reason: 'NIK_MISMATCH', fields: mismatchFields(bits) } : { reason: null };
}

/** UNDER_AGE: younger than 18 on asOf by the stated birth date; the 18th birthday itself is old enough. */
export function isUnderAge(birthDate: string, asOf: string): boolean {
  return ageFromKeys(dateKey(birthDate), dateKey(asOf)) < MIN_AGE;
}

/** OVER_AGE: 65 or older on asOf by the stated birth date. */
export function isOverAge(birthDate: string, asOf: string): boolean {
  return ageFromKeys(dateKey(birthDate), dateKey(asOf)) >= MAX_AGE_EXCLUSIVE;
}

export interface ExclusionWindow {
  /** `YYYY-MM-DD`; null (or empty) for an open start. */
  valid_from: string | null;
  /** `YYYY-MM-DD`; null (or empty) for an open end. */
  valid_to: string | null;
}

/**
 * An exclusion entry is active on asOf when valid_from <= asOf <= valid_to, both ends inclusive and
 * either may be open. An empty string counts as open, as an empty CSV cell would.
 */
export function isExclusionActive(entry: ExclusionWindow, asOf: string): boolean {
  const day = dateKey(asOf);
  return (!entry.valid_from || dateKey(entry.valid_from) <= day) && (!entry.valid_to || day <= dateKey(entry.valid_to));
}

export interface ParticipantDates {
  /** Publication date of the participant's wave, `YYYY-MM-DD`. */
  published_on: string;
  /** The date the revocation takes effect, `YYYY-MM-DD`; null when not revoked. */
  revoked_at: string | null;
}

/** ALREADY_PARTICIPANT: the participant's wave was published on or before asOf, revoked or not. */
export function isParticipantBy(participant: ParticipantDates, asOf: string): boolean {
  return dateKey(participant.published_on) <= dateKey(asOf);
}

/**
 * KK_LIMIT counts a participant when the wave was published on or before asOf and the revocation,
 * if any, had not taken effect by asOf (a revocation effective on asOf itself has).
 */
export function countsTowardKk(participant: ParticipantDates, asOf: string): boolean {
  return isParticipantBy(participant, asOf) && (!participant.revoked_at || dateKey(participant.revoked_at) > dateKey(asOf));
}
