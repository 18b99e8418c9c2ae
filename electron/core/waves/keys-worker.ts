import { Worker } from 'node:worker_threads';
import { selectionKeyer, weightOf, type KeyedRow } from '../../../shared/selection';
import { openSqlite } from '../db/connection';
import type { WorkerInput, WorkerMessage } from '../jobs/protocol';
import { workerScript } from '../jobs/runner';
import { digitsValue, field, forEachRegistration, type PoolRegister } from './read-register';

export interface KeysParams {
  /** The registration cut-off, a UTC instant in the stored form. */
  cutoff: string;
  seed: string;
  weights: Record<string, number>;
}

/**
 * The selection key of every registration up to the cut-off, in rowid order, with what identifies the
 * row it was computed for (id, version, a hash of its registration_id, the weight): the selection uses
 * a key only where all of these agree with its own reading, and computes any other itself.
 */
export interface RegistrationKeys {
  ids: Int32Array;
  versions: Int32Array;
  idHashes: Int32Array;
  weights: Float64Array;
  keys: Float64Array;
}

/** FNV-1a over the UTF-16 code units, as a signed 32-bit integer. */
export function idHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Reads registration_id and employment_status on its own read-only connection and keys every registration (DESIGN 3.3). */
export function computeKeys(dbPath: string, params: KeysParams, checkCancelled: () => void = () => {}): RegistrationKeys {
  const sqlite = openSqlite(dbPath, { readonly: true });
  try {
    sqlite.exec('BEGIN');
    const total = sqlite.prepare('SELECT count(*) FROM applicants WHERE registered_at <= ?').pluck().get(params.cutoff) as number;
    const out: RegistrationKeys = {
      ids: new Int32Array(total),
      versions: new Int32Array(total),
      idHashes: new Int32Array(total),
      weights: new Float64Array(total),
      keys: new Float64Array(total),
    };
    const keyOf = selectionKeyer(params.seed);
    let n = 0;
    const columns = ['registration_id', 'employment_status', 'version', 'id'].map((c) => ({ joined: c, plain: c }));
    const put = (registrationId: string, status: string, version: number, id: number) => {
      if (n === total) throw new Error('applicants changed while being read');
      const weight = weightOf(params.weights, status);
      out.ids[n] = id;
      out.versions[n] = version;
      out.idHashes[n] = idHash(registrationId);
      out.weights[n] = weight;
      out.keys[n] = keyOf(registrationId, weight);
      n++;
    };
    forEachRegistration(
      sqlite,
      params.cutoff,
      columns,
      {
        joined: (text, b) => put(field(text, b, 0), field(text, b, 1), digitsValue(text, b[2]!, b[3]! - 1), digitsValue(text, b[3]!, b[4]! - 1)),
        plain: (c) => put(c[0] as string, c[1] as string, c[2] as number, c[3] as number),
      },
      () => checkCancelled(),
    );
    if (n !== total) throw new Error('applicants changed while being read');
    return out;
  } finally {
    sqlite.close();
  }
}

/**
 * Computes the keys in a second worker thread (the job worker's own entry, kind `wave.keys`), so that
 * hashing a million registration ids runs on the other core while this thread screens the pool.
 * Resolves null when that worker cannot run; the caller then keys the pool itself.
 */
export function startKeysWorker(dbPath: string, params: KeysParams): { result: Promise<RegistrationKeys | null>; stop(): void } {
  const cancelFlag = new SharedArrayBuffer(4);
  let worker: Worker;
  try {
    const script = workerScript();
    const data: WorkerInput = { kind: 'wave.keys', dbPath, params, cancelFlag, owner: { userId: null, username: null } };
    worker = new Worker(script.file, { workerData: data, argv: script.argv });
  } catch {
    return { result: Promise.resolve(null), stop() {} };
  }
  const result = new Promise<RegistrationKeys | null>((resolve) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'done') resolve(m.result as RegistrationKeys);
      else if (m.type === 'failed') resolve(null);
    });
    worker.on('error', () => resolve(null));
    worker.on('exit', () => resolve(null));
  });
  return {
    result,
    stop() {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      void worker.terminate();
    },
  };
}

/** Below this many registrations the second thread costs more to start than it saves. */
export const KEYS_WORKER_MIN = 100_000;

function sameRows(keys: RegistrationKeys, ids: Int32Array, versions: Int32Array): boolean {
  if (keys.ids.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) if (keys.ids[i] !== ids[i] || keys.versions[i] !== versions[i]) return false;
  return true;
}

const CHUNK = 1 << 14;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The pool members with their keys (DESIGN 3.3). A key from the second thread is used only where that
 * thread read the very same row (same id and version at the same position, same registration_id
 * hash, same weight); every other key is computed here. While the second thread has not answered,
 * keys are computed here chunk by chunk, giving it a turn between chunks: the selection never waits
 * for it longer than doing the work itself would take.
 */
export async function keyPool(
  members: Uint32Array,
  register: PoolRegister,
  weights: Record<string, number>,
  seed: string,
  fromWorker: Promise<RegistrationKeys | null> | null,
  onChunk?: (done: number, total: number) => void,
): Promise<{ keyed: KeyedRow[]; fromWorker: number }> {
  const keyOf = selectionKeyer(seed);
  // Set by the promise's callback: undefined while the second thread has not answered.
  let answer = (fromWorker ? undefined : null) as RegistrationKeys | null | undefined;
  void fromWorker?.then(
    (r) => (answer = r),
    () => (answer = null),
  );
  let usable: RegistrationKeys | null = null;
  const m = members.length;
  const keyed: KeyedRow[] = new Array(m);
  let taken = 0;
  for (let k = 0; k < m; k++) {
    if ((k & (CHUNK - 1)) === 0) {
      if (answer === undefined) await turn();
      if (answer !== undefined && usable === null && answer !== null && sameRows(answer, register.ids, register.versions)) usable = answer;
      if (k) onChunk?.(k, m);
    }
    const i = members[k]!;
    const registrationId = register.columns.registration_id[i]!;
    const weight = weightOf(weights, register.employmentStatus[i]!);
    let key: number;
    if (usable && usable.weights[i] === weight && usable.idHashes[i] === idHash(registrationId)) {
      key = usable.keys[i]!;
      taken++;
    } else key = keyOf(registrationId, weight);
    keyed[k] = { registrationId, provinceCode: register.provinceCode[i]!, weight, key };
  }
  return { keyed, fromWorker: taken };
}
