/** Messages between the job runner and its worker threads. */
export interface WorkerInput {
  kind: string;
  dbPath: string;
  params: unknown;
  /** Int32Array over this buffer: index 0 becomes 1 when the job is cancelled. */
  cancelFlag: SharedArrayBuffer;
  owner: { userId: number | null; username: string | null };
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number | null; message: string | null }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { code: string; message: string } };

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}
