import { describe, expect, it } from 'vitest';
import { explicitQuotas, largestRemainderQuotas } from '../../../shared/selection/quotas';
import { rng } from './spec-key';

const lr = (national: number, pools: Record<string, number>) => Object.fromEntries(largestRemainderQuotas(national, new Map(Object.entries(pools))));

describe('largest-remainder split of the national quota', () => {
  it('gives exact shares when they divide evenly', () => {
    expect(lr(10, { '31': 5, '32': 3, '33': 2 })).toEqual({ '31': 5, '32': 3, '33': 2 });
  });

  it('gives leftover seats to the largest remainders', () => {
    // 7·5/10 = 3.5, 7·3/10 = 2.1, 7·2/10 = 1.4: floors 6, one seat left for the 0.5.
    expect(lr(7, { '31': 5, '32': 3, '33': 2 })).toEqual({ '31': 4, '32': 2, '33': 1 });
  });

  it('breaks remainder ties by province code ascending, whatever the map order', () => {
    expect(lr(2, { '13': 1, '12': 1, '11': 1 })).toEqual({ '11': 1, '12': 1, '13': 0 });
  });

  it('compares remainders exactly where floating point would not', () => {
    // 24·22/72, 24·34/72, 24·16/72 all leave remainder 1/3; in doubles 24·34/72 - 11 looks larger.
    expect(lr(24, { '11': 22, '12': 34, '13': 16 })).toEqual({ '11': 8, '12': 11, '13': 5 });
  });

  it('stays exact beyond 2^53 products', () => {
    const q = 2 ** 40;
    const out = lr(q, { '11': 2 ** 30, '12': 2 ** 30 + 1, '13': 1 });
    expect(out['11']! + out['12']! + out['13']!).toBe(q);
  });

  it('gives 0 to empty pools, and 0 everywhere when there is no pool at all', () => {
    expect(lr(5, { '11': 0, '12': 4 })).toEqual({ '11': 0, '12': 5 });
    expect(lr(5, { '11': 0 })).toEqual({ '11': 0 });
    expect(lr(5, {})).toEqual({});
  });

  it('property: sums to the quota, each share within one of its exact value, leftovers to the largest remainders', () => {
    const random = rng(11);
    for (let t = 0; t < 500; t++) {
      const n = 1 + Math.floor(random() * 38);
      const pools: Record<string, number> = {};
      for (let i = 0; i < n; i++) pools[String(11 + i)] = Math.floor(random() * (random() < 0.5 ? 20 : 50_000));
      const total = Object.values(pools).reduce((a, b) => a + b, 0);
      const national = Math.floor(random() * (total + 10));
      const out = lr(national, pools);
      if (total === 0) continue;
      expect(Object.values(out).reduce((a, b) => a + b, 0)).toBe(national);
      const codes = Object.keys(pools).sort();
      const rem = (c: string) => (BigInt(national) * BigInt(pools[c]!)) % BigInt(total);
      const floor = (c: string) => Number((BigInt(national) * BigInt(pools[c]!)) / BigInt(total));
      expect(codes.filter((c) => out[c] !== floor(c) && out[c] !== floor(c) + 1)).toEqual([]);
      const up = codes.filter((c) => out[c] === floor(c) + 1);
      const down = codes.filter((c) => out[c] === floor(c) && rem(c) > 0n);
      const wrong = up.flatMap((u) => down.filter((d) => !(rem(u) > rem(d) || (rem(u) === rem(d) && u < d))).map((d) => `${u} over ${d}`));
      expect(wrong).toEqual([]);
    }
  });

  it('refuses a national quota that is not a non-negative integer', () => {
    expect(() => lr(-1, { '11': 1 })).toThrow(/Kuota nasional/);
    expect(() => lr(1.5, { '11': 1 })).toThrow(/Kuota nasional/);
  });
});

describe('explicit province quotas', () => {
  it('are taken as given and refuse negative or fractional quotas', () => {
    expect(Object.fromEntries(explicitQuotas({ '32': 3, '11': 0 }))).toEqual({ '11': 0, '32': 3 });
    expect(() => explicitQuotas({ '32': -1 })).toThrow(/Kuota provinsi 32/);
    expect(() => explicitQuotas({ '32': 0.5 })).toThrow(/Kuota provinsi 32/);
  });
});
