import { describe, expect, it } from 'vitest';
import { keyedBy, MISSING, rowReader, rowRejects } from '../../../electron/core/catalog/import/values';

const COLUMNS = { price: 0, hours: 1, title: 2 };
const row = (...values: string[]) => rowRejects(7, rowReader(values, COLUMNS));

describe('the finance imports\' field helpers', () => {
  it('parse a required value, or reject it once with its column, row and raw value', () => {
    const ok = row(' 1500000 ', '12', 'Web');
    expect(ok.rupiah('price')).toBe(1_500_000);
    expect(ok.parsed('hours', (v) => (/^\d+$/.test(v) ? Number(v) : null), (v) => `${v} bukan jam`)).toBe(12);
    expect(ok.rejects).toEqual([]);

    const bad = row('1.500.000', '', 'Web');
    expect(bad.rupiah('price')).toBeNull();
    expect(bad.parsed('hours', Number, () => 'tidak dipakai')).toBeNull();
    expect(bad.rejects).toEqual([
      { row: 7, column: 'price', reason: expect.stringContaining('bukan jumlah Rupiah'), value: '1.500.000' },
      // An empty cell is reported as missing, not as a value that does not parse.
      { row: 7, column: 'hours', reason: MISSING, value: null },
    ]);
  });

  it('key a spec by one column: the column names the key in a duplicate-row reject', () => {
    const key = keyedBy('training_id', (v: { id: string }) => v.id);
    expect({ column: key.keyColumn, name: key.keyName, of: key.keyOf({ id: 'T-1' }), value: key.keyValue({ id: 'T-1' }) }).toEqual({
      column: 'training_id', name: 'training_id', of: 'T-1', value: 'T-1',
    });
  });
});
