import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { v7 as uuidv7 } from 'uuid';
import type { JobInfo } from '../../../shared/api/jobs';
import type { WorkerInput, WorkerMessage } from './protocol';

export interface JobOwner {
  userId: number | null;
  username: string | null;
}

export interface JobRecord extends JobInfo {
  ownerId: number | null;
}

export interface JobRunner {
  start(kind: string, params: unknown, owner: JobOwner): JobRecord;
  get(id: string): JobRecord | undefined;
  list(ownerId: number | null): JobRecord[];
  cancel(id: string): boolean;
  /** Resolves when the job has ended (done, failed or cancelled). */
  wait(id: string): Promise<JobRecord>;
  /** Every state change, for transports to forward to the owner's sessions. */
  subscribe(listener: (job: JobRecord) => void): () => void;
  close(): Promise<void>;
}

/**
 * A worker entry: the built file beside the bundle (`<built>.js`), or the TypeScript source run through tsx
 * (worker-dev.mjs, told the source as its argument). Defaults to the job worker.
 */
export function workerScript(built = 'jobWorker', devSource?: string): { file: string; argv: string[] } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Bundled code may sit in out/main or in out/main/chunks. PRAKERJA_WORKER_DIR lets the bench, which
  // runs the sources, time the built workers the app runs (tsx would compile each worker as it starts).
  const dirs = [process.env.PRAKERJA_WORKER_DIR, here, path.join(here, '..')].filter((d): d is string => !!d);
  for (const file of dirs.map((d) => path.join(d, `${built}.js`))) {
    if (fs.existsSync(file)) return { file, argv: [] };
  }
  return { file: path.join(here, 'worker-dev.mjs'), argv: devSource ? [devSource] : [] };
}

const KEEP_FINISHED = 50;

export function createJobRunner(dbPath: string): JobRunner {
  const jobs = new Map<string, JobRecord>();
  const workers = new Map<string, { worker: Worker; flag: Int32Array }>();
  const waiters = new Map<string, ((job: JobRecord) => void)[]>();
  const listeners = new Set<(job: JobRecord) => void>();
  const script = workerScript();

  const emit = (job: JobRecord) => {
    for (const l of listeners) l({ ...job });
  };
  const finish = (job: JobRecord) => {
    workers.delete(job.id);
    emit(job);
    for (const w of waiters.get(job.id) ?? []) w({ ...job });
    waiters.delete(job.id);
    const ended = [...jobs.values()].filter((j) => j.state !== 'running');
    for (const old of ended.slice(0, Math.max(0, ended.length - KEEP_FINISHED))) jobs.delete(old.id);
  };

  return {
    start(kind, params, owner) {
      const id = uuidv7();
      const buffer = new SharedArrayBuffer(4);
      const flag = new Int32Array(buffer);
      const job: JobRecord = { id, kind, state: 'running', done: 0, total: null, message: null, startedAt: new Date().toISOString(), ownerId: owner.userId };
      jobs.set(id, job);
      const data: WorkerInput = { kind, dbPath, params, cancelFlag: buffer, owner };
      const worker = new Worker(script.file, { workerData: data, argv: script.argv });
      workers.set(id, { worker, flag });
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          Object.assign(job, { done: m.done, total: m.total, message: m.message });
          emit(job);
        } else if (m.type === 'done') {
          Object.assign(job, { state: 'done', result: m.result });
          if (job.total !== null) job.done = job.total;
          finish(job);
        } else {
          Object.assign(job, { state: m.error.code === 'CANCELLED' ? 'cancelled' : 'failed', error: m.error });
          finish(job);
        }
      });
      worker.on('error', (err) => {
        if (job.state !== 'running') return;
        Object.assign(job, { state: 'failed', error: { code: 'INTERNAL', message: `Pekerjaan gagal: ${err.message}` } });
        finish(job);
      });
      worker.on('exit', (code) => {
        if (job.state !== 'running') return;
        Object.assign(job, { state: Atomics.load(flag, 0) ? 'cancelled' : 'failed', error: { code: 'INTERNAL', message: `Pekerjaan berhenti tiba-tiba (kode ${code}).` } });
        finish(job);
      });
      emit(job);
      return { ...job };
    },
    get: (id) => {
      const job = jobs.get(id);
      return job && { ...job };
    },
    list: (ownerId) => [...jobs.values()].filter((j) => ownerId === null || j.ownerId === ownerId).map((j) => ({ ...j })),
    cancel(id) {
      const w = workers.get(id);
      if (!w) return false;
      Atomics.store(w.flag, 0, 1);
      return true;
    },
    wait(id) {
      const job = jobs.get(id);
      if (!job) return Promise.reject(new Error(`unknown job ${id}`));
      if (job.state !== 'running') return Promise.resolve({ ...job });
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const { flag } of workers.values()) Atomics.store(flag, 0, 1);
      await Promise.all([...workers.values()].map(({ worker }) => worker.terminate()));
      workers.clear();
    },
  };
}
