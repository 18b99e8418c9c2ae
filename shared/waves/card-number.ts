/**
 * Participant card numbers: 16 digits `WWWW PP SSSSSSSSS C` — the wave number (4 digits), the
 * participant's province code (2), a serial within the wave (9, from 1, in the selection's order:
 * province code, then rank) and a Luhn check digit over the first 15, so a mistyped digit or a
 * swap of two neighbours is caught before a lookup. Unique by construction: one wave has each
 * serial once, and the wave number is part of the number.
 */

export const CARD_NUMBER_LENGTH = 16;
const MAX_SERIAL = 999_999_999;

/** The Luhn check digit of a string of digits (the digit to append). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // From the rightmost digit of the payload, every other digit (starting with it) is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError(`not a digit string: ${digits}`);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function cardNumber(wave: number, provinceCode: string, serial: number): string {
  if (!Number.isInteger(wave) || wave < 1 || wave > 9999) throw new RangeError(`wave number must be 1–9999, got ${wave}`);
  if (!/^\d{2}$/.test(provinceCode)) throw new RangeError(`province code must be 2 digits, got ${provinceCode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) throw new RangeError(`serial must be 1–${MAX_SERIAL}, got ${serial}`);
  const payload = String(wave).padStart(4, '0') + provinceCode + String(serial).padStart(9, '0');
  return payload + luhnCheckDigit(payload);
}

/** 16 digits whose last is the Luhn check digit of the first 15. */
export function isValidCardNumber(value: string): boolean {
  return /^\d{16}$/.test(value) && luhnCheckDigit(value.slice(0, 15)) === Number(value[15]);
}

/** `0003 32 000000017 4` → `0003-3200-0000-0174`, the way a card prints it. */
export function formatCardNumber(value: string): string {
  return value.length === CARD_NUMBER_LENGTH ? value.replace(/(\d{4})(?=\d)/g, '$1-') : value;
}
