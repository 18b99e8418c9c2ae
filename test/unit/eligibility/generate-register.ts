/**
 * A deterministic synthetic register for property tests and the screening bench: families sharing
 * a KK, a spread of ages around both limits, some invalid or mismatched NIKs, repeated NIKs,
 * exclusion entries with windows, and participants of earlier waves (some revoked, some published
 * after the reference date).
 */
import type { ExclusionRow, ParticipantRow, RegistrationColumns } from '../../../shared/eligibility';
import { PROVINCES } from '../../../shared/regions/provinces';

export interface GeneratedRegister {
  registrations: RegistrationColumns;
  participants: ParticipantRow[];
  exclusions: ExclusionRow[];
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const PROVINCE_CODES = Object.keys(PROVINCES);
const LISTS = ['ASN', 'TNI', 'POLRI', 'PKH', 'STUDENT'];

export function generateRegister(count: number, asOf: string, seed = 1, opts: { ordered?: boolean } = {}): GeneratedRegister {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const refYear = Number(asOf.slice(0, 4));
  const regs: RegistrationColumns = { registration_id: [], nik: [], kk: [], birth_date: [], gender: [], registered_at: new Float64Array(count) };
  const start = Date.parse(`${refYear}-01-01T00:00:00Z`);
  let kk = '';
  let kkLeft = 0;
  for (let i = 0; i < count; i++) {
    if (kkLeft === 0) {
      kk = `${PROVINCE_CODES[int(0, PROVINCE_CODES.length - 1)]}${pad(i, 14)}`;
      kkLeft = int(1, 4);
    }
    kkLeft--;
    const year = refYear - int(15, 70);
    const month = int(1, 12);
    const day = int(1, 28);
    const gender = rnd() < 0.5 ? 'L' : 'P';
    const birth = `${year}-${pad(month)}-${pad(day)}`;
    let nik: string;
    const roll = rnd();
    if (i > 0 && roll < 0.02) nik = regs.nik[int(0, i - 1)]!; // the same person again
    else {
      const nikDay = (roll < 0.05 ? int(1, 28) : day) + (gender === 'P' ? 40 : 0); // ~3% mismatch
      const serial = roll > 0.97 ? '0000' : pad(int(1, 9999), 4); // ~3% invalid
      nik = `${kk.slice(0, 2)}${pad(int(1, 99))}${pad(int(1, 99))}${pad(nikDay)}${pad(month)}${pad(year % 100)}${serial}`;
    }
    regs.registration_id.push(`REG-${pad(i, 8)}`);
    regs.nik.push(nik);
    regs.kk.push(kk);
    regs.birth_date.push(birth);
    regs.gender.push(gender);
    regs.registered_at[i] = opts.ordered ? start + i * 1000 : start + int(0, 120 * 86_400) * 1000;
  }
  const participants: ParticipantRow[] = [];
  const exclusions: ExclusionRow[] = [];
  const shift = (days: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < count; i++) {
    const r = rnd();
    if (r < 0.04) {
      participants.push({
        nik: regs.nik[i]!,
        kk: regs.kk[i]!,
        wave: int(1, 5),
        published_on: shift(int(-400, 30)),
        revoked_at: rnd() < 0.3 ? shift(int(-300, 60)) : null,
      });
    } else if (r < 0.07) {
      for (let k = int(1, 2); k > 0; k--) {
        exclusions.push({
          nik: regs.nik[i]!,
          list: LISTS[int(0, LISTS.length - 1)]!,
          valid_from: rnd() < 0.3 ? null : shift(int(-500, 20)),
          valid_to: rnd() < 0.5 ? null : shift(int(-20, 500)),
        });
      }
    }
  }
  return { registrations: regs, participants, exclusions };
}
