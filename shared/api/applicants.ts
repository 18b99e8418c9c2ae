import { z } from 'zod';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, GENDERS } from '../applicant-values';
import { REASON_CODES } from '../eligibility/reasons';
import { method } from './define';
import { IsoDate, PageQuery, SortDir, pageOf } from './common';

const STAFF = ['admin', 'reviewer'] as const;
const FileRef = z.string().min(8).max(64);
export const ImportKind = z.enum(['applicants', 'exclusions']);
export type ImportKind = z.infer<typeof ImportKind>;
/** Every kind of file an import run records (applicants' two, the catalog's three and invoices). */
export const ImportRunKind = z.enum(['applicants', 'exclusions', 'institutions', 'trainings', 'enrollments', 'invoices']);
export type ImportRunKind = z.infer<typeof ImportRunKind>;

export const ImportRun = z.object({
  id: z.number().int(),
  kind: ImportRunKind,
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  username: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export type ImportRun = z.infer<typeof ImportRun>;

export const ImportReject = z.object({ row: z.number().int(), column: z.string(), reason: z.string(), value: z.string().nullable() });
export type ImportReject = z.infer<typeof ImportReject>;

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  size: z.number().int(),
  header: z.array(z.string()),
  /** Each expected column and where it was found in the file (index into header), or null. */
  columns: z.array(z.object({ name: z.string(), required: z.boolean(), index: z.number().int().nullable() })),
  missing: z.array(z.string()),
  extra: z.array(z.string()),
  rows: z.array(z.object({ row: z.number().int(), values: z.array(z.string()) })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** The columns the list can sort by (the grid's visible columns). */
export const APPLICANT_SORT_FIELDS = [
  'registrationId', 'nik', 'kk', 'fullName', 'birthDate', 'gender', 'phone', 'email', 'provinceCode',
  'regencyCode', 'education', 'employmentStatus', 'registeredAt', 'testScore', 'updatedAt',
] as const;

export const ApplicantFilters = z.object({
  /** Quick search: a 16-digit NIK, a registration id, or the start of name words (accents and case ignored). */
  q: z.string().trim().max(100).optional(),
  provinceCode: z.string().regex(/^\d{2}$/).optional(),
  regencyCode: z.string().regex(/^\d{4}$/).optional(),
  gender: z.enum(GENDERS).optional(),
  /** Age in whole years as of today (Asia/Jakarta), inclusive bounds. */
  ageMin: z.number().int().min(0).max(150).optional(),
  ageMax: z.number().int().min(0).max(150).optional(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
  /** Registration date range in Asia/Jakarta calendar days, inclusive. */
  registeredFrom: IsoDate.optional(),
  registeredTo: IsoDate.optional(),
  /** By the latest screening: the status in force (overrides included), and a reason the rules gave. */
  screeningStatus: z.enum(['eligible', 'ineligible', 'unscreened']).optional(),
  screeningReason: z.enum(REASON_CODES).optional(),
});
export type ApplicantFilters = z.infer<typeof ApplicantFilters>;

export const ApplicantRow = z.object({
  registrationId: z.string(),
  /** Masked (`3201********0001`) for roles that do not need the full NIK (DESIGN 3.6). */
  nik: z.string(),
  kk: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.enum(GENDERS),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  provinceCode: z.string(),
  regencyCode: z.string(),
  education: z.string().nullable(),
  employmentStatus: z.string(),
  /** The UTC instant, ISO 8601. */
  registeredAt: z.string(),
  testScore: z.number().int().nullable(),
  updatedAt: z.string(),
  /** The latest screening's status in force (null: not screened); only list rows carry it. */
  screening: z
    .object({ status: z.enum(['eligible', 'ineligible']), overridden: z.boolean(), reasons: z.array(z.enum(REASON_CODES)) })
    .nullable()
    .optional(),
});
export type ApplicantRow = z.infer<typeof ApplicantRow>;

export const ApplicantListOutput = pageOf(ApplicantRow).extend({
  /** False when total is a lower bound (a very broad name search); the grid may show "10.000+". */
  totalExact: z.boolean(),
  /** Opaque: send back with the next page (page + 1) for a fast keyset step. */
  cursor: z.string().nullable(),
});

export const ApplicantDetail = ApplicantRow.extend({
  provinceName: z.string().nullable(),
  regencyName: z.string().nullable(),
  nikMasked: z.boolean(),
  nikDecoded: z
    .object({
      valid: z.boolean(),
      problem: z.string().nullable(),
      provinceCode: z.string().nullable(),
      provinceName: z.string().nullable(),
      regencyCode: z.string().nullable(),
      regencyName: z.string().nullable(),
      birthDate: z.string().nullable(),
      sex: z.enum(GENDERS).nullable(),
    }),
  /** Where the NIK disagrees with what was stated (birth date, sex, region), in words. */
  hints: z.array(z.string()),
  version: z.number().int(),
  importRunId: z.number().int().nullable(),
  history: z.array(
    z.object({ at: z.string(), username: z.string().nullable(), action: z.string(), summary: z.string(), runId: z.number().int().nullable() }),
  ),
  family: z.array(z.object({ registrationId: z.string(), fullName: z.string(), nik: z.string(), birthDate: z.string(), gender: z.enum(GENDERS) })),
});
export type ApplicantDetail = z.infer<typeof ApplicantDetail>;

/** `applicants.export`: the list's filters and sort (all optional: no filter exports the whole register). */
export const ApplicantExportInput = ApplicantFilters.extend({
  sortField: z.enum(APPLICANT_SORT_FIELDS).optional(),
  sortDir: SortDir.default('asc'),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
/** The finished export job's result. */
export const ApplicantExportResult = z.object({ fileRef: z.string(), fileName: z.string(), rows: z.number().int() });
export type ApplicantExportResult = z.infer<typeof ApplicantExportResult>;

export const applicantsMethods = {
  'applicants.import': method({ input: z.object({ fileRef: FileRef }), output: z.object({ jobId: z.string() }), access: STAFF, mutates: false }),
  'exclusions.import': method({ input: z.object({ fileRef: FileRef }), output: z.object({ jobId: z.string() }), access: STAFF, mutates: false }),
  'imports.preview': method({ input: z.object({ fileRef: FileRef, kind: ImportKind }), output: ImportPreview, access: STAFF, mutates: false }),
  'imports.get': method({ input: z.object({ id: z.number().int().positive() }), output: ImportRun, access: 'authenticated', mutates: false }),
  'imports.list': method({
    input: PageQuery.extend({ kind: ImportRunKind.optional() }),
    output: pageOf(ImportRun),
    access: 'authenticated',
    mutates: false,
  }),
  'imports.rejects': method({
    input: PageQuery.extend({ id: z.number().int().positive() }),
    output: pageOf(ImportReject),
    access: 'authenticated',
    mutates: false,
  }),
  /** Writes the run's rejects as CSV and returns a reference for GET /api/download/<fileRef> (or the CLI). */
  'imports.rejectsCsv': method({
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ fileRef: z.string(), fileName: z.string() }),
    access: 'authenticated',
    mutates: false,
  }),
  'applicants.list': method({
    input: PageQuery.extend({ sortField: z.enum(APPLICANT_SORT_FIELDS).optional(), cursor: z.string().max(400).optional() }).extend(ApplicantFilters.shape),
    output: ApplicantListOutput,
    access: 'authenticated',
    mutates: false,
  }),
  /** A job writing the view to XLSX or CSV (NIK and KK masked as the list masks them); its result is ApplicantExportResult. */
  'applicants.export': method({ input: ApplicantExportInput, output: z.object({ jobId: z.string() }), access: 'authenticated', mutates: false }),
  'applicants.get': method({
    input: z.object({ registrationId: z.string().min(1).max(100) }),
    output: ApplicantDetail,
    access: 'authenticated',
    mutates: false,
  }),
};
