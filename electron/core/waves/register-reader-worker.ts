import { parentPort, workerData } from 'node:worker_threads';
import { selectionHasher } from '../../../shared/selection';
import { openSqlite } from '../db/connection';
import { yieldToOtherThreads } from '../jobs/thread-priority';
import { REGISTER_COLUMNS, registerChunks, type RegisterChunk } from './read-register';
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

function hashAll(chunks: RegisterChunk[], rows: number): Float64Array {
  const x = selectionHasher(input.seed);
  const hashes = new Float64Array(rows);
  let i = 0;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    // Let each chunk's text go once hashed.
    chunks[c] = { kind: 'plain', rows: [] };
    if (chunk.kind === 'plain') {
      for (const row of chunk.rows) hashes[i++] = x(row[0] as string);
      continue;
    }
    const text = chunk.text;
    for (let pos = 0; pos <= text.length; ) {
      let end = text.indexOf('\x1e', pos);
      if (end === -1) end = text.length;
      hashes[i++] = x(text.slice(pos, text.indexOf('\x1f', pos)));
      pos = end + 1;
    }
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
      rows += chunk.kind === 'joined' ? chunk.count : chunk.rows.length;
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
