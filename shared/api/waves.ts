import { z } from 'zod';
import { EMPLOYMENT_STATUSES } from '../applicant-values';
import { PROVINCES } from '../regions/provinces';
import { DEFAULT_BALANCE, WAVE_STATUSES } from '../waves/lifecycle';
import { IsoDate, PageQuery, pageOf } from './common';
import { method } from './define';

/** DESIGN 7: reviewers create, open, close and select; publishing and expiring need an admin; everyone reads. */
const STAFF = ['admin', 'reviewer'] as const;
const ADMIN = ['admin'] as const;
const FileRef = z.string().min(8).max(64);
const JobStarted = z.object({ jobId: z.string() });

export const WaveStatus = z.enum(WAVE_STATUSES);
export const EmploymentStatus = z.enum(EMPLOYMENT_STATUSES);
export const WaveNumber = z.number().int().min(1, 'Nomor gelombang mulai dari 1.').max(9999, 'Nomor gelombang paling besar 9999.');

const isProvince = (code: string) => Object.prototype.hasOwnProperty.call(PROVINCES, code);
export const ProvinceCode = z.string().regex(/^\d{2}$/, 'Kode provinsi 2 angka.').refine(isProvince, 'Bukan kode provinsi yang ada.');
const Count = z.number().int('Harus bilangan bulat.').min(0, 'Tidak boleh negatif.').max(100_000_000);

/** Weight per employment_status (DESIGN 3.3, 4): > 0; statuses not listed weigh 1.0. */
export const Weights = z.partialRecord(EmploymentStatus, z.number().positive('Bobot harus lebih dari 0.').max(1_000_000).finite());
export type Weights = z.infer<typeof Weights>;

/** The national quota (split by largest remainder) or explicit province quotas (the national quota is their sum). */
export const WaveQuota = z.union([
  z.object({ national: Count }).strict(),
  z.object({ provinces: z.record(ProvinceCode, Count) }).strict(),
]);
export type WaveQuota = z.infer<typeof WaveQuota>;

export const quotaTotal = (q: WaveQuota) => ('national' in q ? q.national : Object.values(q.provinces).reduce((a, b) => a + b, 0));

const SeedCommitment = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, 'Seed commitment adalah sha256 heksadesimal: 64 karakter 0–9/a–f.')
  .transform((v) => v.toLowerCase());

export const WaveInput = z
  .object({
    number: WaveNumber,
    name: z.string().trim().min(1, 'Nama wajib diisi.').max(100),
    quota: WaveQuota,
    weights: Weights.default({}),
    opensOn: IsoDate,
    closesOn: IsoDate,
    /** The training balance each participant gets, integer Rupiah. */
    balance: z.number().int('Saldo dalam Rupiah bulat.').positive('Saldo harus lebih dari 0.').max(1_000_000_000).default(DEFAULT_BALANCE),
    seedCommitment: SeedCommitment,
  })
  .refine((w) => w.closesOn >= w.opensOn, { path: ['closesOn'], message: 'Tanggal tutup tidak boleh sebelum tanggal buka.' })
  .refine((w) => quotaTotal(w.quota) > 0, { path: ['quota'], message: 'Kuota harus paling sedikit 1 kursi.' });
export type WaveInput = z.input<typeof WaveInput>;
/** A wave's settings as the core gets them (defaults applied, commitment in lower case). */
export type WaveSettings = z.output<typeof WaveInput>;

export const ProvinceOutcome = z.object({ quota: z.number().int(), pool: z.number().int(), selected: z.number().int(), unfilled: z.number().int() });

/** What a selection run found, kept with the wave (the `wave select` keys of DESIGN 7 and more). */
export const SelectionSummary = z.object({
  quota: z.number().int(),
  pool: z.number().int(),
  selected: z.number().int(),
  unfilled: z.number().int(),
  provinces: z.record(z.string(), ProvinceOutcome),
  /** Pool and selected per employment_status. */
  employment: z.record(z.string(), z.object({ pool: z.number().int(), selected: z.number().int() })),
  /** The date the pool was screened as of (the close date) and the registration cut-off instant (UTC). */
  screenedAsOf: z.string(),
  registeredBy: z.string(),
  /** Registrations by the cut-off; eligible of them (after approved overrides); left out as already participants. */
  registrations: z.number().int(),
  eligible: z.number().int(),
  alreadyParticipants: z.number().int(),
  overridesApplied: z.number().int(),
  /** The pool screening's reason counts (by the rules alone). */
  reasons: z.record(z.string(), z.number().int()),
  seconds: z.number(),
});
export type SelectionSummary = z.infer<typeof SelectionSummary>;

const Step = z.object({ at: z.string(), by: z.string().nullable() }).nullable();

export const Wave = z.object({
  number: z.number().int(),
  name: z.string(),
  status: WaveStatus,
  quota: WaveQuota,
  /** The national quota, or the sum of the province quotas. */
  quotaTotal: z.number().int(),
  weights: Weights,
  opensOn: z.string(),
  closesOn: z.string(),
  balance: z.number().int(),
  seedCommitment: z.string(),
  /** Revealed by the selection (null before): with the proof, anyone can recompute the result. */
  seed: z.string().nullable(),
  created: Step,
  opened: Step,
  closed: Step,
  selected: Step,
  published: Step,
  /** The announcement date. */
  publishedOn: z.string().nullable(),
  result: SelectionSummary.nullable(),
  participants: z.object({ total: z.number().int(), active: z.number().int(), revoked: z.number().int() }),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Wave = z.infer<typeof Wave>;

export const WaveListRow = Wave.pick({ number: true, name: true, status: true, quotaTotal: true, opensOn: true, closesOn: true, balance: true, publishedOn: true, participants: true }).extend({
  pool: z.number().int().nullable(),
  selectedCount: z.number().int().nullable(),
  unfilled: z.number().int().nullable(),
});
export type WaveListRow = z.infer<typeof WaveListRow>;

export const MemberState = z.enum(['selected', 'active', 'revoked']);
export const WaveMember = z.object({
  seq: z.number().int(),
  provinceRank: z.number().int(),
  registrationId: z.string(),
  fullName: z.string().nullable(),
  /** Masked for managers (DESIGN 3.6). */
  nik: z.string().nullable(),
  provinceCode: z.string(),
  employmentStatus: z.string(),
  weight: z.number(),
  key: z.number(),
  /** `selected` until the wave is published, then `active` or `revoked`. */
  state: MemberState,
  cardNumber: z.string().nullable(),
  balance: z.number().int().nullable(),
  publishedOn: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type WaveMember = z.infer<typeof WaveMember>;
export const MEMBER_SORT_FIELDS = ['seq', 'registrationId', 'fullName', 'provinceCode', 'cardNumber', 'employmentStatus'] as const;

export const ProofMismatch = z.object({
  row: z.number().int().nullable(),
  registrationId: z.string().nullable(),
  field: z.enum(['seed', 'pool', 'duplicate', 'key', 'selected']),
  expected: z.string(),
  actual: z.string(),
});
export const ProofProblem = z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() });

/** The `verify` result: whether the proof matches what the seed gives, and where not. */
export const ProofVerification = z.object({
  ok: z.boolean(),
  fileName: z.string(),
  rows: z.number().int(),
  /** The wave whose quota, pool size and commitment were checked against, if any. */
  wave: z.number().int().nullable(),
  /**
   * Where the quotas came from: `given` (the wave's, or the caller's); `inferred` (no quotas: the
   * national quota is the proof's count of selected rows, split by largest remainder); `inferredProvinces`
   * (that split does not give the proof's counts, as with explicit province quotas: each province's
   * quota is its count of selected rows in the proof, so the keys and the ranks within each province
   * are checked, not the counts themselves).
   */
  quotaSource: z.enum(['given', 'inferred', 'inferredProvinces']),
  /** Unreadable rows (the file is not a proof as written); nothing was recomputed when there are any. */
  problems: z.array(ProofProblem),
  mismatchCount: z.number().int(),
  mismatches: z.array(ProofMismatch),
  recomputed: z
    .object({ quota: z.number().int(), pool: z.number().int(), selected: z.number().int(), unfilled: z.number().int(), provinces: z.record(z.string(), ProvinceOutcome) })
    .nullable(),
  sha256: z.string(),
});
export type ProofVerification = z.infer<typeof ProofVerification>;

export const ExpiryResult = z.object({
  asOf: z.string(),
  /** Participants revoked by this run. */
  revoked: z.number().int(),
  byWave: z.record(z.string(), z.number().int()),
  /** Places returned to the programme's quota for a later wave: every revoked participant so far, by wave. */
  freedPlaces: z.object({ total: z.number().int(), byWave: z.record(z.string(), z.number().int()) }),
});
export type ExpiryResult = z.infer<typeof ExpiryResult>;

export const ExportFormat = z.enum(['csv', 'xlsx']);

export const wavesMethods = {
  'waves.list': method({
    input: z.object({}),
    output: z.object({ rows: z.array(WaveListRow), freedPlaces: z.number().int() }),
    access: 'authenticated',
    mutates: false,
  }),
  'waves.get': method({ input: z.object({ number: WaveNumber }), output: Wave, access: 'authenticated', mutates: false }),
  'waves.create': method({ input: WaveInput, output: Wave, access: STAFF, mutates: true }),
  /** Replaces a wave's settings: all of them in a draft; only the name once open or closed; nothing after selection. */
  'waves.update': method({ input: z.object({ number: WaveNumber, wave: WaveInput }), output: Wave, access: STAFF, mutates: true }),
  'waves.open': method({ input: z.object({ number: WaveNumber }), output: Wave, access: STAFF, mutates: true }),
  'waves.close': method({ input: z.object({ number: WaveNumber }), output: Wave, access: STAFF, mutates: true }),
  /** Screens the pool as of the close date and selects with the seed, in a job; its result carries the `wave select` keys. */
  'waves.select': method({ input: z.object({ number: WaveNumber, seed: z.string().min(1).max(1000) }), output: JobStarted, access: STAFF, mutates: false }),
  /** Makes the selected applicants participants (card number, balance) as of the announcement date (default today), in a job. */
  'waves.publish': method({ input: z.object({ number: WaveNumber, date: IsoDate.optional() }), output: JobStarted, access: ADMIN, mutates: false }),
  'waves.members': method({
    input: PageQuery.extend({
      number: WaveNumber,
      provinceCode: z.string().regex(/^\d{2}$/).optional(),
      state: MemberState.optional(),
      /** A registration id, a card number, or the start of a name. */
      q: z.string().trim().max(100).optional(),
    }),
    output: pageOf(WaveMember),
    access: 'authenticated',
    mutates: false,
  }),
  /** Reads a wave settings file (DESIGN 4): weights or province quotas; a bad file is refused naming its row and column. */
  'waves.readSettingsFile': method({
    input: z.object({ fileRef: FileRef, kind: z.enum(['weights', 'provinceQuotas']) }),
    output: z.object({ fileName: z.string(), rows: z.number().int(), weights: Weights.optional(), provinces: z.record(z.string(), z.number().int()).optional() }),
    access: STAFF,
    mutates: false,
  }),
  /** The `wave-proof` report (CSV, DESIGN 3.3 columns), as a job: `{fileRef, fileName, rows, sha256}`. */
  'waves.exportProof': method({ input: z.object({ number: WaveNumber }), output: JobStarted, access: 'authenticated', mutates: false }),
  /** The `wave-selection` report: the selected applicants (participants once published), by province; one province or all. */
  'waves.exportSelection': method({
    input: z.object({ number: WaveNumber, format: ExportFormat.default('xlsx'), provinceCode: z.string().regex(/^\d{2}$/).optional() }),
    output: JobStarted,
    access: 'authenticated',
    mutates: false,
  }),
  /**
   * Recomputes a selection from a proof file and the seed (a job; result: ProofVerification). With a wave
   * number, its quotas, published pool size and seed commitment are checked too.
   */
  'waves.verifyProof': method({
    input: z.object({ fileRef: FileRef, seed: z.string().min(1).max(1000), number: WaveNumber.optional(), quota: WaveQuota.optional() }),
    output: JobStarted,
    access: 'authenticated',
    mutates: false,
  }),
  /** Who would be revoked as of a date, without changing anything. */
  'participants.expiryPreview': method({
    input: z.object({ asOf: IsoDate.optional() }),
    output: z.object({ asOf: z.string(), due: z.number().int(), byWave: z.record(z.string(), z.number().int()) }),
    access: 'authenticated',
    mutates: false,
  }),
  /** DESIGN 3.3: revokes participants with no purchase by their deadline (publication + 30 days), effective the day after. */
  'participants.expire': method({ input: z.object({ asOf: IsoDate.optional() }), output: ExpiryResult, access: ADMIN, mutates: true }),
};
