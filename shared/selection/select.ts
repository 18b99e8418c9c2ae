import { ApiError } from '../api/errors';
import { verifySeed } from './commitment';
import { invalidWeights, selectionKeyer, weightOf, type Weights } from './keys';
import { compareCodes, provinceQuotas, type QuotaSpec } from './quotas';

/** One applicant of the pool (DESIGN 3.3). */
export interface PoolMember {
  registrationId: string;
  provinceCode: string;
  employmentStatus: string;
}

/** A pool member with its weight and key: what the proof carries. */
export interface KeyedRow {
  registrationId: string;
  provinceCode: string;
  weight: number;
  key: number;
}

export interface RankedRow extends KeyedRow {
  selected: boolean;
}

export interface ProvinceOutcome {
  quota: number;
  pool: number;
  selected: number;
  unfilled: number;
}

/** The `wave select` JSON keys of DESIGN 7 (less `wave`, which the core adds), plus the ranked rows. */
export interface SelectionResult {
  /** The national quota: the given one, or the sum of explicit province quotas. */
  quota: number;
  pool: number;
  selected: number;
  unfilled: number;
  /** Every province with a pool or an explicit quota, in code order. */
  provinces: Record<string, ProvinceOutcome>;
  /** Every pool member: provinces in code order, each ranked by key descending, then registration_id ascending. */
  rows: RankedRow[];
}

/** Rank order within a province: larger key first, ties by registration_id ascending (code-unit order). */
export function compareRank(a: KeyedRow, b: KeyedRow): number {
  if (a.key !== b.key) return a.key > b.key ? -1 : 1;
  return compareCodes(a.registrationId, b.registrationId);
}

export type SelectionSummary = Omit<SelectionResult, 'rows'>;

/** A selection by input position: what `selectByKeys` returns, without building row objects. */
export interface Ranking {
  summary: SelectionSummary;
  /** Input indices in the result's row order. */
  order: Uint32Array;
  /** 1 where the input row at that index is selected. */
  selected: Uint8Array;
}

/** A pool as columns (index i across all of them is one member): what a million-member selection ranks. */
export interface KeyedColumns {
  registrationIds: readonly string[];
  provinceCodes: readonly string[];
  keys: Float64Array;
}

/**
 * Selects within each province the `quota` highest-ranked rows. A province whose pool is smaller
 * than its quota selects its whole pool; the seats it leaves are reported, not moved. Input order
 * does not matter. registration_ids must be unique (the pool is keyed by them; verifyProof
 * removes a proof's repeated rows itself): checking here would cost a third of the run.
 */
export function rankByKeys(rows: readonly KeyedRow[], spec: QuotaSpec): Ranking {
  const n = rows.length;
  const registrationIds: string[] = new Array(n);
  const provinceCodes: string[] = new Array(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    registrationIds[i] = row.registrationId;
    provinceCodes[i] = row.provinceCode;
    keys[i] = row.key;
  }
  return rankColumns({ registrationIds, provinceCodes, keys }, spec);
}

/** {@link rankByKeys} on columns. */
export function rankColumns(pool: KeyedColumns, spec: QuotaSpec): Ranking {
  const { registrationIds, provinceCodes, keys } = pool;
  const n = keys.length;
  if (registrationIds.length !== n || provinceCodes.length !== n) throw new RangeError('pool columns differ in length');
  const byProvince = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const code = provinceCodes[i]!;
    let members = byProvince.get(code);
    if (!members) byProvince.set(code, (members = []));
    members.push(i);
  }
  const byRank = (a: number, b: number) => keys[b]! - keys[a]! || compareCodes(registrationIds[a]!, registrationIds[b]!);
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const pools = new Map([...byProvince].map(([code, members]) => [code, members.length]));
  const quotas = provinceQuotas(spec, pools);
  const codes = [...new Set([...pools.keys(), ...quotas.keys()])].sort(compareCodes);

  const provinces: Record<string, ProvinceOutcome> = {};
  const order = new Uint32Array(n);
  const selectedFlags = new Uint8Array(n);
  let at = 0;
  let quota = 0;
  let selected = 0;
  for (const code of codes) {
    const members = rankOrder(Uint32Array.from(byProvince.get(code) ?? []), keys, bits, byRank);
    const provinceQuota = quotas.get(code) ?? 0;
    const take = Math.min(provinceQuota, members.length);
    order.set(members, at);
    at += members.length;
    for (let i = 0; i < take; i++) selectedFlags[members[i]!] = 1;
    provinces[code] = { quota: provinceQuota, pool: members.length, selected: take, unfilled: provinceQuota - take };
    quota += provinceQuota;
    selected += take;
  }
  return { summary: { quota, pool: n, selected, unfilled: quota - selected, provinces }, order, selected: selectedFlags };
}

const RADIX_MIN = 256;
const LOW_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;
/** Provinces of at least this many take 16 bits per radix pass (4 passes) instead of 8 (8 passes). */
const WIDE_RADIX_MIN = 16_384;
const radixCounts = new Uint32Array(256);
const wideRadixCounts = new Uint32Array(65_536);

/**
 * Row indices in rank order (larger key first, equal keys by registration_id), the same order as
 * `.sort(byRank)`. A comparator sort of a large province costs a JavaScript call per comparison; when
 * every key is a finite negative double (what the keyer gives: ln of a u in (0, 1)), larger keys have
 * smaller IEEE bit patterns, so a stable LSD radix sort of the 64 bits, 8 or (for large provinces) 16 at a time, gives the order,
 * and only runs of equal keys are then sorted by registration_id.
 */
function rankOrder(members: Uint32Array, keys: Float64Array, bits: Uint32Array, byRank: (a: number, b: number) => number): Uint32Array {
  const n = members.length;
  if (n < RADIX_MIN) return members.sort(byRank);
  for (let k = 0; k < n; k++) {
    const key = keys[members[k]!]!;
    if (!(key < 0) || key === -Infinity) return members.sort(byRank);
  }
  let from: Uint32Array = members;
  let to: Uint32Array = new Uint32Array(n);
  const wide = n >= WIDE_RADIX_MIN;
  const counts = wide ? wideRadixCounts : radixCounts;
  const digitBits = wide ? 16 : 8;
  const digitMask = counts.length - 1;
  const passesPerWord = 32 / digitBits;
  for (let pass = 0; pass < 2 * passesPerWord; pass++) {
    const word = pass < passesPerWord ? LOW_WORD : 1 - LOW_WORD;
    const shift = (pass % passesPerWord) * digitBits;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(bits[2 * from[k]! + word]! >>> shift) & digitMask]!++;
    if (counts.includes(n)) continue; // every row has the same digit here: nothing moves
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = from[k]!;
      to[counts[(bits[2 * i + word]! >>> shift) & digitMask]!++] = i;
    }
    [from, to] = [to, from];
  }
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && keys[from[end]!] === keys[from[start]!]) end++;
    if (end - start > 1) from.subarray(start, end).sort(byRank);
    start = end;
  }
  return from;
}

/** `rankByKeys` with the ranked rows built. */
export function selectByKeys(rows: readonly KeyedRow[], spec: QuotaSpec): SelectionResult {
  const { summary, order, selected } = rankByKeys(rows, spec);
  const ranked: RankedRow[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const j = order[i]!;
    const r = rows[j]!;
    ranked[i] = { registrationId: r.registrationId, provinceCode: r.provinceCode, weight: r.weight, key: r.key, selected: selected[j] === 1 };
  }
  return { ...summary, rows: ranked };
}

export interface SelectionInput {
  seed: string;
  /** The wave's published commitment; a seed that does not hash to it is refused. */
  seedCommitment: string;
  pool: readonly PoolMember[];
  /** Weight per employment_status; statuses not listed weigh 1.0. */
  weights?: Weights;
  quota: QuotaSpec;
  /** Called every 65,536 keys with the number done so far, for a job's progress. */
  onProgress?: (done: number, total: number) => void;
}

/** The whole DESIGN 3.3 selection of a wave from its (already screened) pool. */
export function selectWave(input: SelectionInput): SelectionResult {
  if (!verifySeed(input.seed, input.seedCommitment)) {
    throw new ApiError('VALIDATION', 'Seed ditolak: sha256 dari seed ini tidak sama dengan seed commitment yang diumumkan gelombang ini.');
  }
  if (input.weights) {
    const bad = invalidWeights(input.weights);
    if (bad.length) throw new ApiError('VALIDATION', `Bobot harus angka lebih dari 0 (status: ${bad.join(', ')}).`);
  }
  const keyOf = selectionKeyer(input.seed);
  const total = input.pool.length;
  const keyed: KeyedRow[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const m = input.pool[i]!;
    const weight = weightOf(input.weights, m.employmentStatus);
    keyed[i] = { registrationId: m.registrationId, provinceCode: m.provinceCode, weight, key: keyOf(m.registrationId, weight) };
    if (input.onProgress && (i & 0xffff) === 0xffff) input.onProgress(i + 1, total);
  }
  const result = selectByKeys(keyed, input.quota);
  input.onProgress?.(total, total);
  return result;
}
