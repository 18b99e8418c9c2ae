import { describe, expect, it } from 'vitest';
import { cardNumber, formatCardNumber, isValidCardNumber, luhnCheckDigit } from '../../../shared/waves/card-number';
import { addDays, endOfJakartaDay, jakartaDate, purchaseDeadline, revocationDate } from '../../../shared/waves/dates';

describe('card numbers', () => {
  it('are wave (4) + province (2) + serial (9) + a Luhn check digit', () => {
    // Known Luhn vectors: 7992739871 → 3, 4539 1488 0343 646 → 7.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('453914880343646')).toBe(7);
    const n = cardNumber(3, '32', 17);
    expect(n).toHaveLength(16);
    expect(n.slice(0, 15)).toBe('000332000000017');
    expect(isValidCardNumber(n)).toBe(true);
    expect(formatCardNumber(n)).toBe(`0003-3200-0000-017${n[15]}`);
  });

  it('catch any single mistyped digit and any swap of two different neighbours', () => {
    const n = cardNumber(12, '35', 123456);
    for (let i = 0; i < 16; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === n[i]) continue;
        expect(isValidCardNumber(n.slice(0, i) + d + n.slice(i + 1))).toBe(false);
      }
      if (i < 15 && n[i] !== n[i + 1] && !['09', '90'].includes(n[i]! + n[i + 1]!)) {
        expect(isValidCardNumber(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2))).toBe(false);
      }
    }
  });

  it('are unique across waves, provinces and serials', () => {
    const seen = new Set<string>();
    for (const wave of [1, 2, 9999]) for (const p of ['11', '32', '94']) for (let s = 1; s <= 200; s++) seen.add(cardNumber(wave, p, s));
    expect(seen.size).toBe(3 * 3 * 200);
  });

  it('refuse out-of-range parts', () => {
    expect(() => cardNumber(0, '32', 1)).toThrow();
    expect(() => cardNumber(10000, '32', 1)).toThrow();
    expect(() => cardNumber(1, '3', 1)).toThrow();
    expect(() => cardNumber(1, '32', 1_000_000_000)).toThrow();
    expect(isValidCardNumber('123')).toBe(false);
  });
});

describe('wave dates', () => {
  it('end the Jakarta day at 16:59:59.999Z of the same date', () => {
    expect(endOfJakartaDay('2026-06-30')).toBe('2026-06-30T16:59:59.999Z');
    expect(new Date('2026-06-30T23:59:59.999+07:00').toISOString()).toBe(endOfJakartaDay('2026-06-30'));
    expect(jakartaDate(new Date('2026-06-30T16:59:59.999Z'))).toBe('2026-06-30');
    expect(jakartaDate(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
  });

  it('put the purchase deadline at publication + 30 days and the revocation on the day after', () => {
    expect(purchaseDeadline('2026-06-05')).toBe('2026-07-05');
    expect(revocationDate('2026-06-05')).toBe('2026-07-06');
    expect(purchaseDeadline('2028-02-01')).toBe('2028-03-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
