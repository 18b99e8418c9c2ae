import { differenceInYears } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  REASON_CODES,
  ageOn,
  checkNik,
  countsTowardKk,
  dateKey,
  instantMs,
  isExclusionActive,
  isIsoDate,
  isOverAge,
  isParticipantBy,
  isUnderAge,
  maskOf,
  maskOfField,
  reasonsField,
  reasonsOf,
} from '../../../shared/eligibility';

const AS_OF = '2026-05-03';

describe('age on the reference date (UNDER_AGE, OVER_AGE)', () => {
  it.each([
    // birth date, as of, age, under 18, 65 or over
    ['2008-05-03', AS_OF, 18, false, false], // 18th birthday on the reference date: old enough
    ['2008-05-04', AS_OF, 17, true, false], // 18 tomorrow
    ['2008-05-02', AS_OF, 18, false, false], // 18 since yesterday
    ['2026-05-03', AS_OF, 0, true, false], // born on the reference date
    ['2027-01-01', AS_OF, -1, true, false], // born after it
    ['1961-05-03', AS_OF, 65, false, true], // 65th birthday on the reference date: too old
    ['1961-05-04', AS_OF, 64, false, false], // 65 tomorrow
    ['1961-05-02', AS_OF, 65, false, true], // 65 since yesterday
    ['1926-05-03', AS_OF, 100, false, true],
    // Feb 29 birthdays: a new year of age begins on 1 March in non-leap years.
    ['2008-02-29', '2026-02-28', 17, true, false],
    ['2008-02-29', '2026-03-01', 18, false, false],
    ['2000-02-29', '2018-02-28', 17, true, false],
    ['2000-02-29', '2018-03-01', 18, false, false],
    ['2006-02-28', '2024-02-28', 18, false, false], // reference in a leap year
    ['2006-03-01', '2024-02-29', 17, true, false],
    ['1960-02-29', '2024-02-29', 64, false, false], // the 64th birthday falls on a real Feb 29
    ['1960-02-29', '2025-02-28', 64, false, false],
    ['1960-02-29', '2025-03-01', 65, false, true],
    // Year ends
    ['2007-12-31', '2025-12-31', 18, false, false],
    ['2008-01-01', '2025-12-31', 17, true, false],
  ])('born %s, as of %s: %i years, under %s, over %s', (birth, asOf, age, under, over) => {
    expect(ageOn(birth, asOf)).toBe(age);
    expect(isUnderAge(birth, asOf)).toBe(under);
    expect(isOverAge(birth, asOf)).toBe(over);
  });

  it('agrees with date-fns differenceInYears on birthdays around Feb 29 and month ends', () => {
    const births = ['2000-02-29', '2004-02-29', '2008-02-28', '2008-03-01', '1999-12-31', '2000-01-31'];
    for (const birth of births) {
      for (let d = Date.UTC(2017, 0, 1); d <= Date.UTC(2027, 0, 1); d += 86_400_000) {
        const asOf = new Date(d).toISOString().slice(0, 10);
        const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
        const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
        const expected = differenceInYears(new Date(ay, am - 1, ad), new Date(by, bm - 1, bd));
        if (ageOn(birth, asOf) !== expected) expect({ birth, asOf, age: ageOn(birth, asOf) }).toEqual({ birth, asOf, age: expected });
      }
    }
  });

  it('refuses a birth date that is not YYYY-MM-DD rather than passing it', () => {
    expect(() => isUnderAge('03/05/2008', AS_OF)).toThrow(RangeError);
    expect(() => isUnderAge('2008-5-3', AS_OF)).toThrow(RangeError);
    expect(() => dateKey('2008-05-0x')).toThrow(RangeError);
  });
});

describe('NIK_INVALID and NIK_MISMATCH', () => {
  it.each([
    // nik, stated birth date, stated gender, expected
    ['3273010101900001', '1990-01-01', 'L', { reason: null }],
    ['3273014101900001', '1990-01-01', 'P', { reason: null }], // women: day + 40
    ['3273017112990001', '1999-12-31', 'P', { reason: null }],
    ['3273014101900001', '1990-01-01', 'L', { reason: 'NIK_MISMATCH', fields: ['sex'] }], // day > 40 means P
    ['3273010101900001', '1990-01-01', 'P', { reason: 'NIK_MISMATCH', fields: ['sex'] }],
    ['3273010201900001', '1990-01-01', 'L', { reason: 'NIK_MISMATCH', fields: ['day'] }],
    ['3273014201900001', '1990-01-01', 'P', { reason: 'NIK_MISMATCH', fields: ['day'] }], // 42 → day 2
    ['3273010102900001', '1990-01-01', 'L', { reason: 'NIK_MISMATCH', fields: ['month'] }],
    ['3273010101910001', '1990-01-01', 'L', { reason: 'NIK_MISMATCH', fields: ['year'] }],
    ['3273010101900001', '1890-01-01', 'L', { reason: null }], // only the two-digit year is compared
    ['3273010101900001', '2090-01-01', 'L', { reason: null }],
    ['3273011202910001', '1990-01-01', 'P', { reason: 'NIK_MISMATCH', fields: ['day', 'month', 'year', 'sex'] }],
    ['3273010101090001', '2009-01-01', 'L', { reason: null }],
    // Invalid NIKs: NIK_INVALID only, the mismatch is not checked.
    ['327301010190001', '1990-01-01', 'L', { reason: 'NIK_INVALID', problem: 'FORMAT' }],
    ['9901010101900001', '1990-01-01', 'L', { reason: 'NIK_INVALID', problem: 'PROVINCE' }],
    ['3273013202900001', '1990-02-01', 'P', { reason: 'NIK_INVALID', problem: 'DATE' }],
    ['3273014001900001', '1990-01-01', 'P', { reason: 'NIK_INVALID', problem: 'DATE' }], // women's day 40 → 0
    ['3273010101900000', '1985-06-06', 'P', { reason: 'NIK_INVALID', problem: 'SERIAL' }],
  ])('%s, stated %s %s', (nik, birth, gender, expected) => {
    expect(checkNik(nik, birth, gender, AS_OF)).toEqual(expected);
  });

  it('decides the century of the two-digit year relative to the reference date', () => {
    // 29 Feb 00 is real in 2000 but not in 1900: valid once the reference date has reached 2000-02-29.
    expect(checkNik('3273012902000001', '2000-02-29', 'L', '2026-05-03')).toEqual({ reason: null });
    expect(checkNik('3273012902000001', '2000-02-29', 'L', '2000-02-29')).toEqual({ reason: null });
    expect(checkNik('3273012902000001', '2000-02-29', 'L', '2000-02-28')).toEqual({ reason: 'NIK_INVALID', problem: 'DATE' });
    // YY 26 on 2026-05-03: born 2026 when the birthday is not after the reference date, else 1926.
    expect(checkNik('3273010305260001', '2026-05-03', 'L', AS_OF)).toEqual({ reason: null });
    expect(checkNik('3273010405260001', '1926-05-04', 'L', AS_OF)).toEqual({ reason: null });
  });
});

describe('EXCLUDED: an entry is active on valid_from <= date <= valid_to, ends inclusive and open', () => {
  it.each([
    [null, null, true],
    [null, '2026-05-03', true], // ends on the reference date
    [null, '2026-05-02', false], // ended the day before
    ['2026-05-03', null, true], // starts on the reference date
    ['2026-05-04', null, false], // starts the day after
    ['2026-05-03', '2026-05-03', true], // a one-day window
    ['2020-01-01', '2030-12-31', true],
    ['2020-01-01', '2026-05-02', false],
    ['2026-05-04', '2030-12-31', false],
    ['', '', true], // empty cells are open ends
    ['', '2026-05-02', false],
  ])('valid_from %s, valid_to %s: %s', (validFrom, validTo, active) => {
    expect(isExclusionActive({ valid_from: validFrom, valid_to: validTo }, AS_OF)).toBe(active);
  });
});

describe('participants as of the reference date', () => {
  it.each([
    // published, revoked, ALREADY_PARTICIPANT, counts toward the KK
    ['2026-05-03', null, true, true], // published on the reference date
    ['2026-05-04', null, false, false], // published after it
    ['2025-01-10', null, true, true],
    ['2025-01-10', '2025-02-10', true, false], // revoked before: blacklisted, but no longer fills the KK
    ['2025-01-10', '2026-05-03', true, false], // revocation effective on the reference date: revoked by then
    ['2025-01-10', '2026-05-04', true, true], // revoked only after the reference date: still counts
  ])('published %s, revoked %s', (published, revoked, participant, counts) => {
    const p = { published_on: published, revoked_at: revoked };
    expect(isParticipantBy(p, AS_OF)).toBe(participant);
    expect(countsTowardKk(p, AS_OF)).toBe(counts);
  });
});

describe('registered_at instants', () => {
  it.each([
    ['2026-05-03T01:15:00Z', '2026-05-03T08:15:00+07:00'],
    ['2026-05-03T01:15:00.000Z', '2026-05-03T08:15:00+0700'],
    ['2026-05-03T01:15:00Z', '2026-05-03T08:15:00'], // no offset: Asia/Jakarta
    ['2026-05-03T01:15:00Z', '2026-05-03 08:15'],
    ['2026-05-02T17:00:00Z', '2026-05-03'], // a bare date: midnight in Jakarta
    ['2026-05-03T01:15:00Z', '2026-05-02T20:15:00-05:00'],
    ['2026-05-03T01:15:00.123Z', '2026-05-03T08:15:00.123456+07:00'],
  ])('%s is the same instant as %s', (a, b) => {
    expect(instantMs(a)).toBe(instantMs(b));
  });

  it('takes numbers as epoch milliseconds and refuses what is not an instant', () => {
    expect(instantMs(Date.UTC(2026, 4, 3, 1, 15))).toBe(instantMs('2026-05-03T01:15:00Z'));
    expect(() => instantMs('03/05/2026 08:15')).toThrow(RangeError);
    expect(() => instantMs(Number.NaN)).toThrow(RangeError);
  });

  it('orders by the instant, not by the text', () => {
    expect(instantMs('2026-05-03T07:30:00+07:00')).toBeLessThan(instantMs('2026-05-03T01:00:00Z'));
  });
});

describe('reason codes', () => {
  it('lists the reasons of a mask in the order of the DESIGN 3.2 table', () => {
    expect(REASON_CODES).toEqual(['NIK_INVALID', 'NIK_MISMATCH', 'UNDER_AGE', 'OVER_AGE', 'DUPLICATE_NIK', 'KK_LIMIT', 'EXCLUDED', 'ALREADY_PARTICIPANT']);
    expect(reasonsOf(maskOf(['ALREADY_PARTICIPANT', 'NIK_INVALID', 'EXCLUDED', 'UNDER_AGE']))).toEqual([
      'NIK_INVALID',
      'UNDER_AGE',
      'EXCLUDED',
      'ALREADY_PARTICIPANT',
    ]);
    expect(reasonsOf(0)).toEqual([]);
    expect(reasonsField(maskOf(['EXCLUDED', 'NIK_MISMATCH']))).toBe('NIK_MISMATCH;EXCLUDED');
    expect(reasonsField(0)).toBe('');
    expect(maskOfField('NIK_MISMATCH;EXCLUDED')).toBe(maskOf(['NIK_MISMATCH', 'EXCLUDED']));
    expect(maskOfField('')).toBe(0);
    expect(() => maskOfField('NIK_MISMATCH;LATE')).toThrow(RangeError);
    expect(() => reasonsOf(256)).toThrow(RangeError);
  });

  it('checks reference dates for being real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-5-3')).toBe(false);
  });
});
