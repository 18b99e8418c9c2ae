import { describe, expect, it } from 'vitest';
import { StringSlots, registrationOrder, type RegistrationColumns } from '../../../shared/eligibility';
import { prng } from './generate-register';

function columns(times: ArrayLike<number>, ids: string[]): RegistrationColumns {
  const blank = ids.map(() => '');
  return { registration_id: ids, nik: blank, kk: blank, birth_date: blank, gender: blank, registered_at: Float64Array.from(times) };
}

const plainOrder = (c: RegistrationColumns) =>
  c.registration_id
    .map((_, i) => i)
    .sort((a, b) => c.registered_at[a]! - c.registered_at[b]! || (c.registration_id[a]! < c.registration_id[b]! ? -1 : c.registration_id[a]! > c.registration_id[b]! ? 1 : 0));

describe('registrationOrder', () => {
  it.each([
    ['a few seconds apart, many ties', 1_000, 5_000],
    ['a day', 86_400_000, 5_000],
    ['a registration season', 200 * 86_400_000, 20_000],
    ['1900 to 2100 (several radix passes)', 200 * 365 * 86_400_000, 20_000],
  ])('matches a plain sort by instant then id: %s', (_, spanMs, n) => {
    const rnd = prng(spanMs % 1000);
    const base = Date.UTC(1900, 0, 1);
    const times = Array.from({ length: n }, () => base + Math.floor(rnd() * spanMs));
    const ids = Array.from({ length: n }, () => `R${Math.floor(rnd() * n * 10)}`);
    const c = columns(times, ids);
    expect([...registrationOrder(c)]).toEqual(plainOrder(c));
  });

  it('sorts fractional milliseconds exactly too', () => {
    const c = columns([5.5, 5.25, 5.25, 1], ['a', 'c', 'b', 'd']);
    expect([...registrationOrder(c)]).toEqual([3, 2, 1, 0]);
  });

  it('keeps rows that already come in order as they are', () => {
    const c = columns([1, 2, 2, 3], ['a', 'b', 'c', 'a']);
    expect([...registrationOrder(c)]).toEqual([0, 1, 2, 3]);
    expect([...registrationOrder(columns([], []))]).toEqual([]);
  });
});

describe('StringSlots', () => {
  it('gives each distinct value one dense slot, remembered by the row that first brought it', () => {
    const values = ['b', 'a', 'b', 'c', 'a', ''];
    const slots = new StringSlots(values);
    expect(values.map((_, i) => slots.add(i))).toEqual([0, 1, 0, 2, 1, 3]);
    expect(slots.size).toBe(4);
    expect([...slots.firstRow.subarray(0, slots.size)]).toEqual([0, 1, 3, 5]);
    expect(slots.find('c')).toBe(2);
    expect(slots.find('d')).toBe(-1);
  });

  it('keeps many similar values apart', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => `32730101019${String(i % 25_000).padStart(5, '0')}`);
    const slots = new StringSlots(values);
    const got = values.map((_, i) => slots.add(i));
    expect(slots.size).toBe(25_000);
    expect(got.every((slot, i) => slot === i % 25_000)).toBe(true);
  });

  it('refuses more distinct values than its capacity', () => {
    const slots = new StringSlots(['a', 'b'], 1);
    slots.add(0);
    expect(() => slots.add(1)).toThrow(RangeError);
  });
});
