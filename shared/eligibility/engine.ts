/**
 * Batch screening (DESIGN 3.2) over the whole register as of a reference date. Built for a million
 * registrations: the register is held as columns, results as typed arrays (one reason mask per
 * registration) plus a few sparse details, with one sort (skipped when the rows already come in
 * registration order, as they do from `ORDER BY registered_at, registration_id`).
 */
import type { NikProblem } from '../nik';
import { ageFromKeys, dateKey, instantMs, isIsoDate } from './dates';
import { REASON_BIT, REASON_CODES, emptyReasonCounts, reasonsOf, type ReasonCode, type ReasonCounts } from './reasons';
import { registrationOrder } from './registration-order';
import { StringSlots } from './string-slots';
import {
  MAX_AGE_EXCLUSIVE,
  MIN_AGE,
  countsTowardKk,
  isExclusionActive,
  isParticipantBy,
  mismatchFields,
  nikVerdict,
  NIK_INVALID_VERDICT,
  NIK_PROBLEM_ORDER,
  type NikMismatchField,
} from './rules';

/** A KK may hold at most this many participants (DESIGN 3.2 KK_LIMIT). */
export const KK_LIMIT = 2;

export interface RegistrationRow {
  registration_id: string;
  nik: string;
  kk: string;
  /** A real `YYYY-MM-DD` date (the import guarantees it). */
  birth_date: string;
  gender: string;
  /** Epoch milliseconds, or ISO 8601 (without an offset: Asia/Jakarta time). */
  registered_at: string | number;
}

/** The register as columns, index i across all of them being one registration. */
export interface RegistrationColumns {
  registration_id: string[];
  nik: string[];
  kk: string[];
  birth_date: string[];
  gender: string[];
  /** Epoch milliseconds. */
  registered_at: Float64Array | number[];
}

export interface ParticipantRow {
  nik: string;
  kk: string;
  /** The participant's wave, for the details; not used by the rules. */
  wave?: number;
  /** Publication date of the wave, `YYYY-MM-DD`. */
  published_on: string;
  /** The date the revocation takes effect, `YYYY-MM-DD`; null when not revoked. */
  revoked_at: string | null;
}

export interface ExclusionRow {
  nik: string;
  list: string;
  valid_from: string | null;
  valid_to: string | null;
}

/**
 * The rules about each registration by itself (NIK_INVALID, NIK_MISMATCH, UNDER_AGE, OVER_AGE) as of
 * `asOf`, worked out by whoever cut the register up while its text was at hand (see
 * {@link rowRuleMask}); screen() takes them instead of working them out again from the columns.
 */
export interface RowRules {
  asOf: string;
  /** Per registration, in the columns' order: those four reason bits. */
  masks: Uint8Array;
  /** Per registration: nikDetail as the screening keeps it. */
  nikDetail: Uint8Array;
}

/** The reason bits of one registration's own rules, from its {@link nikVerdict} and date keys. */
export function rowRuleMask(verdict: number, birthKey: number, asOfKey: number): number {
  let mask = verdict >= NIK_INVALID_VERDICT ? REASON_BIT.NIK_INVALID : verdict ? REASON_BIT.NIK_MISMATCH : 0;
  const age = ageFromKeys(birthKey, asOfKey);
  if (age < MIN_AGE) mask |= REASON_BIT.UNDER_AGE;
  else if (age >= MAX_AGE_EXCLUSIVE) mask |= REASON_BIT.OVER_AGE;
  return mask;
}

/** nikDetail of a {@link nikVerdict}: NIK_INVALID's problem index, or NIK_MISMATCH's bits, or 0. */
export const rowRuleDetail = (verdict: number) => (verdict >= NIK_INVALID_VERDICT ? verdict - NIK_INVALID_VERDICT : verdict);

/** The reference date as nikVerdict takes it. */
export const dateParts = (key: number) => [Math.floor(key / 10000), Math.floor(key / 100) % 100, key % 100] as const;

export interface ScreeningInput {
  /** Columns, or rows in any order (for example straight from a SQLite statement's iterate()). */
  registrations: RegistrationColumns | Iterable<RegistrationRow>;
  /**
   * Optional: the registrations' own rules, already worked out as of the same date (columns only); or
   * a function giving them (or nothing) when screening gets to them, for rules worked out meanwhile elsewhere.
   */
  rowRules?: RowRules | (() => RowRules | null);
  /** One row per participant, of any wave; those published after asOf do not count. */
  participants: Iterable<ParticipantRow>;
  /** Every exclusion entry; those not active on asOf do not count. */
  exclusions: Iterable<ExclusionRow>;
}

export interface ScreenOptions {
  /** Called every few tens of thousands of registrations; `total` covers both passes. May throw to cancel. */
  onProgress?: (done: number, total: number) => void;
}

export type KkMember =
  | { kind: 'participant'; nik: string; wave?: number; published_on: string }
  | { kind: 'registration'; registration_id: string; nik: string };

export interface ReasonDetails {
  /** NIK_INVALID: which part of DESIGN 3.1 the NIK fails. */
  nikProblem?: NikProblem;
  /** NIK_MISMATCH: which parts of the NIK disagree with the stated birth date and gender. */
  nikMismatch?: NikMismatchField[];
  /** UNDER_AGE, OVER_AGE: completed years on the reference date by the stated birth date. */
  age?: number;
  /** DUPLICATE_NIK: the first registration (by registered_at, then registration_id) with this NIK. */
  duplicateOf?: string;
  /** KK_LIMIT: who fills the KK, participants first, then registrations in order. */
  kkMembers?: KkMember[];
  /** EXCLUDED: the lists, each once, in name order. */
  excludedLists?: string[];
  /** EXCLUDED: the active entries with their windows. */
  exclusions?: ExclusionRow[];
  /** ALREADY_PARTICIPANT: the participation. */
  participant?: ParticipantRow;
}

export interface RegistrationOutcome {
  registration_id: string;
  status: 'eligible' | 'ineligible';
  reasons: readonly ReasonCode[];
  details: ReasonDetails;
}

export interface ScreeningSummary {
  asOf: string;
  total: number;
  eligible: number;
  ineligible: number;
  reasons: ReasonCounts;
}

/**
 * A screening's results. Per registration: its reason mask; everything else here is what
 * outcomeAt() needs to explain a reason, kept in typed arrays and slot-keyed maps.
 */
export interface Screening {
  asOf: string;
  /** The register as screened, in input order; every per-registration array is indexed the same way. */
  registrations: RegistrationColumns;
  /** Reason bits (see REASON_BIT); 0 means eligible. */
  masks: Uint8Array;
  /** For NIK_INVALID: index into NIK_PROBLEMS; for NIK_MISMATCH: the mismatch bits; else 0. */
  nikDetail: Uint8Array;
  /** Distinct NIKs. */
  nikSlots: StringSlots;
  nikSlotOf: Int32Array;
  /** Per NIK slot: the first registration with it, by registered_at then registration_id. */
  firstOfNik: Int32Array;
  /** Distinct KKs. */
  kkSlots: StringSlots;
  kkSlotOf: Int32Array;
  /** Per KK slot: the last registration that took a place in it, or -1. */
  lastInKk: Int32Array;
  /** Per registration that took a place: the one before it in the same KK, or -1. */
  previousInKk: Int32Array;
  /** Participants counted towards each KK as of asOf, by KK slot (only KKs that registrations have). */
  kkParticipants: Map<number, ParticipantRow[]>;
  /** Participants of waves published by asOf, by NIK slot. */
  participantsByNik: Map<number, ParticipantRow>;
  /** Exclusion entries active on asOf, by NIK slot, ordered by list then valid_from. */
  exclusionsByNik: Map<number, ExclusionRow[]>;
  summary: ScreeningSummary;
}

/** NIK_INVALID's problems in the order nikDetail numbers them. */
export const NIK_PROBLEMS: readonly NikProblem[] = NIK_PROBLEM_ORDER;

/** Collects rows into columns; the core can push rows as it streams them from SQLite. */
export class RegistrationColumnsBuilder {
  private readonly cols: RegistrationColumns = { registration_id: [], nik: [], kk: [], birth_date: [], gender: [], registered_at: [] };

  push(row: RegistrationRow): void {
    const c = this.cols;
    c.registration_id.push(row.registration_id);
    c.nik.push(row.nik);
    c.kk.push(row.kk);
    c.birth_date.push(row.birth_date);
    c.gender.push(row.gender);
    (c.registered_at as number[]).push(instantMs(row.registered_at));
  }

  get length(): number {
    return this.cols.registration_id.length;
  }

  build(): RegistrationColumns {
    return { ...this.cols, registered_at: Float64Array.from(this.cols.registered_at) };
  }
}

function toColumns(registrations: ScreeningInput['registrations']): RegistrationColumns {
  if (isColumns(registrations)) {
    const n = registrations.registration_id.length;
    for (const key of ['nik', 'kk', 'birth_date', 'gender', 'registered_at'] as const) {
      if (registrations[key].length !== n) throw new RangeError(`registration column ${key} has ${registrations[key].length} values, expected ${n}`);
    }
    return registrations;
  }
  const builder = new RegistrationColumnsBuilder();
  for (const row of registrations) builder.push(row);
  return builder.build();
}

function isColumns(value: ScreeningInput['registrations']): value is RegistrationColumns {
  return !(Symbol.iterator in value) && Array.isArray((value as RegistrationColumns).registration_id);
}

const byListThenFrom = (a: ExclusionRow, b: ExclusionRow) =>
  a.list < b.list ? -1 : a.list > b.list ? 1 : (a.valid_from ?? '') < (b.valid_from ?? '') ? -1 : (a.valid_from ?? '') > (b.valid_from ?? '') ? 1 : 0;

const PROGRESS_EVERY = 1 << 16;
const PASSES = 3;

/**
 * Screens every registration as of `asOf` (`YYYY-MM-DD`, the reference date of DESIGN 3.2) and
 * reports every failed rule. KK_LIMIT is given only to registrations that pass every other rule and
 * find their KK full, as the contract's rule reads: a registration failing another rule takes no
 * place in the KK and is not counted there.
 */
export function screen(input: ScreeningInput, asOf: string, options: ScreenOptions = {}): Screening {
  if (!isIsoDate(asOf)) throw new RangeError(`reference date must be a real YYYY-MM-DD date, got ${asOf}`);
  const asOfKey = dateKey(asOf);
  const regs = toColumns(input.registrations);
  const n = regs.registration_id.length;
  const progress = (pass: number, done: number) => {
    if (options.onProgress && done % PROGRESS_EVERY === 0) options.onProgress(pass * n + done, PASSES * n);
  };
  const masks = new Uint8Array(n);

  // Pass 1, input order (reading the strings in the order they sit in memory): group NIKs and KKs,
  // and find each NIK's first registration in registration order.
  const order = registrationOrder(regs);
  const rank = new Uint32Array(n);
  for (let k = 0; k < n; k++) rank[order[k]!] = k;
  const nikSlots = new StringSlots(regs.nik);
  const kkSlots = new StringSlots(regs.kk);
  const nikSlotOf = new Int32Array(n);
  const kkSlotOf = new Int32Array(n);
  const firstOfNik = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    progress(0, i);
    const known = nikSlots.size;
    const slot = nikSlots.add(i);
    nikSlotOf[i] = slot;
    if (slot === known || rank[i]! < rank[firstOfNik[slot]!]!) firstOfNik[slot] = i;
    kkSlotOf[i] = kkSlots.add(i);
  }

  // Participants and exclusions matter only for the NIKs and KKs that registrations have.
  const nikFlags = new Uint8Array(nikSlots.size);
  const participantsByNik = new Map<number, ParticipantRow>();
  const kkParticipants = new Map<number, ParticipantRow[]>();
  const kkCount = new Uint32Array(kkSlots.size);
  for (const p of input.participants) {
    if (!isParticipantBy(p, asOf)) continue;
    const nikSlot = nikSlots.find(p.nik);
    if (nikSlot !== -1) {
      nikFlags[nikSlot]! |= REASON_BIT.ALREADY_PARTICIPANT;
      participantsByNik.set(nikSlot, p);
    }
    if (!countsTowardKk(p, asOf)) continue;
    const kkSlot = kkSlots.find(p.kk);
    if (kkSlot === -1) continue;
    kkCount[kkSlot]!++;
    const members = kkParticipants.get(kkSlot);
    if (members) members.push(p);
    else kkParticipants.set(kkSlot, [p]);
  }
  const exclusionsByNik = new Map<number, ExclusionRow[]>();
  for (const e of input.exclusions) {
    if (!isExclusionActive(e, asOf)) continue;
    const nikSlot = nikSlots.find(e.nik);
    if (nikSlot === -1) continue;
    nikFlags[nikSlot]! |= REASON_BIT.EXCLUDED;
    const entries = exclusionsByNik.get(nikSlot);
    if (entries) entries.push(e);
    else exclusionsByNik.set(nikSlot, [e]);
  }
  for (const entries of exclusionsByNik.values()) if (entries.length > 1) entries.sort(byListThenFrom);

  // Pass 2, input order: the rules about the registration itself, DUPLICATE_NIK, and the NIK's flags.
  const given = typeof input.rowRules === 'function' ? input.rowRules() : input.rowRules;
  const rowRules = given && given.asOf === asOf && given.masks.length === n && given.nikDetail.length === n ? given : null;
  const nikDetail = rowRules ? rowRules.nikDetail : new Uint8Array(n);
  const asOfParts = dateParts(asOfKey);
  for (let i = 0; i < n; i++) {
    progress(1, i);
    const nikSlot = nikSlotOf[i]!;
    let mask = nikFlags[nikSlot]!;
    if (firstOfNik[nikSlot] !== i) mask |= REASON_BIT.DUPLICATE_NIK;
    if (rowRules) mask |= rowRules.masks[i]!;
    else {
      const birthDate = regs.birth_date[i]!;
      const verdict = nikVerdict(regs.nik[i]!, birthDate, regs.gender[i]!, asOfParts);
      mask |= rowRuleMask(verdict, dateKey(birthDate), asOfKey);
      nikDetail[i] = rowRuleDetail(verdict);
    }
    masks[i] = mask;
  }

  // Pass 3, registration order, on typed arrays only: KK places, after the KK's counted participants,
  // for those that pass every other rule.
  const lastInKk = new Int32Array(kkSlots.size).fill(-1);
  const previousInKk = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    progress(2, k);
    const i = order[k]!;
    if (masks[i] !== 0) continue;
    const kkSlot = kkSlotOf[i]!;
    if (kkCount[kkSlot]! >= KK_LIMIT) {
      masks[i] = REASON_BIT.KK_LIMIT;
      continue;
    }
    kkCount[kkSlot]!++;
    previousInKk[i] = lastInKk[kkSlot]!;
    lastInKk[kkSlot] = i;
  }
  options.onProgress?.(PASSES * n, PASSES * n);

  return {
    asOf,
    registrations: regs,
    masks,
    nikDetail,
    nikSlots,
    nikSlotOf,
    firstOfNik,
    kkSlots,
    kkSlotOf,
    lastInKk,
    previousInKk,
    kkParticipants,
    participantsByNik,
    exclusionsByNik,
    summary: summarize(masks, asOf),
  };
}

function summarize(masks: Uint8Array, asOf: string): ScreeningSummary {
  const byMask = new Uint32Array(1 << REASON_CODES.length);
  for (let i = 0; i < masks.length; i++) byMask[masks[i]!]!++;
  const reasons = emptyReasonCounts();
  for (let mask = 1; mask < byMask.length; mask++) {
    if (byMask[mask]) for (const code of reasonsOf(mask)) reasons[code] += byMask[mask]!;
  }
  return { asOf, total: masks.length, eligible: byMask[0]!, ineligible: masks.length - byMask[0]!, reasons };
}

/** Who fills the KK of registration i: its counted participants, then the registrations that took places, in order. */
export function kkMembersOf(s: Screening, i: number): KkMember[] {
  const kkSlot = s.kkSlotOf[i]!;
  const members: KkMember[] = (s.kkParticipants.get(kkSlot) ?? []).map((p) => ({
    kind: 'participant' as const,
    nik: p.nik,
    ...(p.wave === undefined ? {} : { wave: p.wave }),
    published_on: p.published_on,
  }));
  const takers: number[] = [];
  for (let j = s.lastInKk[kkSlot]!; j !== -1; j = s.previousInKk[j]!) takers.unshift(j);
  for (const j of takers) members.push({ kind: 'registration', registration_id: s.registrations.registration_id[j]!, nik: s.registrations.nik[j]! });
  return members;
}

/** The first registration (by registered_at, then registration_id) with the NIK of registration i; i itself when it is the first. */
export function firstWithNik(s: Screening, i: number): number {
  return s.firstOfNik[s.nikSlotOf[i]!]!;
}

/** The outcome of registration i with its details, built on demand (the batch itself keeps only masks). */
export function outcomeAt(s: Screening, i: number): RegistrationOutcome {
  const mask = s.masks[i];
  if (mask === undefined) throw new RangeError(`no registration at index ${i}`);
  const regs = s.registrations;
  const nikSlot = s.nikSlotOf[i]!;
  const details: ReasonDetails = {};
  if (mask & REASON_BIT.NIK_INVALID) details.nikProblem = NIK_PROBLEMS[s.nikDetail[i]!];
  if (mask & REASON_BIT.NIK_MISMATCH) details.nikMismatch = mismatchFields(s.nikDetail[i]!);
  if (mask & (REASON_BIT.UNDER_AGE | REASON_BIT.OVER_AGE)) details.age = ageFromKeys(dateKey(regs.birth_date[i]!), dateKey(s.asOf));
  if (mask & REASON_BIT.DUPLICATE_NIK) details.duplicateOf = regs.registration_id[firstWithNik(s, i)];
  if (mask & REASON_BIT.KK_LIMIT) details.kkMembers = kkMembersOf(s, i);
  if (mask & REASON_BIT.EXCLUDED) {
    const entries = s.exclusionsByNik.get(nikSlot)!;
    details.exclusions = entries;
    details.excludedLists = [...new Set(entries.map((e) => e.list))];
  }
  if (mask & REASON_BIT.ALREADY_PARTICIPANT) details.participant = s.participantsByNik.get(nikSlot);
  return { registration_id: regs.registration_id[i]!, status: mask ? 'ineligible' : 'eligible', reasons: reasonsOf(mask), details };
}

/** Every outcome in input order. Convenient for small registers; a million should use masks directly. */
export function* outcomes(s: Screening): Generator<RegistrationOutcome> {
  for (let i = 0; i < s.masks.length; i++) yield outcomeAt(s, i);
}
