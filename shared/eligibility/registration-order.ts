import type { RegistrationColumns } from './engine';

const DIGIT_BITS = 14;
const DIGIT = 1 << DIGIT_BITS;
const LOW_SPAN = DIGIT * DIGIT;

const byId = (ids: readonly string[]) => (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);

/**
 * Row indices in registration order: registered_at instant, then registration_id in code-unit order
 * (the order of SQLite's BINARY collation for these ASCII ids). Rows that already come in that order
 * cost one check. Otherwise whole-millisecond instants are radix-sorted (a comparator sort of a million
 * rows costs several times more), then each run of equal instants is sorted by registration_id.
 */
export function registrationOrder(regs: RegistrationColumns): Uint32Array {
  const n = regs.registration_id.length;
  const at = regs.registered_at;
  const ids = regs.registration_id;
  const order = new Uint32Array(n);
  let sorted = true;
  let wholeMs = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    const t = at[i]!;
    if (sorted && i > 0 && (at[i - 1]! > t || (at[i - 1] === t && ids[i - 1]! > ids[i]!))) sorted = false;
    if (!Number.isInteger(t)) wholeMs = false;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (sorted) return order;
  if (!wholeMs || max - min > Number.MAX_SAFE_INTEGER) {
    return order.sort((a, b) => at[a]! - at[b]! || byId(ids)(a, b));
  }
  const byInstant = radixSortByInstant(at, min, max);
  const compareIds = byId(ids);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && at[byInstant[end]!] === at[byInstant[start]!]) end++;
    if (end - start > 1) byInstant.subarray(start, end).sort(compareIds);
    start = end;
  }
  return byInstant;
}

/** Stable LSD radix sort of row indices by (instant - min), 14 bits a pass, as many passes as the span needs. */
function radixSortByInstant(at: Float64Array | number[], min: number, max: number): Uint32Array {
  const n = at.length;
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = at[i]! - min;
    low[i] = r % LOW_SPAN;
    high[i] = Math.floor(r / LOW_SPAN);
  }
  const span = max - min;
  let order = Uint32Array.from({ length: n }, (_, i) => i);
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(DIGIT);
  const pass = (key: Uint32Array, shift: number) => {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(key[order[k]!]! >>> shift) & (DIGIT - 1)]!++;
    let sum = 0;
    for (let d = 0; d < DIGIT; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      spare[counts[(key[i]! >>> shift) & (DIGIT - 1)]!++] = i;
    }
    [order, spare] = [spare, order];
  };
  pass(low, 0);
  if (span >= DIGIT) pass(low, DIGIT_BITS);
  for (let shift = 0, rest = Math.floor(span / LOW_SPAN); rest > 0; shift += DIGIT_BITS, rest = Math.floor(rest / DIGIT)) pass(high, shift);
  return order;
}
