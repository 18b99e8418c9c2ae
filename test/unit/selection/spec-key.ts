import { createHash } from 'node:crypto';

/** DESIGN 3.3's key formula, written out literally on node:crypto, independent of shared/. */
export function specKey(seed: string, registrationId: string, weight: number): number {
  const h = createHash('sha256').update(seed + ':' + registrationId, 'utf8').digest('hex');
  const x = parseInt(h.slice(0, 13), 16);
  const u = (x + 0.5) / 2 ** 52;
  return Math.log(u) / weight;
}

export const sha256HexNode = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A small deterministic PRNG (mulberry32) so generated pools are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
