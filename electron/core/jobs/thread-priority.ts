import fs from 'node:fs';
import os from 'node:os';

/**
 * Lets the calling worker thread yield to the process's other threads (the UI's API calls, a job's
 * main thread): on Linux a thread has its own nice value, set through its id (/proc/thread-self).
 * Elsewhere, or when not allowed, the thread keeps the normal priority.
 */
export function yieldToOtherThreads(nice: number): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, nice);
  } catch {
    // Not Linux, or not allowed: the normal priority.
  }
}
