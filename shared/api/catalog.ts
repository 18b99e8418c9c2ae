import { z } from 'zod';
import { method } from './define';
import { IsoDate, PageQuery, pageOf } from './common';
import { ImportPreview } from './applicants';

/** Finance imports the catalog, enrollments and invoices (DESIGN 7); an admin may do everything. */
export const FINANCE = ['admin', 'finance'] as const;
const FileRef = z.string().min(8).max(64);
const JobStarted = z.object({ jobId: z.string() });

export const CatalogImportKind = z.enum(['institutions', 'trainings', 'enrollments']);
export type CatalogImportKind = z.infer<typeof CatalogImportKind>;
/** The files finance imports: the catalog's three and invoices (each previewed the same way). */
export const FinanceImportKind = z.enum(['institutions', 'trainings', 'enrollments', 'invoices']);
export type FinanceImportKind = z.infer<typeof FinanceImportKind>;

/** Enrollment counts of a training or an institution. Completion rate: completed with a certificate, of those not cancelled. */
export const EnrollmentStats = z.object({
  enrollments: z.number().int(),
  completed: z.number().int(),
  cancelled: z.number().int(),
  /** 0..1, null when every enrollment was cancelled (or there is none). */
  completionRate: z.number().nullable(),
  /** Average price_paid of the enrollments not cancelled, integer Rupiah; null without any. */
  averagePrice: z.number().int().nullable(),
});
export type EnrollmentStats = z.infer<typeof EnrollmentStats>;

export const InstitutionRow = EnrollmentStats.extend({
  institutionId: z.string(),
  name: z.string(),
  npwp: z.string(),
  platform: z.string(),
  bankAccount: z.string(),
  trainings: z.number().int(),
  updatedAt: z.string(),
});
export type InstitutionRow = z.infer<typeof InstitutionRow>;

export const TrainingRow = EnrollmentStats.extend({
  trainingId: z.string(),
  institutionId: z.string(),
  /** Null when the institution is not (yet) in the catalog. */
  institutionName: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  price: z.number().int(),
  mode: z.enum(['online', 'offline']),
  hours: z.number(),
  updatedAt: z.string(),
});
export type TrainingRow = z.infer<typeof TrainingRow>;

export const ENROLLMENT_STATES = ['purchased', 'completed', 'noCertificate', 'cancelled'] as const;
export const EnrollmentState = z.enum(ENROLLMENT_STATES);
export type EnrollmentState = z.infer<typeof EnrollmentState>;

export const EnrollmentRow = z.object({
  enrollmentId: z.string(),
  /** Masked for roles that do not need it (DESIGN 3.6). */
  nik: z.string(),
  participantName: z.string().nullable(),
  registrationId: z.string().nullable(),
  participantRevokedAt: z.string().nullable(),
  trainingId: z.string(),
  trainingTitle: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  platform: z.string(),
  pricePaid: z.number().int(),
  purchasedAt: z.string(),
  completedAt: z.string().nullable(),
  certificateNo: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  state: EnrollmentState,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type EnrollmentRow = z.infer<typeof EnrollmentRow>;

export const ENROLLMENT_SORT_FIELDS = ['enrollmentId', 'purchasedAt', 'completedAt', 'pricePaid', 'trainingId', 'platform', 'updatedAt'] as const;
export const EnrollmentFilters = z.object({
  /** An enrollment_id, a 16-digit NIK or a certificate number, exactly. */
  q: z.string().trim().max(100).optional(),
  state: EnrollmentState.optional(),
  institutionId: z.string().max(100).optional(),
  trainingId: z.string().max(100).optional(),
  platform: z.string().max(100).optional(),
  /** Purchase date range in Asia/Jakarta days, inclusive. */
  purchasedFrom: IsoDate.optional(),
  purchasedTo: IsoDate.optional(),
});
export type EnrollmentFilters = z.infer<typeof EnrollmentFilters>;

export const INSTITUTION_SORT_FIELDS = ['institutionId', 'name', 'platform', 'trainings', 'enrollments', 'completionRate', 'averagePrice'] as const;
export const TRAINING_SORT_FIELDS = ['trainingId', 'title', 'institutionId', 'category', 'mode', 'hours', 'price', 'enrollments', 'completionRate', 'averagePrice'] as const;

export const catalogMethods = {
  /** Column match and first rows of a catalog, enrollments or invoices file, before it is imported. */
  'catalog.importPreview': method({ input: z.object({ fileRef: FileRef, kind: FinanceImportKind }), output: ImportPreview, access: FINANCE, mutates: false }),
  /** Imports institutions, trainings or enrollments (DESIGN 4) as a job; its result is the import's counts and rejects. */
  'catalog.import': method({ input: z.object({ fileRef: FileRef, kind: CatalogImportKind }), output: JobStarted, access: FINANCE, mutates: false }),
  'catalog.institutions': method({
    input: PageQuery.extend({ sortField: z.enum(INSTITUTION_SORT_FIELDS).optional(), q: z.string().trim().max(100).optional() }),
    output: pageOf(InstitutionRow),
    access: 'authenticated',
    mutates: false,
  }),
  'catalog.trainings': method({
    input: PageQuery.extend({
      sortField: z.enum(TRAINING_SORT_FIELDS).optional(),
      q: z.string().trim().max(100).optional(),
      institutionId: z.string().max(100).optional(),
      mode: z.enum(['online', 'offline']).optional(),
    }),
    output: pageOf(TrainingRow),
    access: 'authenticated',
    mutates: false,
  }),
  'catalog.enrollments': method({
    input: PageQuery.extend({ sortField: z.enum(ENROLLMENT_SORT_FIELDS).optional() }).extend(EnrollmentFilters.shape),
    output: pageOf(EnrollmentRow),
    access: 'authenticated',
    mutates: false,
  }),
  /** Institutions and platforms for the filters' choices (a catalog has hundreds, not millions). */
  'catalog.options': method({
    input: z.object({}),
    output: z.object({
      institutions: z.array(z.object({ institutionId: z.string(), name: z.string() })),
      platforms: z.array(z.string()),
      counts: z.object({ institutions: z.number().int(), trainings: z.number().int(), enrollments: z.number().int() }),
    }),
    access: 'authenticated',
    mutates: false,
  }),
};
