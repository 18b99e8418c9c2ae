/**
 * The rules of DESIGN 3.2 that look at one registration, one exclusion entry or one participant.
 * The rules over the whole register (DUPLICATE_NIK, KK_LIMIT) live in the engine, which uses these.
 */
import { parseNik, type NikInfo, type NikProblem } from '../nik';
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
