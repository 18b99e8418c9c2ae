import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../../shared/api/errors';
import { yieldToOtherThreads } from '../../jobs/thread-priority';
import { parseRows } from './parse-rows';
import type { ParserInput, ParserMessage } from './parse-source';

/**
 * Worker thread entry: reads and checks one file (parseRows) and posts its batches to the importing
 * thread, at most `window` ahead of the batches that thread has written (it answers each with a message).
 */
const input = workerData as ParserInput;

if (input.nice) yieldToOtherThreads(input.nice);
const port = parentPort!;
const post = (m: ParserMessage) => port.postMessage(m);
let credits = input.window;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

parseRows(input.file, input.format, input.kind, async (batch) => {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  post({ type: 'batch', batch });
}).then(
  () => post({ type: 'end' }),
  (err: unknown) => {
    if (err instanceof ApiError) post({ type: 'error', code: err.code, message: err.message });
    else post({ type: 'error', code: 'INTERNAL', message: `Membaca file gagal: ${(err as Error)?.message ?? String(err)}` });
  },
).finally(() => port.close());
