import { describe, expect, it } from 'vitest';
import {
  KK_LIMIT,
  REASON_CODES,
  checkNik,
  countsTowardKk,
  isExclusionActive,
  isOverAge,
  isParticipantBy,
  isUnderAge,
  outcomeAt,
  screen,
  type ReasonCode,
  type RegistrationColumns,
} from '../../../shared/eligibility';
import { generateRegister, prng, type GeneratedRegister } from './generate-register';

/** The rules of DESIGN 3.2 written the plain way, one registration at a time, to check the engine against. */
function referenceScreening({ registrations: r, participants, exclusions }: GeneratedRegister, asOf: string): Map<string, ReasonCode[]> {
  const rows = r.registration_id.map((id, i) => ({ id, nik: r.nik[i]!, kk: r.kk[i]!, birth: r.birth_date[i]!, gender: r.gender[i]!, at: r.registered_at[i]! }));
  rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = new Map<string, Set<ReasonCode>>();
  const seen = new Set<string>();
  for (const row of rows) {
    const reasons = new Set<ReasonCode>();
    const nik = checkNik(row.nik, row.birth, row.gender, asOf);
    if (nik.reason) reasons.add(nik.reason);
    if (isUnderAge(row.birth, asOf)) reasons.add('UNDER_AGE');
    if (isOverAge(row.birth, asOf)) reasons.add('OVER_AGE');
    if (seen.has(row.nik)) reasons.add('DUPLICATE_NIK');
    seen.add(row.nik);
    if (exclusions.some((e) => e.nik === row.nik && isExclusionActive(e, asOf))) reasons.add('EXCLUDED');
    if (participants.some((p) => p.nik === row.nik && isParticipantBy(p, asOf))) reasons.add('ALREADY_PARTICIPANT');
    result.set(row.id, reasons);
  }
  const filled = new Map<string, number>();
  for (const p of participants) if (countsTowardKk(p, asOf)) filled.set(p.kk, (filled.get(p.kk) ?? 0) + 1);
  for (const row of rows) {
    const reasons = result.get(row.id)!;
    if (reasons.size > 0) continue;
    const n = filled.get(row.kk) ?? 0;
    if (n >= KK_LIMIT) reasons.add('KK_LIMIT');
    else filled.set(row.kk, n + 1);
  }
  return new Map([...result].map(([id, reasons]) => [id, REASON_CODES.filter((c) => reasons.has(c))]));
}

function shuffled(cols: RegistrationColumns, seed: number): RegistrationColumns {
  const rnd = prng(seed);
  const idx = cols.registration_id.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return {
    registration_id: idx.map((i) => cols.registration_id[i]!),
    nik: idx.map((i) => cols.nik[i]!),
    kk: idx.map((i) => cols.kk[i]!),
    birth_date: idx.map((i) => cols.birth_date[i]!),
    gender: idx.map((i) => cols.gender[i]!),
    registered_at: Float64Array.from(idx, (i) => cols.registered_at[i]!),
  };
}

describe.each([
  [1, '2026-05-03'],
  [2, '2024-02-29'],
  [3, '2025-03-01'],
])('a generated register (seed %i, as of %s)', (seed, asOf) => {
  const register = generateRegister(20_000, asOf, seed);
  const screening = screen(register, asOf);
  const regs = screening.registrations;
  const outcomes = regs.registration_id.map((_, i) => outcomeAt(screening, i));

  it('agrees with the plain one-at-a-time reading of the rules', () => {
    const expected = referenceScreening(register, asOf);
    const mismatches = outcomes.filter((o) => JSON.stringify(o.reasons) !== JSON.stringify(expected.get(o.registration_id)));
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The register exercises every reason.
    for (const code of REASON_CODES) expect(screening.summary.reasons[code], code).toBeGreaterThan(0);
  });

  it('lists reasons in table order, and is eligible exactly when it has none', () => {
    const wrong = outcomes.filter((o) => {
      const positions = o.reasons.map((c) => REASON_CODES.indexOf(c));
      const ordered = positions.every((p, k) => k === 0 || positions[k - 1]! < p);
      return !ordered || (o.status === 'eligible') !== (o.reasons.length === 0);
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(screening.summary.eligible + screening.summary.ineligible).toBe(outcomes.length);
    expect(screening.summary.eligible).toBe(outcomes.filter((o) => o.status === 'eligible').length);
  });

  it('leaves no KK with more than 2 participants and eligible registrations together', () => {
    const counted = new Map<string, number>();
    for (const p of register.participants) if (countsTowardKk(p, asOf)) counted.set(p.kk, (counted.get(p.kk) ?? 0) + 1);
    const eligible = new Map<string, number>();
    outcomes.forEach((o, i) => {
      if (o.status === 'eligible') eligible.set(regs.kk[i]!, (eligible.get(regs.kk[i]!) ?? 0) + 1);
    });
    const overfull = [...eligible].filter(([kk, n]) => n + (counted.get(kk) ?? 0) > KK_LIMIT);
    expect(overfull).toEqual([]);
    const limitedWrongly = outcomes.filter(
      (o, i) =>
        o.reasons.includes('KK_LIMIT') &&
        (o.reasons.length !== 1 ||
          o.details.kkMembers?.length !== KK_LIMIT ||
          (counted.get(regs.kk[i]!) ?? 0) + (eligible.get(regs.kk[i]!) ?? 0) !== KK_LIMIT),
    );
    expect(limitedWrongly.slice(0, 5)).toEqual([]);
  });

  it('names an earlier registration with the same NIK for every duplicate', () => {
    const index = new Map(regs.registration_id.map((id, i) => [id, i]));
    const wrong = outcomes.filter((o, i) => {
      if (!o.reasons.includes('DUPLICATE_NIK')) return false;
      const j = index.get(o.details.duplicateOf!)!;
      const earlier = regs.registered_at[j]! < regs.registered_at[i]! || (regs.registered_at[j] === regs.registered_at[i] && regs.registration_id[j]! < regs.registration_id[i]!);
      return regs.nik[j] !== regs.nik[i] || !earlier;
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('does not depend on the order the rows come in', () => {
    const again = screen({ ...register, registrations: shuffled(register.registrations, seed + 100) }, asOf);
    const before = new Map(outcomes.map((o) => [o.registration_id, o.reasons]));
    const moved = again.registrations.registration_id.filter((id, i) => outcomeAt(again, i).reasons !== before.get(id));
    expect(moved.slice(0, 5)).toEqual([]);
  });
});
