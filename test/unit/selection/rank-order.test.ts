import { describe, expect, it } from 'vitest';
import { compareRank, rankByKeys, selectionKeyer, type KeyedRow } from '../../../shared/selection';
import { rng } from './spec-key';

/** The rank order written out plainly: a comparator sort per province, provinces in code order. */
function reference(rows: KeyedRow[]): number[] {
  const idx = rows.map((_, i) => i);
  return idx.sort((a, b) => (rows[a]!.provinceCode < rows[b]!.provinceCode ? -1 : rows[a]!.provinceCode > rows[b]!.provinceCode ? 1 : compareRank(rows[a]!, rows[b]!)));
}

describe('rank order of large provinces (radix path)', () => {
  it('equals a plain comparator sort: real keys, many equal keys, ids that tie-break, small and large provinces (8- and 16-bit radix passes)', () => {
    const random = rng(77);
    const keyOf = selectionKeyer('urutan');
    const provinces = ['11', '31', '32', '35', '94'];
    for (const n of [10, 300, 5000, 40_000, 90_000]) {
      const rows: KeyedRow[] = Array.from({ length: n }, (_, i) => {
        const registrationId = `R${Math.floor(random() * n * 4)}-${i}`;
        const weight = random() < 0.3 ? 2 : 1;
        // A tenth share a handful of keys, so runs of equal keys are sorted by registration_id.
        const key = random() < 0.1 ? -[0.5, 1, 2][Math.floor(random() * 3)]! : keyOf(registrationId, weight);
        return { registrationId, provinceCode: provinces[Math.floor(random() * random() * provinces.length)]!, weight, key };
      });
      const { order } = rankByKeys(rows, { national: Math.floor(n / 10) });
      expect(Array.from(order)).toEqual(reference(rows));
    }
  });

  it('falls back to the comparator for keys that are not all negative (same order either way)', () => {
    const random = rng(5);
    const rows: KeyedRow[] = Array.from({ length: 1000 }, (_, i) => ({ registrationId: `X${i}`, provinceCode: '31', weight: 1, key: random() * 4 - 2 }));
    rows[10]!.key = 0;
    rows[20]!.key = -0;
    const { order } = rankByKeys(rows, { national: 100 });
    expect(Array.from(order)).toEqual(reference(rows));
  });
});
