import { describe, expect, it } from 'vitest';
import { maskNik, parseNik, regencyInProvince, regencyName, provinceName } from '../../shared/nik';
import { PROVINCES } from '../../shared/regions/provinces';

const REF = '2026-05-03';

describe('parseNik (DESIGN 3.1)', () => {
  it.each([
    // nik, birthDate, sex
    ['3273010101900001', '1990-01-01', 'L'],
    ['3273014101900001', '1990-01-01', 'P'], // women: day + 40
    ['3273017112990001', '1999-12-31', 'P'], // day 71 = 31 for women
    ['3273012902000001', '2000-02-29', 'L'], // Feb 29 in a leap year 2000
    ['3273016902040001', '2004-02-29', 'P'], // Feb 29, woman
    ['3273010305260001', '2026-05-03', 'L'], // born on the reference date: age 0, this century
    ['3273010405260001', '1926-05-04', 'L'], // a day after the reference date: previous century (age 99)
    ['3273010105270001', '1927-05-01', 'L'], // year ahead of the reference year: previous century
    ['9601010101850009', '1985-01-01', 'L'], // Papua Barat Daya (96) is a real province
  ])('%s → born %s, sex %s', (nik, birthDate, sex) => {
    const r = parseNik(nik, REF);
    expect(r).toMatchObject({ ok: true, info: { birthDate, sex, provinceCode: nik.slice(0, 2), regencyCode: nik.slice(0, 4) } });
  });

  it.each([
    ['327301010190001', 'FORMAT'], // 15 digits
    ['32730101019000011', 'FORMAT'], // 17 digits
    ['3273O10101900001', 'FORMAT'], // letter O
    ['', 'FORMAT'],
    ['9901010101900001', 'PROVINCE'], // 99 is no province
    ['0001010101900001', 'PROVINCE'],
    ['2001010101900001', 'PROVINCE'], // 20 unused
    ['3273010101900000', 'SERIAL'],
    ['3273013202900001', 'DATE'], // day 32
    ['3273014001900001', 'DATE'], // day 40 → 0 for women
    ['3273010001900001', 'DATE'], // day 0
    ['3273017201900001', 'DATE'], // day 72 → 32 for women
    ['3273013104900001', 'DATE'], // 31 April
    ['3273010113900001', 'DATE'], // month 13
    ['3273010100900001', 'DATE'], // month 0
    ['3273012902010001', 'DATE'], // 29 Feb 2001
    ['3273016902990001', 'DATE'], // 29 Feb 1999, woman
  ])('%s is invalid (%s)', (nik, problem) => {
    expect(parseNik(nik, REF)).toMatchObject({ ok: false, problem });
  });

  it('decides the century, and with it Feb 29, relative to the reference date', () => {
    // 29 Feb 00: 2000 when the reference is after it; 1900 (not a leap year) when the reference is before.
    expect(parseNik('3273012902000001', '2000-03-01')).toMatchObject({ ok: true, info: { birthDate: '2000-02-29' } });
    expect(parseNik('3273012902000001', '2000-02-29')).toMatchObject({ ok: true, info: { birthDate: '2000-02-29' } });
    expect(parseNik('3273012902000001', '2000-02-28')).toMatchObject({ ok: false, problem: 'DATE' });
    expect(parseNik('3273010101500001', '2049-12-31')).toMatchObject({ ok: true, info: { birthDate: '1950-01-01' } });
    expect(parseNik('3273010101500001', '2050-01-01')).toMatchObject({ ok: true, info: { birthDate: '2050-01-01' } });
    expect(parseNik('3273010101900001', new Date('2026-05-03T00:00:00Z'))).toMatchObject({ ok: true, info: { birthDate: '1990-01-01' } });
  });

  it('trims surrounding spaces but nothing else', () => {
    expect(parseNik(' 3273010101900001 ', REF).ok).toBe(true);
    expect(parseNik('3273 010101900001', REF).ok).toBe(false);
  });
});

describe('regions and masking', () => {
  it('has the 38 provinces of idn-area-data', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(38);
    expect(provinceName('32')).toBe('Jawa Barat');
    expect(provinceName('99')).toBeNull();
  });
  it('knows regencies and their province', () => {
    expect(regencyName('3273')).toBe('Kota Bandung');
    expect(regencyInProvince('3273', '32')).toBe(true);
    expect(regencyInProvince('3273', '31')).toBe(false);
    expect(regencyInProvince('3299', '32')).toBe(false);
  });
  it('masks as 3201********0001', () => {
    expect(maskNik('3201010101900001')).toBe('3201********0001');
    expect(maskNik('1234567')).toBe('*******');
  });
});
