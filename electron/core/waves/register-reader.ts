import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { workerScript } from '../jobs/runner';
import { selectionHasher } from '../../../shared/selection';
import { countRegisteredUntil, plainChunk, REGISTER_COLUMNS, RegisterBuilder, type PoolRegister, type RegisterChunk } from '../screening/read-register';

export interface RegisterReaderInput {
  dbPath: string;
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
  | { type: 'hashes'; hashes: Float64Array }
  | { type: 'error'; message: string };

/**
 * The reader runs below the selecting thread and the UI's: on two cores those two need one each, and the
 * reader's hashing is done long before the selecting thread needs it (see ARCHITECTURE.md, wave selection).
 */
const READER_NICE = 5;

export interface RegisterRead {
  register: PoolRegister;
  /** DESIGN 3.3's x of every registration, in register order: the reader hashes while this thread screens. */
  hashes: Promise<Float64Array>;
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
  onChunk: (done: number, total: number) => void,
  whileStarting?: () => void,
): Promise<RegisterRead> {
  if (!sqlite.inTransaction) throw new Error('readRegisterInParallel needs a read transaction');
  const total = countRegisteredUntil(sqlite, cutoff);
  const script = workerScript('registerReader', path.join(path.dirname(fileURLToPath(import.meta.url)), 'register-reader-worker.ts'));
  if (!fs.existsSync(script.file)) throw new Error(`register reader worker not found: ${script.file}`);
  const input: RegisterReaderInput = { dbPath, cutoff, seed, nice: READER_NICE };
  const worker = new Worker(script.file, { workerData: input, argv: script.argv });

  const inbox: RegisterReaderMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let resolveHashes!: (h: Float64Array) => void;
  let rejectHashes!: (e: Error) => void;
  const hashes = new Promise<Float64Array>((resolve, reject) => {
    resolveHashes = resolve;
    rejectHashes = reject;
  });
  hashes.catch(() => {}); // awaited later, or never when the job stops first
  const fail = (err: Error) => {
    failure ??= err;
    rejectHashes(failure);
    wake?.();
  };
  worker.on('message', (m: RegisterReaderMessage) => {
    if (m.type === 'hashes') resolveHashes(m.hashes);
    else if (m.type === 'error') fail(new Error(`Membaca data pendaftar gagal: ${m.message}`));
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
        builder.add(
          m.chunk,
          (lo) => plainChunk(sqlite, cutoff, REGISTER_COLUMNS, lo),
          (first, rows) => replaced.push([first, rows]),
        );
        onChunk(builder.length, total);
      }
    }
    const register = builder.finish();
    // A chunk the reader could not cut up was read here row by row: hash its rows here too.
    const fixed = replaced.length ? hashes.then((h) => rehash(h, register, replaced, seed)) : hashes;
    fixed.catch(() => {});
    return { register, hashes: fixed, close };
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
