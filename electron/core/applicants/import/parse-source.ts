import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '../../../../shared/api/errors';
import { workerScript } from '../../jobs/runner';
import { parseRows, type ImportKind, type ParsedBatch } from './parse-rows';
import type { TableFile, TableFormat } from './table-source';

/** Files this large are read and checked in a thread of their own, while the importing thread writes. */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/** Batches (about 1 MB of CSV each) the reading thread may run ahead of the writing one. */
const WINDOW = 4;
/**
 * The reader thread runs below the others: on two cores the writer and the UI's API calls each need one
 * (list pages during a 1M re-import, p99 of two runs each: 127 and 131 ms niced, 420 and 258 ms not).
 */
const READER_NICE = 10;

export interface ParserInput {
  file: TableFile;
  format: TableFormat;
  kind: ImportKind;
  window: number;
  /** The reader thread's nice value (0: as the process). */
  nice: number;
}

export type ParserMessage =
  | { type: 'batch'; batch: ParsedBatch }
  | { type: 'end' }
  | { type: 'error'; code: ErrorCode; message: string };

export interface ParsedSource extends AsyncIterable<ParsedBatch> {
  /** Stops reading (a cancel or a failed write); safe to call more than once. */
  close(): Promise<void>;
}

/**
 * The checked batches of a file, in order. A large file is read in a worker thread (parse-worker.ts), so
 * that on two cores reading and checking overlap the database writes; a small one in this thread, where
 * starting a worker would cost more than it saves. Either way the same parseRows decides every row.
 */
export function parsedBatches(file: TableFile, format: TableFormat, kind: ImportKind, size: number): ParsedSource {
  return size >= PARALLEL_MIN_BYTES ? inWorker(file, format, kind) : inline(file, format, kind);
}

function inline(file: TableFile, format: TableFormat, kind: ImportKind): ParsedSource {
  const queue = new Queue();
  let stopped = false;
  void parseRows(file, format, kind, async (batch) => {
    if (stopped) throw new Stopped();
    queue.push({ type: 'batch', batch });
    await queue.drained();
  }).then(
    () => queue.push({ type: 'end' }),
    (err: unknown) => queue.fail(err),
  );
  return {
    [Symbol.asyncIterator]: () => queue.iterate(() => {}),
    async close() {
      stopped = true;
      queue.stop();
    },
  };
}

function inWorker(file: TableFile, format: TableFormat, kind: ImportKind): ParsedSource {
  const queue = new Queue();
  const script = workerScript('importParser', path.join(path.dirname(fileURLToPath(import.meta.url)), 'parse-worker.ts'));
  if (!fs.existsSync(script.file)) throw new Error(`import parser worker not found: ${script.file}`);
  const input: ParserInput = { file, format, kind, window: WINDOW, nice: READER_NICE };
  const worker = new Worker(script.file, { workerData: input, argv: script.argv });
  worker.on('message', (m: ParserMessage) => queue.push(m));
  worker.on('error', (err) => queue.fail(err));
  worker.on('exit', (code) => queue.fail(new Error(`import parser stopped (exit code ${code})`)));
  return {
    // Each batch taken frees a place in the reader's window.
    [Symbol.asyncIterator]: () => queue.iterate(() => worker.postMessage(null)),
    async close() {
      queue.stop();
      await worker.terminate();
    },
  };
}

class Stopped extends Error {}

/** Messages in arrival order, taken by one consumer; the first failure or the end finishes it. */
class Queue {
  private items: ParserMessage[] = [];
  private failure: unknown = null;
  private finished = false;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  push(m: ParserMessage) {
    if (this.finished) return;
    this.items.push(m);
    if (m.type !== 'batch') this.finished = true;
    this.wake();
  }

  fail(err: unknown) {
    if (this.finished || err instanceof Stopped) return;
    this.failure = err;
    this.finished = true;
    this.wake();
  }

  stop() {
    this.finished = true;
    this.items = [];
    this.wake();
    this.wakeProducer?.();
    this.wakeProducer = null;
  }

  /** Resolves once the consumer has taken everything pushed so far (the inline reader's back-pressure). */
  drained(): Promise<void> {
    if (this.items.length === 0 || this.finished) return Promise.resolve();
    return new Promise((resolve) => (this.wakeProducer = resolve));
  }

  private wake() {
    this.wakeConsumer?.();
    this.wakeConsumer = null;
  }

  async *iterate(taken: () => void): AsyncGenerator<ParsedBatch> {
    for (;;) {
      const m = this.items.shift();
      if (this.items.length === 0) {
        this.wakeProducer?.();
        this.wakeProducer = null;
      }
      if (m) {
        if (m.type === 'batch') {
          taken();
          yield m.batch;
          continue;
        }
        if (m.type === 'error') throw new ApiError(m.code, m.message);
        return;
      }
      if (this.failure !== null) throw this.failure;
      if (this.finished) return;
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }
}
