import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, EXCLUSION_LISTS } from '../../../../shared/applicant-values';
import { PROVINCES } from '../../../../shared/regions/provinces';
import { REGENCIES } from '../../../../shared/regions/regencies';
import { parseDate, parseInteger, parseTimestamp } from './values';

export interface Reject {
  row: number;
  column: string;
  reason: string;
  value: string | null;
}

export const APPLICANT_COLUMNS = [
  'registration_id', 'nik', 'kk', 'full_name', 'birth_date', 'gender', 'phone', 'email',
  'province_code', 'regency_code', 'education', 'employment_status', 'registered_at', 'test_score',
] as const;
export const APPLICANT_REQUIRED = [
  'registration_id', 'nik', 'kk', 'full_name', 'birth_date', 'gender',
  'province_code', 'regency_code', 'employment_status', 'registered_at',
] as const;

export const EXCLUSION_COLUMNS = ['nik', 'list', 'valid_from', 'valid_to', 'source'] as const;
/** Every column must be in the header; valid_from, valid_to (open ends) and source may be empty. */
export const EXCLUSION_REQUIRED = EXCLUSION_COLUMNS;

/** Values in the order of the applicants INSERT (the writer's column list). */
export type ApplicantValues = [
  registrationId: string, nik: string, kk: string, fullName: string, birthDate: string, gender: string,
  phone: string | null, email: string | null, provinceCode: string, regencyCode: string,
  education: string | null, employmentStatus: string, registeredAt: string, testScore: number | null,
];

export type ExclusionValues = [nik: string, list: string, validFrom: string | null, validTo: string | null, source: string | null];

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const EDU = new Set<string>(EDUCATION_LEVELS);
const EMP = new Set<string>(EMPLOYMENT_STATUSES);
const LISTS = new Set<string>(EXCLUSION_LISTS);

const show = (v: string) => (v.length > 60 ? `"${v.slice(0, 57)}…"` : `"${v}"`);
const MISSING = 'wajib diisi';
const badDate = (v: string) => `${show(v)} bukan tanggal YYYY-MM-DD yang ada`;

type Get = (col: string) => string;

function reader(values: string[], indexes: Record<string, number>): Get {
  return (col) => {
    const i = indexes[col]!;
    return i < 0 ? '' : (values[i] ?? '').trim();
  };
}

/** Checks one applicants row; returns the values to store, or the row's rejects. */
export function checkApplicant(values: string[], row: number, indexes: Record<string, number>): ApplicantValues | Reject[] {
  const get = reader(values, indexes);
  const rejects: Reject[] = [];
  const reject = (column: string, reason: string, value: string | null) => rejects.push({ row, column, reason, value });
  const required = (col: string) => {
    const v = get(col);
    if (v === '') reject(col, MISSING, null);
    return v;
  };
  const optional = (v: string) => (v === '' ? null : v);

  const registrationId = required('registration_id');
  const nik = required('nik');
  const kk = required('kk');
  const fullName = required('full_name');

  const birthRaw = required('birth_date');
  if (birthRaw !== '' && parseDate(birthRaw) === null) reject('birth_date', badDate(birthRaw), birthRaw);

  const genderRaw = required('gender');
  const gender = genderRaw.toUpperCase();
  if (genderRaw !== '' && gender !== 'L' && gender !== 'P') reject('gender', `${show(genderRaw)} bukan jenis kelamin yang dikenal (L atau P)`, genderRaw);

  const province = required('province_code');
  const provinceOk = province !== '' && has(PROVINCES, province);
  if (province !== '' && !provinceOk) reject('province_code', `kode provinsi ${show(province)} tidak ada`, province);

  const regencyRaw = required('regency_code');
  const regency = /^\d{2}\.\d{2}$/.test(regencyRaw) ? regencyRaw.replace('.', '') : regencyRaw;
  if (regencyRaw !== '') {
    if (!has(REGENCIES, regency)) reject('regency_code', `kode kabupaten/kota ${show(regencyRaw)} tidak ada`, regencyRaw);
    else if (provinceOk && REGENCIES[regency]![0] !== province) {
      reject('regency_code', `kabupaten/kota ${regency} (${REGENCIES[regency]![1]}) tidak berada di provinsi ${province} (${PROVINCES[province]})`, regencyRaw);
    }
  }

  const eduRaw = get('education');
  const education = eduRaw.toUpperCase();
  if (eduRaw !== '' && !EDU.has(education)) reject('education', `${show(eduRaw)} bukan jenjang pendidikan yang dikenal (${EDUCATION_LEVELS.join(', ')})`, eduRaw);

  const empRaw = required('employment_status');
  const employment = empRaw.toLowerCase();
  if (empRaw !== '' && !EMP.has(employment)) reject('employment_status', `${show(empRaw)} bukan status pekerjaan yang dikenal (${EMPLOYMENT_STATUSES.join(', ')})`, empRaw);

  const registeredRaw = required('registered_at');
  const registeredAt = registeredRaw === '' ? null : parseTimestamp(registeredRaw);
  if (registeredRaw !== '' && registeredAt === null) reject('registered_at', `${show(registeredRaw)} bukan waktu ISO 8601 (contoh 2026-05-03T08:15:00+07:00)`, registeredRaw);

  const scoreRaw = get('test_score');
  const score = scoreRaw === '' ? null : parseInteger(scoreRaw, 0, 100);
  if (scoreRaw !== '' && score === null) reject('test_score', `${show(scoreRaw)} bukan bilangan bulat 0–100`, scoreRaw);

  if (rejects.length) return rejects;
  return [
    registrationId, nik, kk, fullName, birthRaw, gender, optional(get('phone')), optional(get('email')),
    province, regency, eduRaw === '' ? null : education, employment, registeredAt!, score,
  ];
}

/** Checks one exclusions row. */
export function checkExclusion(values: string[], row: number, indexes: Record<string, number>): ExclusionValues | Reject[] {
  const get = reader(values, indexes);
  const rejects: Reject[] = [];
  const nik = get('nik');
  if (nik === '') rejects.push({ row, column: 'nik', reason: MISSING, value: null });
  const listRaw = get('list');
  const list = listRaw.toUpperCase();
  if (listRaw === '') rejects.push({ row, column: 'list', reason: MISSING, value: null });
  else if (!LISTS.has(list)) rejects.push({ row, column: 'list', reason: `${show(listRaw)} bukan daftar pengecualian yang dikenal (${EXCLUSION_LISTS.join(', ')})`, value: listRaw });
  const date = (col: string) => {
    const v = get(col);
    if (v === '') return null;
    if (parseDate(v) === null) rejects.push({ row, column: col, reason: badDate(v), value: v });
    return v;
  };
  const validFrom = date('valid_from');
  const validTo = date('valid_to');
  const source = get('source');
  if (rejects.length) return rejects;
  return [nik, list, validFrom, validTo, source === '' ? null : source];
}
