import { describe, expect, it } from 'vitest';
import { acceptedApplicantValues, fastApplicantCheck } from '../../../electron/core/applicants/import/fast-checks';
import { APPLICANT_COLUMNS, APPLICANT_REQUIRED, checkApplicant } from '../../../electron/core/applicants/import/row-checks';
import { matchColumns } from '../../../electron/core/applicants/import/columns';

/** The fast path may decline any row, but a row it accepts must be one checkApplicant accepts, with the same values. */
const VARIANTS: Record<string, string[]> = {
  registration_id: ['R1', ' R2 ', '', '  '],
  nik: ['3273014101900001', '', ' 3273014101900001'],
  kk: ['3273010101000001', ''],
  full_name: ['Siti Héru', ' Budi ', ''],
  birth_date: ['1990-01-31', '2000-02-29', '1900-02-29', '2001-02-29', '1990-13-01', '1990-00-10', '1990-04-31', '1990-1-01', '0000-01-01', '19900101', ' 1990-05-05', 'abcd-ef-gh', ''],
  gender: ['L', 'P', 'l', 'p', 'X', ' L', ''],
  phone: ['0812', '', ' '],
  email: ['a@b.c', ''],
  province_code: ['32', '31', '99', '3', ' 32', ''],
  regency_code: ['3273', '32.73', '3171', '9999', '327', ''],
  education: ['SMA', 'sma', 'S3', 'X', ''],
  employment_status: ['unemployed', 'Laid_Off', 'micro_business', 'retired', ''],
  registered_at: [
    '2026-05-03T08:15:00+07:00', '2026-05-03T01:15:00Z', '2026-05-03T06:59:59+07:00', '2026-05-03T07:00:00+07:00',
    '2026-05-03 23:59:59', '2026-05-03T23:59:59-05:00', '2026-05-03T00:00:00+14:00', '2026-05-03T00:00:00+15:00',
    '2026-05-03T00:00:00+07:60', '2026-05-03T24:00:00Z', '2026-05-03T12:60:00Z', '2026-05-03T12:00:60Z', '2026-02-30T12:00:00Z',
    '2026-05-03T08:15:00.123+07:00', '2026-05-03T08:15+07:00', '2026-05-03', '0999-05-03T08:15:00Z', '2026-05-03T08:15:00+0700',
    '2026-05-03T08:15:00+07', '2026-05-03X08:15:00Z', '2024-03-01T03:00:00+07:00', '2026-01-01T03:00:00+07:00',
    '2026-12-31T23:00:00-02:00', '2026-02-28T23:30:00-01:00', '2024-02-28T23:30:00-01:00', '1000-01-01T03:00:00+07:00', '',
  ],
  test_score: ['85', '0', '100', '101', '085', '+85', '85.0', '-1', 'x', '1000', ''],
};

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('fastApplicantCheck', () => {
  for (const order of ['canonical', 'shuffled'] as const) {
    it(`accepts only what checkApplicant accepts, with the same values (${order} columns)`, () => {
      const rand = rng(order === 'canonical' ? 1 : 2);
      const header: string[] = [...APPLICANT_COLUMNS];
      if (order === 'shuffled') header.reverse().splice(3, 0, 'extra');
      const indexes = matchColumns(header, APPLICANT_COLUMNS, APPLICANT_REQUIRED).indexes;
      const fast = fastApplicantCheck(indexes);
      const again = acceptedApplicantValues(indexes);
      let accepted = 0;
      for (let n = 0; n < 20_000; n++) {
        // Mostly valid rows with one or two odd values, so both paths are exercised.
        const values = header.map((col) => {
          const v = VARIANTS[col];
          if (!v) return 'ignored';
          return rand() < 0.85 ? v[0]! : v[Math.floor(rand() * v.length)]!;
        });
        const quick = fast(values);
        if (quick === null) continue;
        accepted++;
        expect(quick).toEqual(checkApplicant(values, 2, indexes));
        // The writing thread's reading of an accepted line gives the same values.
        expect(again(values)).toEqual(quick);
      }
      expect(accepted).toBeGreaterThan(1000);
    });
  }

  it('takes the fast path for the canonical spellings', () => {
    const indexes = matchColumns([...APPLICANT_COLUMNS], APPLICANT_COLUMNS, APPLICANT_REQUIRED).indexes;
    const row = (at: string) => ['R1', '3273014101900001', '3273010101000001', 'Siti', '1990-01-31', 'P', '', '', '32', '3273', 'SMA', 'unemployed', at, ''];
    for (const at of ['2026-05-03T08:15:00+07:00', '2026-05-03T01:15:00Z', '2026-05-03T08:15:00']) {
      expect(fastApplicantCheck(indexes)(row(at))?.[12]).toBe('2026-05-03T01:15:00.000Z');
    }
    // A Jakarta time before 07:00 is the previous UTC day, across a month and a year too.
    expect(fastApplicantCheck(indexes)(row('2026-05-03T06:15:00+07:00'))?.[12]).toBe('2026-05-02T23:15:00.000Z');
    expect(fastApplicantCheck(indexes)(row('2026-03-01T00:00:00'))?.[12]).toBe('2026-02-28T17:00:00.000Z');
    expect(fastApplicantCheck(indexes)(row('2026-01-01T03:00:00+07:00'))?.[12]).toBe('2025-12-31T20:00:00.000Z');
  });
});
