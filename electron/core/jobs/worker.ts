import { parentPort, workerData } from 'node:worker_threads';
import { jobKinds } from './kinds';
import { JobCancelled, type WorkerInput, type WorkerMessage } from './protocol';
import { ApiError } from '../../../shared/api/errors';

const input = workerData as WorkerInput;
const flag = new Int32Array(input.cancelFlag);
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

let lastPost = 0;
const isCancelled = () => Atomics.load(flag, 0) === 1;

async function main() {
  const body = jobKinds[input.kind];
  if (!body) throw new ApiError('NOT_FOUND', `Jenis pekerjaan "${input.kind}" tidak dikenal.`);
  const result = await body({
    dbPath: input.dbPath,
    params: input.params,
    owner: input.owner,
    isCancelled,
    checkCancelled() {
      if (isCancelled()) throw new JobCancelled();
    },
    progress(done, total, message) {
      const now = Date.now();
      // At most ten updates a second: progress must not cost more than the work.
      if (now - lastPost < 100 && done !== total) return;
      lastPost = now;
      post({ type: 'progress', done, total, message: message ?? null });
    },
  });
  if (isCancelled()) throw new JobCancelled();
  post({ type: 'done', result });
}

main().catch((err: unknown) => {
  if (err instanceof JobCancelled) post({ type: 'failed', error: { code: 'CANCELLED', message: 'Dibatalkan oleh pengguna.' } });
  else if (err instanceof ApiError) post({ type: 'failed', error: { code: err.code, message: err.message } });
  else {
    console.error('[job]', err);
    post({ type: 'failed', error: { code: 'INTERNAL', message: `Pekerjaan gagal: ${(err as Error)?.message ?? String(err)}` } });
  }
});
