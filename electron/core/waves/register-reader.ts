import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { workerScript } from '../jobs/runner';
import { selectionHasher } from '../../../shared/selection';
import type { RowRules } from '../../../shared/eligibility';
import { RULES_PENDING, RULES_READY, hashClaimedChunks, type SharedHashes, type SharedRowRules } from './register-reader-shared';
import { countRegisteredUntil, plainChunk, REGISTER_COLUMNS, RegisterBuilder, type PoolRegister, type RegisterChunk } from '../screening/read-register';

export interface RegisterReaderInput {
  dbPath: string;
  /** The screening date: the reader works each registration's own rules out as of it, into `rules`. */
  asOf: string;
  rules: SharedRowRules;
  hashing: SharedHashes;
  /** Registered on or before this UTC instant (stored form). */
  cutoff: string;
  /** The wave's seed (already checked against its commitment). */
  seed: string;
  /** The reader thread's nice value (0: as the process). */
  nice: number;
}

export type RegisterReaderMessage =
  | { type: 'chunk'; chunk: RegisterChunk }
  | { type: 'read'; rows: number }
  | { type: 'error'; message: string };

/**
 * The reader runs below the selecting thread and the UI's: on two cores those two need one each; when it
 * gets less than its share, the selecting thread hashes the chunks it has not reached (see
 * ARCHITECTURE.md, wave selection).
 */
const READER_NICE = 5;
/** How long screening waits for the reader's rules before working them out itself. */
const RULES_WAIT_MS = 30_000;
/** How long the selecting thread waits for a chunk the reader is hashing (a chunk takes well under a second). */
const HASH_WAIT_MS = 30_000;

export interface RegisterRead {
  register: PoolRegister;
  /**
   * DESIGN 3.3's x of every registration, in register order: the reader hashes while this thread
   * screens; this thread hashes what the reader has not claimed yet and waits for the rest.
   */
  hashes(): Float64Array;
  /** Each registration's own rules as of the screening date, worked out by the reader: waits for them (null: work them out here). */
  rowRules(): RowRules | null;
  /** Stops the reader (when the job ends early). */
  close(): Promise<void>;
}

/**
 * Reads the register up to `cutoff` with a second thread: the reader thread runs SQLite's half of the
 * reading (and then hashes every registration_id with the seed); this thread cuts the chunks up as they
 * come. The reader opens its own snapshot after this connection's, which must already be in a read
 * transaction: should anyone commit in between, this connection's later write fails as a stale
 * snapshot and the job runs again, so a selection that commits read both snapshots at the same state.
 * The count read here is checked against the rows the reader sent as well. `whileStarting` runs on this
 * thread, in this snapshot, while the reader starts.
 */
export async function readRegisterInParallel(
  sqlite: BetterSqlite3.Database,
  dbPath: string,
  cutoff: string,
  seed: string,
  asOf: string,
  onChunk: (done: number, total: number) => void,
  whileStarting?: () => void,
): Promise<RegisterRead> {
  if (!sqlite.inTransaction) throw new Error('readRegisterInParallel needs a read transaction');
  const total = countRegisteredUntil(sqlite, cutoff);
  const script = workerScript('registerReader', path.join(path.dirname(fileURLToPath(import.meta.url)), 'register-reader-worker.ts'));
  if (!fs.existsSync(script.file)) throw new Error(`register reader worker not found: ${script.file}`);
  const shared = (bytes: number) => new SharedArrayBuffer(bytes);
  const rules: SharedRowRules = { masks: new Uint8Array(shared(total)), nikDetail: new Uint8Array(shared(total)), state: new Int32Array(shared(4)) };
  const hashing: SharedHashes = { hashes: new Float64Array(shared(8 * total)), counters: new Int32Array(shared(8)) };
  const input: RegisterReaderInput = { dbPath, cutoff, seed, asOf, rules, hashing, nice: READER_NICE };
  const worker = new Worker(script.file, { workerData: input, argv: script.argv });

  const inbox: RegisterReaderMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    wake?.();
  };
  worker.on('message', (m: RegisterReaderMessage) => {
    if (m.type === 'error') fail(new Error(`Membaca data pendaftar gagal: ${m.message}`));
    else {
      inbox.push(m);
      wake?.();
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`register reader stopped (exit code ${code})`)));
  const close = async () => {
    await worker.terminate();
  };

  try {
    // The thread takes a few hundred milliseconds to start and read its first chunk.
    whileStarting?.();
    const builder = new RegisterBuilder(total);
    const chunks: RegisterChunk[] = [];
    const replaced: [first: number, rows: number][] = [];
    for (;;) {
      const m = inbox.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (m.type === 'read') break;
      if (m.type === 'chunk') {
        chunks.push(m.chunk);
        builder.add(
          m.chunk,
          (lo) => plainChunk(sqlite, cutoff, REGISTER_COLUMNS, lo),
          (first, rows) => replaced.push([first, rows]),
        );
        onChunk(builder.length, total);
      }
    }
    const register = builder.finish();
    const hashes = () => {
      hashClaimedChunks(chunks, hashing, seed);
      const { counters } = hashing;
      for (let seen = Atomics.load(counters, 1); seen < chunks.length; seen = Atomics.load(counters, 1)) {
        if (Atomics.wait(counters, 1, seen, HASH_WAIT_MS) === 'timed-out') throw new Error('register reader stopped while hashing');
      }
      // A chunk the reader could not cut up was read here row by row: hash its rows again from those.
      return replaced.length ? rehash(hashing.hashes, register, replaced, seed) : hashing.hashes;
    };
    const rowRules = () => {
      // The reader sets the state even when it fails; the time limit is for a thread that died without.
      if (Atomics.wait(rules.state, 0, RULES_PENDING, RULES_WAIT_MS) === 'timed-out') return null;
      return Atomics.load(rules.state, 0) === RULES_READY && replaced.length === 0 ? { asOf, masks: rules.masks, nikDetail: rules.nikDetail } : null;
    };
    return { register, hashes, rowRules, close };
  } catch (err) {
    await close();
    throw err;
  }
}

function rehash(hashes: Float64Array, register: PoolRegister, ranges: [number, number][], seed: string): Float64Array {
  const x = selectionHasher(seed);
  for (const [first, rows] of ranges) for (let i = first; i < first + rows; i++) hashes[i] = x(register.columns.registration_id[i]!);
  return hashes;
}
