import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { selectionHasherOfRange } from '../../../shared/selection/keys';
import { yieldToOtherThreads } from '../jobs/thread-priority';
import { REGISTER_COLUMNS, forEachFirstField, registerChunks, type RegisterChunk } from '../screening/register-chunks';
import type { RegisterReaderInput, RegisterReaderMessage } from './register-reader';

/**
 * Worker thread entry: reads the register up to the cut-off in its own read snapshot and posts it chunk
 * by chunk to the selecting thread, which cuts the chunks up and screens them; then hashes every
 * registration_id with the seed (DESIGN 3.3's x) while that thread screens, and posts the hashes.
 * (Cutting the chunks up here too was measured: it made this thread the slower of the two.)
 */
const input = workerData as RegisterReaderInput;
if (input.nice) yieldToOtherThreads(input.nice);
const port = parentPort!;
const post = (m: RegisterReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

/**
 * x of every registration_id, each chunk's rows from its place in the register (the rows before it).
 * A chunk that did not come apart cleanly is hashed by the selecting thread, which reads it row by row.
 */
function hashAll(chunks: RegisterChunk[], rows: number): Float64Array {
  const x = selectionHasherOfRange(input.seed);
  const hashes = new Float64Array(rows);
  let base = 0;
  for (let c = 0; c < chunks.length; c++) {
    const { text, count } = chunks[c]!;
    // Let each chunk's text go once hashed.
    chunks[c] = { ...chunks[c]!, text: null };
    if (text !== null) forEachFirstField(text, count, (from, to, row) => (hashes[base + row] = x(text, from, to)));
    base += count;
  }
  return hashes;
}

try {
  // Only better-sqlite3 and the chunk reader here (not the core's connection module): the thread starts sooner.
  const sqlite = new BetterSqlite3(input.dbPath, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536');
    sqlite.exec('BEGIN');
    const chunks: RegisterChunk[] = [];
    let rows = 0;
    for (const chunk of registerChunks(sqlite, input.cutoff, REGISTER_COLUMNS)) {
      post({ type: 'chunk', chunk });
      chunks.push(chunk);
      rows += chunk.count;
    }
    sqlite.exec('COMMIT');
    post({ type: 'read', rows });
    const hashes = hashAll(chunks, rows);
    post({ type: 'hashes', hashes }, [hashes.buffer as ArrayBuffer]);
  } finally {
    sqlite.close();
  }
} catch (err) {
  post({ type: 'error', message: (err as Error)?.message ?? String(err) });
} finally {
  port.close();
}
