import type BetterSqlite3 from 'better-sqlite3';
import type { RankedRow } from '../../../shared/selection';
import type { WavePoolsTable } from '../db/schema';

/** A pool in proof order, column by column: what wave_pools keeps. */
export interface PoolColumns {
  registrationIds: string[];
  provinceCodes: string[];
  weights: Float64Array;
  keys: Float64Array;
  selected: Uint8Array;
}

/** Distinct values and each row's index into them (at most 256 distinct: provinces and weights are few). */
function indexed<T>(values: ArrayLike<T>): { list: T[]; index: Uint8Array } {
  const list: T[] = [];
  const at = new Map<T, number>();
  const index = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let k = at.get(v);
    if (k === undefined) {
      if (list.length === 256) throw new RangeError('more than 256 distinct values in a packed pool column');
      k = list.length;
      list.push(v);
      at.set(v, k);
    }
    index[i] = k;
  }
  return { list, index };
}

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Writes (or replaces) a wave's pool. Keys are IEEE doubles in the machine's byte order (little-endian on every platform we ship). */
export function savePool(sqlite: BetterSqlite3.Database, waveId: number, pool: PoolColumns): void {
  const provinces = indexed(pool.provinceCodes);
  const weights = indexed(pool.weights);
  sqlite
    .prepare(
      `INSERT OR REPLACE INTO wave_pools (wave_id, rows, registration_ids, province_codes, province_index, weights, weight_index, keys, selected)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      waveId,
      pool.registrationIds.length,
      JSON.stringify(pool.registrationIds),
      JSON.stringify(provinces.list),
      bytes(provinces.index),
      JSON.stringify(weights.list),
      bytes(weights.index),
      bytes(pool.keys),
      bytes(pool.selected),
    );
}

/** A stored pool, or null when the wave has not been selected. */
export function loadPool(sqlite: BetterSqlite3.Database, waveId: number): { rows: number; row(i: number): RankedRow } | null {
  const r = sqlite.prepare('SELECT * FROM wave_pools WHERE wave_id = ?').get(waveId) as WavePoolsTable | undefined;
  if (!r) return null;
  const ids = JSON.parse(r.registration_ids) as string[];
  const provinces = JSON.parse(r.province_codes) as string[];
  const weights = JSON.parse(r.weights) as number[];
  // Copy into an aligned buffer: a blob's bytes may start at any offset.
  const keys = new Float64Array(new Uint8Array(r.keys).buffer);
  if (ids.length !== r.rows || keys.length !== r.rows || r.selected.length !== r.rows) throw new Error(`stored pool of wave ${waveId} is inconsistent`);
  return {
    rows: r.rows,
    row: (i) => ({
      registrationId: ids[i]!,
      provinceCode: provinces[r.province_index[i]!]!,
      weight: weights[r.weight_index[i]!]!,
      key: keys[i]!,
      selected: r.selected[i] === 1,
    }),
  };
}
