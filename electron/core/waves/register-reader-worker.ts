import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { yieldToOtherThreads } from '../jobs/thread-priority';
import { REGISTER_COLUMNS, forEachRowStart, registerChunks, type RegisterChunk } from '../screening/register-chunks';
import { dateKey, dateKeyIn } from '../../../shared/eligibility/dates';
import { nikVerdictIn } from '../../../shared/eligibility/rules';
import { dateParts, rowRuleDetail, rowRuleMask } from '../../../shared/eligibility/engine';
import type { RegisterReaderInput, RegisterReaderMessage } from './register-reader';
import { RULES_NONE, RULES_READY, hashClaimedChunks } from './register-reader-shared';

/**
 * Worker thread entry: reads the register up to the cut-off in its own read snapshot and posts it chunk
 * by chunk to the selecting thread, which cuts the chunks up and screens them; then works out each
 * registration's own rules for that screening, and hashes registration_ids with the seed (DESIGN 3.3's
 * x) while that thread screens, sharing the hashing with it (register-reader-shared.ts).
 * (Cutting the chunks up here too was measured: it made this thread the slower of the two.)
 */
const input = workerData as RegisterReaderInput;
if (input.nice) yieldToOtherThreads(input.nice);
const port = parentPort!;
const post = (m: RegisterReaderMessage) => port.postMessage(m);

/**
 * Each registration's own rules (NIK_INVALID, NIK_MISMATCH, UNDER_AGE, OVER_AGE) as of the screening
 * date, into the memory shared with the screening thread; false (and nothing to use) when a birth date
 * is not `YYYY-MM-DD` in shape or the rows are not the count the screening thread expects. (A chunk that
 * does not come apart as it should is caught by the selecting thread, which then drops these rules.)
 */
function workOutRules(chunks: RegisterChunk[], rows: number): boolean {
  const { masks, nikDetail } = input.rules;
  if (rows !== masks.length) return false;
  const asOfKey = dateKey(input.asOf);
  const asOfParts = dateParts(asOfKey);
  let i = 0;
  let ok = true;
  const row = (text: string, b: Int32Array) => {
    const birthKey = dateKeyIn(text, b[3]!, b[4]! - 1);
    if (birthKey < 0 || i >= masks.length) ok = false;
    if (!ok) return;
    const verdict = nikVerdictIn(text, b[1]!, b[2]! - 1, text, b[3]!, text.slice(b[4]!, b[5]! - 1), asOfParts);
    masks[i] = rowRuleMask(verdict, birthKey, asOfKey);
    nikDetail[i++] = rowRuleDetail(verdict);
  };
  // Not checked here: the selecting thread checks every chunk, and drops these rules if one fails.
  for (const { text, count } of chunks) {
    if (text === null) return false;
    forEachRowStart(text, count, 5, row);
    if (!ok) return false;
  }
  return i === rows;
}

/** Tells the screening thread whether the rules are there (it waits on `state`). */
function rulesDone(ready: boolean) {
  Atomics.store(input.rules.state, 0, ready ? RULES_READY : RULES_NONE);
  Atomics.notify(input.rules.state, 0);
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
    rulesDone(workOutRules(chunks, rows));
    hashClaimedChunks(chunks, input.hashing, input.seed);
  } finally {
    sqlite.close();
  }
} catch (err) {
  rulesDone(false);
  post({ type: 'error', message: (err as Error)?.message ?? String(err) });
} finally {
  port.close();
}
