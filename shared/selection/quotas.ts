import { ApiError } from '../api/errors';

/** How a wave's seats are split over provinces (DESIGN 3.3). */
export type QuotaSpec =
  /** The national quota, split over provinces by largest remainder in proportion to their pools. */
  | { national: number }
  /** Explicit province quotas; provinces not listed get 0 and the national quota is the sum. */
  | { provinces: Readonly<Record<string, number>> };

export function isExplicit(spec: QuotaSpec): spec is { provinces: Readonly<Record<string, number>> } {
  return 'provinces' in spec;
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * Largest-remainder split of `national` seats in proportion to `pools` (province → pool size).
 * Exact: province p's share is national·pool_p / total as a rational, so its floor and remainder
 * are computed in BigInt; leftover seats go to the largest remainders, ties by province code ascending.
 * Provinces with an empty pool get 0. With no pool at all, every province gets 0.
 */
export function largestRemainderQuotas(national: number, pools: ReadonlyMap<string, number>): Map<string, number> {
  if (!isCount(national)) throw new ApiError('VALIDATION', `Kuota nasional harus bilangan bulat >= 0, bukan ${national}.`);
  const codes = [...pools.keys()].sort(compareCodes);
  for (const code of codes) {
    const pool = pools.get(code)!;
    if (!isCount(pool)) throw new RangeError(`pool of province ${code} must be a non-negative integer, got ${pool}`);
  }
  const total = codes.reduce((sum, c) => sum + BigInt(pools.get(c)!), 0n);
  const quotas = new Map<string, number>(codes.map((c) => [c, 0]));
  if (total === 0n) return quotas;
  const q = BigInt(national);
  const remainders: { code: string; remainder: bigint }[] = [];
  let given = 0n;
  for (const code of codes) {
    const product = q * BigInt(pools.get(code)!);
    const floor = product / total;
    quotas.set(code, Number(floor));
    given += floor;
    remainders.push({ code, remainder: product % total });
  }
  remainders.sort((a, b) => (a.remainder === b.remainder ? compareCodes(a.code, b.code) : a.remainder > b.remainder ? -1 : 1));
  // The floors fall short by less than the number of provinces with a non-zero remainder.
  for (let i = 0; i < Number(q - given); i++) {
    const { code } = remainders[i]!;
    quotas.set(code, quotas.get(code)! + 1);
  }
  return quotas;
}

/** Explicit quotas as a map; every value must be an integer >= 0. */
export function explicitQuotas(provinces: Readonly<Record<string, number>>): Map<string, number> {
  const quotas = new Map<string, number>();
  for (const code of Object.keys(provinces).sort(compareCodes)) {
    const quota = provinces[code]!;
    if (!isCount(quota)) throw new ApiError('VALIDATION', `Kuota provinsi ${code} harus bilangan bulat >= 0, bukan ${quota}.`);
    quotas.set(code, quota);
  }
  return quotas;
}

/** Province quotas for a spec and the pools it applies to. */
export function provinceQuotas(spec: QuotaSpec, pools: ReadonlyMap<string, number>): Map<string, number> {
  return isExplicit(spec) ? explicitQuotas(spec.provinces) : largestRemainderQuotas(spec.national, pools);
}

/** Code-unit order (SQLite's BINARY collation for these ASCII codes), never locale order. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
