import { daysInMonth, type CivilDate } from './calendar';
import type { Rng } from './prng';
import type { Sex } from './names';

/** Builds NIKs and KK numbers (DESIGN 3.1: PPKKCC DDMMYY SSSS), right or deliberately wrong. */

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const pad4 = (n: number) => (n < 10 ? '000' : n < 100 ? '00' : n < 1000 ? '0' : '') + n;

export function encodeNik(district: string, birth: CivilDate, sex: Sex, serial: number): string {
  return district + pad2(birth.d + (sex === 'P' ? 40 : 0)) + pad2(birth.m) + pad2(birth.y % 100) + pad4(serial);
}

export type InvalidNikKind = 'nik_bad_province' | 'nik_zero_serial' | 'nik_bad_date' | 'nik_wrong_length';

/** A NIK that fails 3.1 in the given way; the rest of it stays plausible. */
export function invalidNik(rng: Rng, kind: InvalidNikKind, valid: string, sex: Sex, nonProvinceCodes: readonly string[]): string {
  switch (kind) {
    case 'nik_bad_province':
      return rng.pick(nonProvinceCodes) + valid.slice(2);
    case 'nik_zero_serial':
      return valid.slice(0, 12) + '0000';
    case 'nik_wrong_length':
      return rng.chance(0.5) ? valid.slice(0, 15) : valid + rng.int(10);
    case 'nik_bad_date':
      return valid.slice(0, 6) + impossibleDayMonth(rng, sex) + valid.slice(10);
  }
}

function impossibleDayMonth(rng: Rng, sex: Sex): string {
  const offset = sex === 'P' ? 40 : 0;
  const choice = rng.int(4);
  if (choice === 0) return pad2(rng.between(32, 39) + offset) + pad2(rng.between(1, 12)); // no such day
  if (choice === 1) return pad2(rng.between(1, 28) + offset) + pad2(rng.pick([0, 13, 14, 19, 20])); // no such month
  if (choice === 2) return pad2(offset) + pad2(rng.between(1, 12)); // day 00 (40 for women)
  const month = rng.pick([2, 4, 6, 9, 11]);
  return pad2((month === 2 ? rng.between(30, 31) : 31) + offset) + pad2(month); // 31 April, 30 February…
}

/** A valid birth date near the real one whose day, month or two-digit year differs. */
export function mismatchedBirth(rng: Rng, real: CivilDate): CivilDate {
  const choice = rng.int(3);
  if (choice === 0 && real.d <= 12 && real.d !== real.m) return { y: real.y, m: real.d, d: real.m }; // day and month swapped
  if (choice === 1) {
    const y = real.y + (rng.chance(0.5) ? 1 : -1);
    return { y, m: real.m, d: Math.min(real.d, daysInMonth(y, real.m)) };
  }
  const max = daysInMonth(real.y, real.m);
  const d = ((real.d - 1 + rng.between(1, max - 1)) % max) + 1;
  return { y: real.y, m: real.m, d };
}
