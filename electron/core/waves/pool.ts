import type BetterSqlite3 from 'better-sqlite3';
import { REASON_BIT, outcomeAt, screen, type ExclusionRow, type ParticipantRow, type ReasonCounts } from '../../../shared/eligibility';
import { readExclusions } from '../screening/read-inputs';
import { factsFingerprint } from '../screening/fingerprint';
import type { PoolRegister } from '../screening/read-register';

/** A wave's pool (DESIGN 3.3): indices into the register read up to the close date. */
export interface Pool {
  register: PoolRegister;
  /** Register indices of the pool members, in register order. */
  members: Uint32Array;
  /** Registrations by the cut-off. */
  registrations: number;
  /** Of those, eligible as of the close date after approved overrides (before leaving out participants). */
  eligible: number;
  /** Registrations of people already participants of a published wave (ALREADY_PARTICIPANT, or left out after an override). */
  alreadyParticipants: number;
  /** The pool screening's reason counts, by the rules alone. */
  reasons: ReasonCounts;
  /** Approved overrides whose facts still hold, applied to the pool's screening. */
  overridesApplied: number;
}

/**
 * Participants as the pool's screening counts them. Participation is once in a lifetime, and by the
 * time a wave is selected every participant of a published wave is one, even when that wave was
 * published after this wave's close date: such a participant counts as published on the close date,
 * so that they are left out (ALREADY_PARTICIPANT) and fill their KK (KK_LIMIT) as the rules intend.
 */
export function participantsForPool(sqlite: BetterSqlite3.Database, closesOn: string): ParticipantRow[] {
  const rows = sqlite
    .prepare('SELECT nik, kk, wave_number, published_on, revoked_at FROM participants WHERE published_on IS NOT NULL ORDER BY id')
    .all() as { nik: string; kk: string; wave_number: number; published_on: string; revoked_at: string | null }[];
  return rows.map((p) => ({ nik: p.nik, kk: p.kk, wave: p.wave_number, published_on: p.published_on <= closesOn ? p.published_on : closesOn, revoked_at: p.revoked_at }));
}

interface ActiveOverride {
  id: number;
  applicant_id: number;
  status: 'eligible' | 'ineligible';
  fingerprint: string;
}

/** What the pool's screening reads besides the register (small: read while the register reader starts). */
export interface PoolInputs {
  participants: ParticipantRow[];
  exclusions: ExclusionRow[];
  overrides: ActiveOverride[];
}

export function readPoolInputs(sqlite: BetterSqlite3.Database, closesOn: string): PoolInputs {
  return {
    participants: participantsForPool(sqlite, closesOn),
    exclusions: readExclusions(sqlite),
    overrides: sqlite
      .prepare(`SELECT id, applicant_id, status, fingerprint FROM overrides WHERE decision = 'approved' AND lapsed_at IS NULL AND superseded_by IS NULL`)
      .all() as ActiveOverride[],
  };
}

/**
 * Screens the registrations up to the close date (`register`, read in this connection's snapshot) as
 * of the close date, itself (not from an earlier screening), and keeps the eligible: by the rules, or
 * by an approved four-eyes override whose facts fingerprint still holds on this screening; minus
 * anyone already a participant; one registration per NIK (a later duplicate can only be eligible
 * through an override; the earliest such one stays).
 */
export function computePool(
  closesOn: string,
  register: PoolRegister,
  inputs: PoolInputs,
  onProgress?: (done: number, total: number) => void,
  checkCancelled?: () => void,
): Pool {
  const { participants, exclusions, overrides: active } = inputs;
  const s = screen({ registrations: register.columns, rowRules: register.rowRules, participants, exclusions }, closesOn, {
    onProgress: (done, total) => {
      onProgress?.(done, total);
      checkCancelled?.();
    },
  });
  const n = s.masks.length;
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) eligible[i] = s.masks[i] === 0 ? 1 : 0;

  let overridesApplied = 0;
  if (active.length) {
    const byApplicant = new Map(active.map((o) => [o.applicant_id, o]));
    for (let i = 0; i < n; i++) {
      const o = byApplicant.get(register.ids[i]!);
      if (!o) continue;
      const mask = s.masks[i]!;
      const details = mask === 0 ? null : (JSON.parse(JSON.stringify(outcomeAt(s, i).details)) as Record<string, unknown>);
      if (factsFingerprint(mask, register.versions[i]!, details) !== o.fingerprint) continue;
      eligible[i] = o.status === 'eligible' ? 1 : 0;
      overridesApplied++;
    }
  }

  // Participants of any wave, by the screening's NIK slots (a slot per NIK in the register).
  const participantNik = new Uint8Array(s.nikSlots.size);
  for (const p of participants) {
    const slot = s.nikSlots.find(p.nik);
    if (slot !== -1) participantNik[slot] = 1;
  }
  const perNik = new Uint8Array(s.nikSlots.size);
  let eligibleCount = 0;
  let alreadyParticipants = 0;
  for (let i = 0; i < n; i++) {
    if (s.masks[i]! & REASON_BIT.ALREADY_PARTICIPANT) alreadyParticipants++;
    if (!eligible[i]) continue;
    eligibleCount++;
    if (participantNik[s.nikSlotOf[i]!]) {
      eligible[i] = 0;
      if (!(s.masks[i]! & REASON_BIT.ALREADY_PARTICIPANT)) alreadyParticipants++;
      continue;
    }
    const slot = s.nikSlotOf[i]!;
    if (perNik[slot]! < 2) perNik[slot]!++;
  }
  // Rare: two eligible registrations of one NIK (only an override can make a duplicate eligible).
  const earliest = new Map<number, number>();
  const regs = register.columns;
  for (let i = 0; i < n; i++) {
    if (!eligible[i] || perNik[s.nikSlotOf[i]!] !== 2) continue;
    const slot = s.nikSlotOf[i]!;
    const j = earliest.get(slot);
    const before = j === undefined || regs.registered_at[i]! < regs.registered_at[j]! || (regs.registered_at[i] === regs.registered_at[j] && regs.registration_id[i]! < regs.registration_id[j]!);
    if (before) {
      if (j !== undefined) eligible[j] = 0;
      earliest.set(slot, i);
    } else eligible[i] = 0;
  }

  let size = 0;
  for (let i = 0; i < n; i++) size += eligible[i]!;
  const members = new Uint32Array(size);
  for (let i = 0, k = 0; i < n; i++) if (eligible[i]) members[k++] = i;
  return { register, members, registrations: n, eligible: eligibleCount, alreadyParticipants, overridesApplied, reasons: s.summary.reasons };
}
