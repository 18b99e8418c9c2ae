import { describe, expect, it } from 'vitest';
import { terbilang } from '../../../electron/core/invoices/terbilang';

describe('terbilang (an amount in Indonesian words for the payment advice)', () => {
  it.each([
    [0, 'nol rupiah'],
    [11, 'sebelas rupiah'],
    [15, 'lima belas rupiah'],
    [100, 'seratus rupiah'],
    [1000, 'seribu rupiah'],
    [1_500_000, 'satu juta lima ratus ribu rupiah'],
    [3_000_000, 'tiga juta rupiah'],
    [211_011, 'dua ratus sebelas ribu sebelas rupiah'],
    [1_001_000_000, 'satu miliar satu juta rupiah'],
    [12_345_678_901, 'dua belas miliar tiga ratus empat puluh lima juta enam ratus tujuh puluh delapan ribu sembilan ratus satu rupiah'],
  ])('%i → %s', (n, words) => expect(terbilang(n)).toBe(words));

  it('refuses what is not a whole Rupiah amount', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(-1)).toThrow(RangeError);
  });
});
