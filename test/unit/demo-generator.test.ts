import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getProvinces } from 'idn-area-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, generateApplicantRecords, type ApplicantRecord } from '../../electron/core/demo/applicants';
import { writeApplicantsCsv, writeDemoCsvs, writeExclusionsCsv } from '../../electron/core/demo/csv-files';
import { EXCLUSION_LISTS, generateExclusions } from '../../electron/core/demo/exclusions';

const REF = '2026-06-01';
const N = 20_000;
const opts = { count: N, seed: 'uji-1', referenceDate: REF };
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'demo-test-'));

const records: ApplicantRecord[] = [];
let provinces: Set<string>;

beforeAll(async () => {
  provinces = new Set((await getProvinces()).map((p) => p.code));
  for await (const r of generateApplicantRecords(opts)) records.push(r);
});

/** DESIGN 3.1, written out here independently of the generator's encoder. */
function decodeNik(nik: string): { valid: boolean; birth?: string; sex?: 'L' | 'P' } {
  if (!/^\d{16}$/.test(nik) || !provinces.has(nik.slice(0, 2)) || nik.slice(12) === '0000') return { valid: false };
  let day = Number(nik.slice(6, 8));
  const sex = day > 40 ? 'P' : 'L';
  if (day > 40) day -= 40;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const refYear = Number(REF.slice(0, 4));
  let year = 2000 + yy;
  if (year > refYear) year -= 100;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return { valid: false };
  return { valid: true, birth: d.toISOString().slice(0, 10), sex };
}

function ageOn(birth: string, ref: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = ref.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

const share = (pred: (r: ApplicantRecord) => boolean) => records.filter(pred).length / records.length;

describe('demo applicant generator', () => {
  it('is deterministic for a seed and differs between seeds, byte for byte', async () => {
    const dir = tmp();
    const small = { count: 3000, referenceDate: REF };
    await writeApplicantsCsv(path.join(dir, 'a.csv'), { ...small, seed: 7 });
    await writeApplicantsCsv(path.join(dir, 'b.csv'), { ...small, seed: 7 });
    await writeApplicantsCsv(path.join(dir, 'c.csv'), { ...small, seed: 8 });
    const [a, b, c] = ['a', 'b', 'c'].map((n) => fs.readFileSync(path.join(dir, `${n}.csv`)));
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(c!)).toBe(false);
  });

  it('writes exactly the DESIGN 4 columns and the requested number of rows with unique registration ids', () => {
    expect(records).toHaveLength(N);
    expect(Object.keys(records[0]!.row)).toEqual([...APPLICANT_COLUMNS]);
    expect(new Set(records.map((r) => r.row.registration_id)).size).toBe(N);
  });

  it('keeps every NIK consistent with the stated birth date, sex and region except the planted ones', () => {
    let wrong = 0;
    for (const { row, anomaly } of records) {
      const nik = decodeNik(row.nik);
      if (anomaly?.startsWith('nik_') && anomaly !== 'nik_birth_mismatch' && anomaly !== 'nik_gender_mismatch') {
        expect(nik.valid, `${row.nik} should be invalid (${anomaly})`).toBe(false);
        continue;
      }
      expect(nik.valid, `${row.nik} (${anomaly})`).toBe(true);
      expect(row.nik.slice(0, 2)).toBe(row.province_code);
      expect(row.nik.slice(0, 4)).toBe(row.regency_code);
      const birthOk = nik.birth === row.birth_date;
      const sexOk = nik.sex === row.gender;
      if (anomaly === 'nik_birth_mismatch') expect(birthOk).toBe(false);
      else if (anomaly === 'nik_gender_mismatch') expect(sexOk).toBe(false);
      else if (!birthOk || !sexOk) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('plants each kind of record staff must catch in about the configured share', () => {
    const within = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(expected * 0.35 + 0.0015);
    within(share((r) => ['nik_bad_province', 'nik_zero_serial', 'nik_bad_date', 'nik_wrong_length'].includes(r.anomaly ?? '')), 0.006);
    within(share((r) => r.anomaly === 'nik_birth_mismatch' || r.anomaly === 'nik_gender_mismatch'), 0.006);
    within(share((r) => r.duplicate), 0.008);
    within(share((r) => r.anomaly === 'excluded'), 0.01);
    within(share((r) => r.largeKk), 0.006);
    const ages = records.map((r) => ageOn(r.row.birth_date, REF));
    within(ages.filter((a) => a < 18).length / N, 0.004);
    within(ages.filter((a) => a >= 65).length / N, 0.004);
    const plantedAge = records.filter((r, i) => (ages[i]! < 18 || ages[i]! >= 65) !== (r.anomaly === 'under_age' || r.anomaly === 'over_age'));
    expect(plantedAge).toHaveLength(0);
    for (const kind of ['nik_bad_province', 'nik_zero_serial', 'nik_bad_date', 'nik_wrong_length']) expect(share((r) => r.anomaly === kind)).toBeGreaterThan(0);
  });

  it('groups families under one KK in one regency, 2–5 members, with the large ones flagged', () => {
    const byKk = new Map<string, ApplicantRecord[]>();
    for (const r of records) if (!r.duplicate) byKk.set(r.row.kk, [...(byKk.get(r.row.kk) ?? []), r]);
    const sizes = [...byKk.values()].map((m) => m.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
    expect(sizes.filter((s) => s === 2).length).toBeGreaterThan(N * 0.05);
    for (const members of byKk.values()) {
      expect(new Set(members.map((m) => m.row.regency_code)).size).toBe(1);
      expect(members.every((m) => m.largeKk === members.length >= 3)).toBe(true);
    }
  });

  it('repeats a duplicate person later with the same NIK, name and birth date', () => {
    const firstByNik = new Map<string, ApplicantRecord>();
    for (const r of records) {
      const earlier = firstByNik.get(r.row.nik);
      if (r.duplicate) {
        expect(earlier, r.row.nik).toBeDefined();
        expect(earlier!.row.full_name).toBe(r.row.full_name);
        expect(earlier!.row.birth_date).toBe(r.row.birth_date);
        expect(Date.parse(r.row.registered_at)).toBeGreaterThan(Date.parse(earlier!.row.registered_at));
      } else {
        expect(earlier, `unplanned duplicate NIK ${r.row.nik}`).toBeUndefined();
        firstByNik.set(r.row.nik, r);
      }
    }
  });

  it('fills plausible values: genders, education and employment lists, phones, scores, registration weeks', () => {
    const rows = records.map((r) => r.row);
    expect(new Set(rows.map((r) => r.gender))).toEqual(new Set(['L', 'P']));
    const education = new Set(rows.map((r) => r.education));
    for (const e of education) expect(['', 'SD', 'SMP', 'SMA', 'SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3']).toContain(e);
    for (const r of rows) {
      expect(['unemployed', 'laid_off', 'informal', 'micro_business', 'employed']).toContain(r.employment_status);
      expect(r.phone).toMatch(/^$|^(08|\+628)\d{8,11}$/);
      expect(r.test_score).toMatch(/^$|^(\d|[1-9]\d|100)$/);
      expect(r.registered_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|\+07:00)$/);
    }
    const times = rows.map((r) => Date.parse(r.registered_at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-04-20T00:00:00+07:00'));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-06-01T00:00:00+07:00'));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(35 * 86_400_000);
    // Regional flavour: Batak marga in North Sumatra, Balinese birth-order names in Bali.
    expect(rows.filter((r) => r.province_code === '12').some((r) => /(Siregar|Nasution|Simanjuntak|Sinaga|Lubis|Harahap)$/.test(r.full_name))).toBe(true);
    expect(rows.filter((r) => r.province_code === '51').some((r) => /\b(Wayan|Made|Nyoman|Ketut|Putu|Kadek|Komang)\b/.test(r.full_name))).toBe(true);
  });

  it('round-trips through csv-parse, including names with commas', async () => {
    const dir = tmp();
    await writeApplicantsCsv(path.join(dir, 'a.csv'), opts);
    const parsed = parse(fs.readFileSync(path.join(dir, 'a.csv')), { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(N);
    expect(parsed).toEqual(records.map((r) => ({ ...r.row })));
    expect(parsed.some((r) => r.full_name!.includes(','))).toBe(true);
  });
});

describe('demo exclusions', () => {
  it('hit every planted excluded applicant with an entry active on the reference date, and the inactive ones with an inactive entry', async () => {
    const entries = [];
    for await (const e of generateExclusions(opts)) entries.push(e);
    const active = (e: { valid_from: string; valid_to: string }) => e.valid_from <= REF && (e.valid_to === '' || REF <= e.valid_to);
    const byNik = new Map(entries.map((e) => [e.nik, e]));
    for (const r of records.filter((x) => !x.duplicate)) {
      const e = byNik.get(r.row.nik);
      if (r.anomaly === 'excluded') expect(e && active(e)).toBe(true);
      else if (r.anomaly === 'excluded_inactive') expect(e && !active(e)).toBe(true);
      else expect(e).toBeUndefined();
    }
    for (const e of entries) {
      expect(EXCLUSION_LISTS).toContain(e.list);
      expect(e.valid_from).toMatch(/^\d{4}-\d\d-\d\d$/);
      if (e.valid_to) expect(e.valid_to >= e.valid_from).toBe(true);
    }
    expect(entries.some((e) => e.valid_to === '')).toBe(true);
    expect(entries.length).toBeGreaterThan(records.filter((r) => r.anomaly === 'excluded').length);
  });

  it('writes the same files in one pass as one by one', async () => {
    const dir = tmp();
    const small = { count: 4000, seed: 'x', referenceDate: REF };
    const both = await writeDemoCsvs(dir, small);
    await writeApplicantsCsv(path.join(dir, 'a.csv'), small);
    await writeExclusionsCsv(path.join(dir, 'e.csv'), small);
    expect(fs.readFileSync(both.applicants.path).equals(fs.readFileSync(path.join(dir, 'a.csv')))).toBe(true);
    expect(fs.readFileSync(both.exclusions.path).equals(fs.readFileSync(path.join(dir, 'e.csv')))).toBe(true);
    const parsed = parse(fs.readFileSync(both.exclusions.path), { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(both.exclusions.rows);
    expect(Object.keys(parsed[0]!)).toEqual(['nik', 'list', 'valid_from', 'valid_to', 'source']);
  });
});
