import { describe, expect, it } from 'vitest';
import { seedCommitment, verifySeed } from '../../../shared/selection/commitment';
import { keyFromHash52, selectionKeyer, weightOf } from '../../../shared/selection/keys';
import { rng, sha256HexNode, specKey } from './spec-key';

describe('seed commitment', () => {
  it('is sha256_hex of the seed, and verifySeed accepts only that seed', () => {
    const seed = 'gelombang-77-rahasia';
    const commitment = sha256HexNode(seed);
    expect(seedCommitment(seed)).toBe(commitment);
    expect(verifySeed(seed, commitment)).toBe(true);
    expect(verifySeed(seed, commitment.toUpperCase())).toBe(true);
    expect(verifySeed(seed + ' ', commitment)).toBe(false);
    expect(verifySeed('gelombang-77-rahasiA', commitment)).toBe(false);
  });
});

describe('selection keys (DESIGN 3.3)', () => {
  it('equal the literal formula computed on node:crypto, for hand-picked ids and weights', () => {
    const keyOf = selectionKeyer('seed-2026');
    for (const [id, w] of [
      ['R0001', 1],
      ['R0002', 1.5],
      ['REG/2026/000123', 0.25],
      ['pendaftar-é-ü-漢', 2],
      ['', 1],
    ] as const) {
      expect(keyOf(id, w)).toBe(specKey('seed-2026', id, w));
    }
  });

  it('equal the literal formula for random seeds (around SHA block sizes) and ids', () => {
    const random = rng(7);
    for (let t = 0; t < 50; t++) {
      const seed = Array.from({ length: Math.floor(random() * 130) }, () => String.fromCharCode(33 + Math.floor(random() * 90))).join('');
      const keyOf = selectionKeyer(seed);
      for (let i = 0; i < 100; i++) {
        const id = `P${Math.floor(random() * 1e9)}-${'x'.repeat(Math.floor(random() * 70))}`;
        const w = 0.1 + random() * 3;
        expect(keyOf(id, w)).toBe(specKey(seed, id, w));
      }
    }
  });

  it('map x to the open interval: the extreme hashes give finite negative keys', () => {
    expect(keyFromHash52(0, 1)).toBe(Math.log(0.5 / 2 ** 52));
    expect(keyFromHash52(2 ** 52 - 1, 1)).toBeLessThan(0);
    expect(keyFromHash52(2 ** 52 - 1, 1)).toBe(Math.log((2 ** 52 - 0.5) / 2 ** 52));
    // A larger weight pulls the key toward 0, so it ranks higher.
    expect(keyFromHash52(1234, 2)).toBeGreaterThan(keyFromHash52(1234, 1));
  });

  it('weights default to 1.0 for statuses not listed', () => {
    expect(weightOf({ unemployed: 2, laid_off: 1.5 }, 'unemployed')).toBe(2);
    expect(weightOf({ unemployed: 2 }, 'employed')).toBe(1);
    expect(weightOf(undefined, 'employed')).toBe(1);
    expect(weightOf({}, 'constructor')).toBe(1);
  });
});
