import { describe, expect, it } from 'vitest';
import { createRng } from '../../../electron/core/demo/prng';
import { NIK_INVALID_VERDICT, NIK_PROBLEM_ORDER, checkNik, mismatchFields, nikVerdict, nikVerdictIn } from '../../../shared/eligibility/rules';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** nikVerdict read back into checkNik's terms. */
function asCheck(verdict: number) {
  if (verdict >= NIK_INVALID_VERDICT) return { reason: 'NIK_INVALID', problem: NIK_PROBLEM_ORDER[verdict - NIK_INVALID_VERDICT] };
  return verdict ? { reason: 'NIK_MISMATCH', fields: mismatchFields(verdict) } : { reason: null };
}

describe('nikVerdict (screening fast path)', () => {
  it('agrees with checkNik on hand-picked NIKs', () => {
    const asOf = '2026-05-10';
    const cases: [string, string, string][] = [
      ['3273010101900001', '1990-01-01', 'L'], // valid, agrees
      ['3273014101900001', '1990-01-01', 'P'], // woman: day + 40
      ['3273014101900001', '1990-01-01', 'L'], // sex disagrees
      ['3273010101900001', '1991-02-03', 'L'], // day, month, year disagree
      ['9973010101900001', '1990-01-01', 'L'], // no such province
      ['3273013102900001', '1990-02-31', 'L'], // 31 February
      ['3273012902000001', '2000-02-29', 'L'], // 2000 is a leap year
      ['3273010101900000', '1990-01-01', 'L'], // serial 0000
      ['32730101019000O1', '1990-01-01', 'L'], // a letter
      [' 3273010101900001', '1990-01-01', 'L'], // spaces around are trimmed, as parseNik does
      ['327301010190001', '1990-01-01', 'L'], // 15 digits
      ['3273010101900001', '', 'L'], // no stated birth date to agree with
    ];
    for (const [nik, birth, gender] of cases) expect(asCheck(nikVerdict(nik, birth, gender, parts(asOf))), nik).toEqual(checkNik(nik, birth, gender, asOf));
  });

  it('agrees with checkNik on 200,000 generated NIKs around every edge (centuries, 29 February, provinces, serials), also read in place in a row of text', () => {
    const rng = createRng('nik-verdict');
    const references = ['2026-05-10', '2000-02-28', '2000-02-29', '2001-03-01', '1999-12-31', '2024-02-29', '2100-03-01'];
    let invalid = 0;
    let mismatched = 0;
    for (let i = 0; i < 200_000; i++) {
      const asOf = rng.pick(references);
      const day = rng.between(0, 72);
      const month = rng.between(0, 13);
      const yy = rng.between(0, 99);
      const serial = rng.chance(0.05) ? 0 : rng.between(1, 9999);
      let nik = `${pad(rng.between(0, 99))}${pad(rng.between(0, 99))}${pad(rng.between(0, 99))}${pad(day)}${pad(month)}${pad(yy)}${pad(serial, 4)}`;
      if (rng.chance(0.02)) nik = nik.slice(0, 15);
      if (rng.chance(0.02)) nik = `${nik.slice(0, 7)}x${nik.slice(8)}`;
      // The stated birth date: mostly the NIK's own, sometimes off in one part.
      const realDay = day > 40 ? day - 40 : day;
      const birthYear = rng.chance(0.5) ? 1900 + yy : 2000 + yy;
      const birth = `${pad(rng.chance(0.1) ? birthYear + 1 : birthYear, 4)}-${pad(rng.chance(0.1) ? (month % 12) + 1 : month)}-${pad(rng.chance(0.1) ? 28 - (realDay % 28) : realDay)}`;
      const gender = rng.chance(0.9) === day > 40 ? 'P' : 'L';
      const verdict = nikVerdict(nik, birth, gender, parts(asOf));
      // The same, read where the two values lie in a joined row (as the register reader reads them).
      const text = `R-1\x1f${nik}\x1f${birth}\x1f${gender}`;
      const at = text.indexOf(nik);
      const inText = nikVerdictIn(text, at, at + nik.length, text, at + nik.length + 1, gender, parts(asOf));
      if (inText !== verdict) expect(inText, `in text: ${nik} ${birth} ${gender} as of ${asOf}`).toBe(verdict);
      const fast = asCheck(verdict);
      const slow = checkNik(nik, birth, gender, asOf);
      if (JSON.stringify(fast) !== JSON.stringify(slow)) expect(fast, `${nik} ${birth} ${gender} as of ${asOf}`).toEqual(slow);
      if (slow.reason === 'NIK_INVALID') invalid++;
      if (slow.reason === 'NIK_MISMATCH') mismatched++;
    }
    // The generator reaches both verdicts often, so agreement is not only on the easy answer.
    expect(invalid).toBeGreaterThan(20_000);
    expect(mismatched).toBeGreaterThan(10_000);
  });
});
