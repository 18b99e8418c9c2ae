import { parentPort, workerData } from 'node:worker_threads';
import { selectionHasher } from '../../../shared/selection';
import { openSqlite } from '../db/connection';
import { yieldToOtherThreads } from '../jobs/thread-priority';
import { REGISTER_COLUMNS, forEachFirstField, registerChunks, type RegisterChunk } from '../screening/read-register';
import type { RegisterReaderInput, RegisterReaderMessage } from './register-reader';

/**
 * Worker thread entry: reads the register up to the cut-off in its own read snapshot and posts it chunk
 * by chunk to the selecting thread, which cuts the chunks up and screens them; then hashes every
 * registration_id with the seed (DESIGN 3.3's x) while that thread screens, and posts the hashes.
 */
const input = workerData as RegisterReaderInput;
if (input.nice) yieldToOtherThreads(input.nice);
const port = parentPort!;
const post = (m: RegisterReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

/**
 * x of every registration_id, each chunk's rows from its place in the register (the rows before it),
 * as the chunk's first fields. A chunk that does not come apart cleanly is hashed again by the
 * selecting thread, which reads it row by row anyway.
 */
function hashAll(chunks: RegisterChunk[], rows: number): Float64Array {
  const x = selectionHasher(input.seed);
  const hashes = new Float64Array(rows);
  let base = 0;
  for (let c = 0; c < chunks.length; c++) {
    const { text, count } = chunks[c]!;
    // Let each chunk's text go once hashed.
    chunks[c] = { ...chunks[c]!, text: null };
    if (text !== null) forEachFirstField(text, count, (id, row) => (hashes[base + row] = x(id)));
    base += count;
  }
  return hashes;
}

try {
  const sqlite = openSqlite(input.dbPath, { readonly: true });
  try {
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
