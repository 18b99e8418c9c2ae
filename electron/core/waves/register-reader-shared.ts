/**
 * Memory the register reader thread and the selecting thread share (kept apart from register-reader.ts:
 * the reader thread imports it and should start quickly).
 */
import { selectionHasherOfRange } from '../../../shared/selection/keys';
import { forEachFirstField, type RegisterChunk } from '../screening/register-chunks';

/**
 * Each registration's own rules (RowRules): the reader writes them here once it has read everything,
 * then sets `state` to RULES_READY (or RULES_NONE when it could not: a chunk that did not come apart, a
 * count that changed) and wakes the screening thread, which waits for it synchronously.
 */
export interface SharedRowRules {
  masks: Uint8Array;
  nikDetail: Uint8Array;
  state: Int32Array;
}
export const RULES_PENDING = 0;
export const RULES_READY = 1;
export const RULES_NONE = 2;

/**
 * DESIGN 3.3's x of every registration, in register order, hashed chunk by chunk by whichever thread
 * claims the chunk first: the reader once it is done reading, the selecting thread once it needs them
 * (so neither waits for the other when one of them is slow).
 */
export interface SharedHashes {
  hashes: Float64Array;
  /** [0]: the next chunk to claim; [1]: chunks hashed. */
  counters: Int32Array;
}

/** Claims chunks (all of the register's, in order) until none is left, hashing each claimed one into `shared`. */
export function hashClaimedChunks(chunks: readonly RegisterChunk[], shared: SharedHashes, seed: string): void {
  const { hashes, counters } = shared;
  const bases = new Array<number>(chunks.length);
  let rows = 0;
  for (let c = 0; c < chunks.length; c++) {
    bases[c] = rows;
    rows += chunks[c]!.count;
  }
  // The reader read another number of rows than the count: the selection fails on that; hash nothing.
  if (rows !== hashes.length) return;
  const x = selectionHasherOfRange(seed);
  for (;;) {
    const c = Atomics.add(counters, 0, 1);
    if (c >= chunks.length) return;
    const { text, count } = chunks[c]!;
    const base = bases[c]!;
    // A chunk that does not come apart is read row by row and hashed again by the selecting thread.
    if (text !== null) forEachFirstField(text, count, (from, to, row) => (hashes[base + row] = x(text, from, to)));
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
}
