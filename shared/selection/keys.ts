import { prefixedSha256 } from '../crypto/sha256';

const TWO_POW_52 = 2 ** 52;
const TWO_POW_20 = 2 ** 20;

/** `key = ln(u) / weight` with `u = (x + 0.5) / 2^52`; exact up to Math.log, since x + 0.5 < 2^53. */
export function keyFromHash52(x: number, weight: number): number {
  return Math.log((x + 0.5) / TWO_POW_52) / weight;
}

/**
 * DESIGN 3.3's `x = int(h[0:13], 16)` of `h = sha256_hex(seed + ":" + registration_id)`, for one seed.
 * The first 13 hex digits are the digest's first 32-bit word followed by the top 20 bits of the
 * second, which is how x is read here without building the hex string.
 */
export function selectionHasher(seed: string): (registrationId: string) => number {
  const x = selectionHasherOfRange(seed);
  return (registrationId) => x(registrationId, 0, registrationId.length);
}

/** {@link selectionHasher} of the registration_id written at text[from, to), without slicing it out. */
export function selectionHasherOfRange(seed: string): (text: string, from: number, to: number) => number {
  const hasher = prefixedSha256(seed + ':');
  return (text, from, to) => {
    const words = hasher.wordsOf(text, from, to);
    return (words[0]! >>> 0) * TWO_POW_20 + (words[1]! >>> 12);
  };
}

/** DESIGN 3.3 keys for one seed: `key = ln(u) / weight` of the registration's {@link selectionHasher} x. */
export function selectionKeyer(seed: string): (registrationId: string, weight: number) => number {
  const x = selectionHasher(seed);
  return (registrationId, weight) => keyFromHash52(x(registrationId), weight);
}

export type Weights = Readonly<Record<string, number>>;

/** The weight of an employment_status: its entry in `weights`, else 1.0. */
export function weightOf(weights: Weights | undefined, employmentStatus: string): number {
  if (weights && Object.prototype.hasOwnProperty.call(weights, employmentStatus)) return weights[employmentStatus]!;
  return 1;
}

/** Weights must be finite and > 0 (DESIGN 4); returns the offending statuses. */
export function invalidWeights(weights: Weights): string[] {
  return Object.entries(weights)
    .filter(([, w]) => !(Number.isFinite(w) && w > 0))
    .map(([status]) => status);
}
