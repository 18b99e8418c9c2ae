import { z } from 'zod';
import { EXCLUSION_LISTS } from '../applicant-values';
import { REASON_CODES } from '../eligibility/reasons';
import { method } from './define';
import { IsoDate, PageQuery, pageOf } from './common';
import { ImportRun } from './applicants';

const STAFF = ['admin', 'reviewer'] as const;

export const EligibilityStatus = z.enum(['eligible', 'ineligible']);
export type EligibilityStatus = z.infer<typeof EligibilityStatus>;
export const ReasonCode = z.enum(REASON_CODES);
const ReasonCounts = z.record(ReasonCode, z.number().int());

export const ScreeningCounts = z.object({
  /** By the rules alone (DESIGN 3.2), as `screen --json` prints them. */
  total: z.number().int(),
  eligible: z.number().int(),
  ineligible: z.number().int(),
  reasons: ReasonCounts,
  /** After approved overrides whose facts still hold. */
  effective: z.object({ eligible: z.number().int(), ineligible: z.number().int() }),
  overridden: z.object({ toEligible: z.number().int(), toIneligible: z.number().int(), lapsed: z.number().int() }),
});
export type ScreeningCounts = z.infer<typeof ScreeningCounts>;

export const ScreeningRun = z.object({
  id: z.number().int(),
  asOf: z.string(),
  username: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** The exclusion-list imports whose entries the run read, with how many entries each contributed. */
  exclusionImports: z.array(z.object({ id: z.number().int(), fileName: z.string().nullable(), entries: z.number().int() })),
  counts: ScreeningCounts.nullable(),
  message: z.string().nullable(),
});
export type ScreeningRun = z.infer<typeof ScreeningRun>;

export const ProvinceSummary = z.object({
  provinceCode: z.string(),
  provinceName: z.string().nullable(),
  total: z.number().int(),
  eligible: z.number().int(),
  ineligible: z.number().int(),
  reasons: ReasonCounts,
});

export const ScreeningSummary = ScreeningCounts.extend({
  run: ScreeningRun,
  byProvince: z.array(ProvinceSummary),
});
export type ScreeningSummary = z.infer<typeof ScreeningSummary>;

export const OverrideState = z.enum(['pending', 'approved', 'rejected', 'lapsed', 'superseded']);
export type OverrideState = z.infer<typeof OverrideState>;

export const Override = z.object({
  id: z.number().int(),
  registrationId: z.string(),
  fullName: z.string().nullable(),
  fromStatus: EligibilityStatus,
  status: EligibilityStatus,
  /** The screened reasons the proposal was made against. */
  reasons: z.array(ReasonCode),
  reason: z.string(),
  runId: z.number().int(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  state: OverrideState,
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  lapsedAt: z.string().nullable(),
});
export type Override = z.infer<typeof Override>;

export const ReasonExplanation = z.object({
  code: ReasonCode,
  /** Plain Indonesian: what failed and why, with the list and its dates, the earlier registration, the family members. */
  text: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const ScreeningResult = z.object({
  registrationId: z.string(),
  /** False when the registration has no result yet (never screened, or imported after the latest screening). */
  screened: z.boolean(),
  run: z.object({ id: z.number().int(), asOf: z.string(), finishedAt: z.string().nullable() }).nullable(),
  /** The status in force: the rules' outcome, or an approved override's. */
  status: EligibilityStatus.nullable(),
  screenedStatus: EligibilityStatus.nullable(),
  reasons: z.array(ReasonExplanation),
  /** True when the applicant's data changed after the screening: the result may be out of date. */
  stale: z.boolean(),
  override: Override.nullable(),
  overrides: z.array(Override),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;

export const ExclusionListInfo = z.object({
  list: z.enum(EXCLUSION_LISTS),
  entries: z.number().int(),
  people: z.number().int(),
  activeToday: z.number().int(),
  /** Earliest start and latest end among the entries; null also when some entry is open on that side. */
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  openStart: z.number().int(),
  openEnd: z.number().int(),
});

export const ExportFormat = z.enum(['csv', 'xlsx']);
const JobStarted = z.object({ jobId: z.string() });

export const screeningMethods = {
  'screening.run': method({ input: z.object({ asOf: IsoDate.optional() }), output: JobStarted, access: STAFF, mutates: false }),
  'screening.runs': method({ input: PageQuery, output: pageOf(ScreeningRun), access: 'authenticated', mutates: false }),
  /** A run's summary; without runId the latest finished run. */
  'screening.summary': method({ input: z.object({ runId: z.number().int().positive().optional() }), output: ScreeningSummary, access: 'authenticated', mutates: false }),
  'screening.result': method({ input: z.object({ registrationId: z.string().min(1).max(100) }), output: ScreeningResult, access: 'authenticated', mutates: false }),
  /** The `eligibility` report (DESIGN 7) as a job; its result is `{fileRef, fileName, rows}`. */
  'screening.exportEligibility': method({ input: z.object({ format: ExportFormat.default('xlsx') }), output: JobStarted, access: 'authenticated', mutates: false }),
  /** The summary workbook (sheets by province and by reason) as a job; its result is `{fileRef, fileName}`. */
  'screening.exportSummary': method({ input: z.object({ runId: z.number().int().positive().optional() }), output: JobStarted, access: 'authenticated', mutates: false }),
  'overrides.propose': method({
    input: z.object({ registrationId: z.string().min(1).max(100), status: EligibilityStatus, reason: z.string().trim().min(10).max(2000) }),
    output: Override,
    access: STAFF,
    mutates: true,
  }),
  'overrides.decide': method({
    input: z.object({ id: z.number().int().positive(), approve: z.boolean(), note: z.string().trim().max(2000).optional() }),
    output: Override,
    access: STAFF,
    mutates: true,
  }),
  /** Bulk approve: every id is checked as overrides.decide would; one refusal refuses them all. */
  'overrides.decideMany': method({
    input: z.object({ ids: z.array(z.number().int().positive()).min(1).max(5000), note: z.string().trim().max(2000).optional() }),
    output: z.object({ approved: z.number().int(), overrides: z.array(Override) }),
    access: STAFF,
    mutates: true,
  }),
  'overrides.list': method({
    input: PageQuery.extend({ state: OverrideState.optional(), registrationId: z.string().max(100).optional() }),
    output: pageOf(Override),
    access: 'authenticated',
    mutates: false,
  }),
  'exclusions.lists': method({
    input: z.object({}),
    output: z.object({ today: z.string(), lists: z.array(ExclusionListInfo), imports: z.array(ImportRun) }),
    access: 'authenticated',
    mutates: false,
  }),
};
