import type { ApplicantFilters, APPLICANT_SORT_FIELDS } from '../../../../shared/api/applicants';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, GENDERS } from '../../../../shared/applicant-values';
import { REASON_CODES } from '../../../../shared/eligibility/reasons';
import { PROVINCES } from '../../../../shared/regions/provinces';
import { REGENCIES } from '../../../../shared/regions/regencies';
import type { TableQuery } from '../../components/table/useTableUrlState';

/** The filters kept in the URL (names as the API's, the age band as one key). */
export const APPLICANT_URL_FILTERS = ['q', 'provinceCode', 'regencyCode', 'gender', 'age', 'employmentStatus', 'education', 'registeredFrom', 'registeredTo', 'screeningStatus', 'screeningReason'] as const;
export type ApplicantUrlFilter = (typeof APPLICANT_URL_FILTERS)[number];
export type ApplicantQuery = TableQuery<ApplicantUrlFilter>;
export type SortField = (typeof APPLICANT_SORT_FIELDS)[number];

/** Age bands in whole years (inclusive); the key is what the URL holds. */
export const AGE_BANDS: readonly { key: string; min?: number; max?: number }[] = [
  { key: 'u18', max: 17 },
  { key: '18-24', min: 18, max: 24 },
  { key: '25-34', min: 25, max: 34 },
  { key: '35-44', min: 35, max: 44 },
  { key: '45-54', min: 45, max: 54 },
  { key: '55-64', min: 55, max: 64 },
  { key: '65+', min: 65 },
];

/** The screening statuses the list filters by (the status in force after overrides). */
export const SCREENING_STATUSES = ['eligible', 'ineligible', 'unscreened'] as const;

export const PROVINCE_OPTIONS = Object.entries(PROVINCES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.code.localeCompare(b.code));

export function regencyOptions(provinceCode: string | undefined) {
  if (!provinceCode) return [];
  return Object.entries(REGENCIES)
    .filter(([, [prov]]) => prov === provinceCode)
    .map(([code, [, name]]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export const provinceLabel = (code: string) => PROVINCES[code] ?? code;
export const regencyLabel = (code: string) => REGENCIES[code]?.[1] ?? code;

const isDate = (v: string | undefined) => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** The URL's filters as the API's input; values a hand-edited URL got wrong are left out rather than failing the page. */
export function toApiFilters(f: Partial<Record<ApplicantUrlFilter, string>>): ApplicantFilters {
  const out: ApplicantFilters = {};
  if (f.q?.trim()) out.q = f.q.trim().slice(0, 100);
  if (f.provinceCode && PROVINCES[f.provinceCode]) out.provinceCode = f.provinceCode;
  if (f.regencyCode && REGENCIES[f.regencyCode]) out.regencyCode = f.regencyCode;
  const gender = oneOf(GENDERS, f.gender);
  if (gender) out.gender = gender;
  const band = AGE_BANDS.find((b) => b.key === f.age);
  if (band?.min !== undefined) out.ageMin = band.min;
  if (band?.max !== undefined) out.ageMax = band.max;
  const employment = oneOf(EMPLOYMENT_STATUSES, f.employmentStatus);
  if (employment) out.employmentStatus = employment;
  const education = oneOf(EDUCATION_LEVELS, f.education);
  if (education) out.education = education;
  if (isDate(f.registeredFrom)) out.registeredFrom = f.registeredFrom;
  if (isDate(f.registeredTo)) out.registeredTo = f.registeredTo;
  const screeningStatus = oneOf(SCREENING_STATUSES, f.screeningStatus);
  if (screeningStatus) out.screeningStatus = screeningStatus;
  const screeningReason = oneOf(REASON_CODES, f.screeningReason);
  if (screeningReason) out.screeningReason = screeningReason;
  return out;
}
