import { describe, expect, it } from 'vitest';
import { compareRank, selectByKeys, selectWave, type KeyedRow, type PoolMember } from '../../../shared/selection/select';
import { rng, sha256HexNode, shuffled, specKey } from './spec-key';

const SEED = 'prakerja-gelombang-1';
const COMMITMENT = sha256HexNode(SEED);

const POOL: PoolMember[] = [
  { registrationId: 'R01', provinceCode: '31', employmentStatus: 'unemployed' },
  { registrationId: 'R02', provinceCode: '31', employmentStatus: 'employed' },
  { registrationId: 'R03', provinceCode: '31', employmentStatus: 'laid_off' },
  { registrationId: 'R04', provinceCode: '31', employmentStatus: 'informal' },
  { registrationId: 'R05', provinceCode: '31', employmentStatus: 'employed' },
  { registrationId: 'R06', provinceCode: '32', employmentStatus: 'unemployed' },
  { registrationId: 'R07', provinceCode: '32', employmentStatus: 'micro_business' },
  { registrationId: 'R08', provinceCode: '32', employmentStatus: 'employed' },
  { registrationId: 'R09', provinceCode: '33', employmentStatus: 'laid_off' },
  { registrationId: 'R10', provinceCode: '33', employmentStatus: 'employed' },
];
const WEIGHTS = { unemployed: 2, laid_off: 1.5 };

/** The expected selection, written independently: node:crypto keys, a plain sort, the top n. */
function expectedTop(members: PoolMember[], n: number): string[] {
  return members
    .map((m) => ({ id: m.registrationId, key: specKey(SEED, m.registrationId, WEIGHTS[m.employmentStatus as keyof typeof WEIGHTS] ?? 1) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, n)
    .map((m) => m.id)
    .sort();
}

const selectedIds = (rows: { registrationId: string; selected: boolean }[]) =>
  rows
    .filter((r) => r.selected)
    .map((r) => r.registrationId)
    .sort();

describe('selectWave (DESIGN 3.3)', () => {
  it('selects the largest keys per province under a largest-remainder split (small hand-checked case)', () => {
    const result = selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: POOL, weights: WEIGHTS, quota: { national: 5 } });
    // 5·5/10 = 2.5, 5·3/10 = 1.5, 5·2/10 = 1.0: floors 2+1+1 = 4; the 0.5 tie goes to 31 (lower code).
    expect(result.provinces).toEqual({
      '31': { quota: 3, pool: 5, selected: 3, unfilled: 0 },
      '32': { quota: 1, pool: 3, selected: 1, unfilled: 0 },
      '33': { quota: 1, pool: 2, selected: 1, unfilled: 0 },
    });
    expect({ quota: result.quota, pool: result.pool, selected: result.selected, unfilled: result.unfilled }).toEqual({ quota: 5, pool: 10, selected: 5, unfilled: 0 });
    const by = (code: string) => POOL.filter((m) => m.provinceCode === code);
    expect(selectedIds(result.rows)).toEqual([...expectedTop(by('31'), 3), ...expectedTop(by('32'), 1), ...expectedTop(by('33'), 1)].sort());
    // Frozen vector, computed independently with Python's hashlib and math.log: if this changes,
    // every published proof stops verifying.
    expect(selectedIds(result.rows)).toEqual(['R01', 'R03', 'R05', 'R08', 'R09']);
    const key = (id: string) => result.rows.find((r) => r.registrationId === id)!.key;
    expect(key('R08')).toBe(-0.0030023925690939456);
    expect(key('R02')).toBe(-0.9337017996181312);
    expect(key('R10')).toBe(-1.864158456458586);
    for (const row of result.rows) {
      const m = POOL.find((p) => p.registrationId === row.registrationId)!;
      const weight = WEIGHTS[m.employmentStatus as keyof typeof WEIGHTS] ?? 1;
      expect(row).toMatchObject({ provinceCode: m.provinceCode, weight, key: specKey(SEED, m.registrationId, weight) });
    }
  });

  it('lists rows by province code, then rank', () => {
    const { rows } = selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: shuffled(POOL, rng(3)), weights: WEIGHTS, quota: { national: 5 } });
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(a.provinceCode < b.provinceCode || (a.provinceCode === b.provinceCode && compareRank(a, b) < 0)).toBe(true);
    }
  });

  it('refuses a seed whose hash is not the commitment', () => {
    expect(() => selectWave({ seed: SEED + 'x', seedCommitment: COMMITMENT, pool: POOL, quota: { national: 5 } })).toThrow(/Seed ditolak/);
  });

  it('refuses weights that are not > 0', () => {
    expect(() => selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: POOL, weights: { employed: 0 }, quota: { national: 5 } })).toThrow(/employed/);
  });

  it('explicit quotas: provinces not listed get 0, listed ones without a pool stay unfilled, the national quota is the sum', () => {
    const result = selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: POOL, quota: { provinces: { '31': 2, '34': 3 } } });
    expect(result.provinces).toEqual({
      '31': { quota: 2, pool: 5, selected: 2, unfilled: 0 },
      '32': { quota: 0, pool: 3, selected: 0, unfilled: 0 },
      '33': { quota: 0, pool: 2, selected: 0, unfilled: 0 },
      '34': { quota: 3, pool: 0, selected: 0, unfilled: 3 },
    });
    expect(result).toMatchObject({ quota: 5, pool: 10, selected: 2, unfilled: 3 });
    expect(result.rows.filter((r) => r.selected).every((r) => r.provinceCode === '31')).toBe(true);
  });

  it('a province whose pool is smaller than its quota selects its whole pool; the rest is reported, not moved', () => {
    const result = selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: POOL, quota: { provinces: { '31': 1, '33': 4 } } });
    expect(result.provinces['33']).toEqual({ quota: 4, pool: 2, selected: 2, unfilled: 2 });
    expect(result.provinces['31']).toEqual({ quota: 1, pool: 5, selected: 1, unfilled: 0 });
    expect(result).toMatchObject({ selected: 3, unfilled: 2 });
  });

  it('a national quota above the pool selects everyone and reports the rest', () => {
    const result = selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: POOL, quota: { national: 25 } });
    expect(result).toMatchObject({ quota: 25, pool: 10, selected: 10, unfilled: 15 });
    // 25·5/10 = 12.5 and 25·3/10 = 7.5 tie for the one seat left: 31 comes first.
    expect(result.provinces['31']).toEqual({ quota: 13, pool: 5, selected: 5, unfilled: 8 });
    expect(result.provinces['32']).toEqual({ quota: 7, pool: 3, selected: 3, unfilled: 4 });
  });

  it('reports progress up to the total', () => {
    const calls: number[] = [];
    selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: POOL, quota: { national: 5 }, onProgress: (done) => calls.push(done) });
    expect(calls.at(-1)).toBe(POOL.length);
  });
});

describe('rank ties', () => {
  const row = (registrationId: string, key: number): KeyedRow => ({ registrationId, provinceCode: '31', weight: 1, key });

  it('the comparator puts larger keys first and breaks equal keys by registration_id ascending (code units)', () => {
    expect(compareRank(row('A', -1), row('B', -2))).toBeLessThan(0);
    expect(compareRank(row('B', -1), row('A', -1))).toBeGreaterThan(0);
    expect(compareRank(row('A', -1), row('B', -1))).toBeLessThan(0);
    expect(compareRank(row('Z', -1), row('a', -1))).toBeLessThan(0); // 'Z' < 'a' in code units, not in a locale
    expect([row('R10', -1), row('R2', -1), row('R1', -0.5)].sort(compareRank).map((r) => r.registrationId)).toEqual(['R1', 'R10', 'R2']);
  });

  it('selection takes the lower registration_id when keys are equal', () => {
    const result = selectByKeys([row('B', -1), row('C', -3), row('A', -1)], { national: 1 });
    expect(result.rows.map((r) => [r.registrationId, r.selected])).toEqual([
      ['A', true],
      ['B', false],
      ['C', false],
    ]);
  });
});

describe('selection properties on a generated pool', () => {
  const random = rng(2026);
  const statuses = ['unemployed', 'laid_off', 'informal', 'micro_business', 'employed'];
  const provinces = ['11', '12', '31', '32', '33', '35', '51', '94'];
  const pool: PoolMember[] = Array.from({ length: 5000 }, (_, i) => ({
    registrationId: `REG-${String(i).padStart(6, '0')}`,
    provinceCode: provinces[Math.floor(random() * random() * provinces.length)]!,
    employmentStatus: statuses[Math.floor(random() * statuses.length)]!,
  }));
  const weights = { unemployed: 3, laid_off: 2, informal: 1.25 };
  const run = (members: PoolMember[], quota: { national: number } | { provinces: Record<string, number> }) =>
    selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: members, weights, quota });

  it('gives the same result whatever the input row order', () => {
    const base = run(pool, { national: 700 });
    for (let t = 0; t < 3; t++) expect(run(shuffled(pool, random), { national: 700 })).toEqual(base);
    const explicit = { provinces: { '11': 5, '31': 400, '94': 10 } };
    expect(run(shuffled(pool, random), explicit)).toEqual(run(pool, explicit));
  });

  it('never exceeds a quota, fills every quota its pool allows, and selects by rank', () => {
    for (const quota of [{ national: 700 }, { national: 4999 }, { provinces: { '11': 5000, '31': 3, '35': 0, '51': 80 } }]) {
      const result = run(pool, quota);
      for (const [code, p] of Object.entries(result.provinces)) {
        const rows = result.rows.filter((r) => r.provinceCode === code);
        const chosen = rows.filter((r) => r.selected);
        expect(chosen.length).toBe(p.selected);
        expect(p.selected).toBe(Math.min(p.quota, p.pool));
        expect(p.unfilled).toBe(p.quota - p.selected);
        const lowestChosen = Math.min(...chosen.map((r) => r.key));
        expect(rows.filter((r) => !r.selected && r.key > lowestChosen)).toEqual([]);
      }
      expect(result.selected).toBeLessThanOrEqual(result.quota);
    }
  });

  it('weights favour the statuses weighed more', () => {
    const result = run(pool, { national: 1000 });
    const rate = (status: string) => {
      const rows = result.rows.filter((r) => pool[Number(r.registrationId.slice(4))]!.employmentStatus === status);
      return rows.filter((r) => r.selected).length / rows.length;
    };
    expect(rate('unemployed')).toBeGreaterThan(rate('employed'));
  });
});
