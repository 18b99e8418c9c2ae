import type BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema';
import { canonicalJson } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

export interface AuditEntry {
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** What the hash covers: every column but the hashes themselves (DESIGN 3.6). */
function hashedRecord(row: Omit<AuditLogTable, 'prev_hash' | 'hash'>) {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
  };
}

export function chainHash(prevHash: string, row: Omit<AuditLogTable, 'prev_hash' | 'hash'>): string {
  return createHash('sha256').update(prevHash + canonicalJson(hashedRecord(row)), 'utf8').digest('hex');
}

/** The next record and the new chain head, given the current head: the one place records are built and hashed. */
function nextRecord(last: { id: number; hash: string } | undefined, entry: AuditEntry, now: Date) {
  const row = {
    id: (last?.id ?? 0) + 1,
    at: now.toISOString(),
    user_id: entry.userId,
    username: entry.username,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before_json: entry.before === undefined || entry.before === null ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined || entry.after === null ? null : canonicalJson(entry.after),
  };
  const prev_hash = last?.hash ?? GENESIS_HASH;
  const hash = chainHash(prev_hash, row);
  return { record: { ...row, prev_hash, hash }, head: JSON.stringify({ id: row.id, hash }) };
}

/**
 * Appends one record to the chain. Must run inside the write transaction of the change it records.
 * The chain head (last id and hash) is also kept in settings so that deleting the newest records shows.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry, now = new Date()): Promise<number> {
  const last = await trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { record, head } = nextRecord(last, entry, now);
  await trx.insertInto('audit_log').values(record).execute();
  await trx
    .insertInto('settings')
    .values({ key: HEAD_KEY, value_json: head, version: 1, updated_at: record.at })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value_json: head, updated_at: record.at, version: eb('settings.version', '+', 1) })))
    .execute();
  return record.id;
}

/**
 * appendAudit for a raw connection (worker jobs that write through better-sqlite3 directly).
 * Same records, same hashes; the caller must hold the write transaction.
 */
export function appendAuditSync(sqlite: BetterSqlite3.Database, entry: AuditEntry, now = new Date()): number {
  const last = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const { record, head } = nextRecord(last, entry, now);
  sqlite
    .prepare(
      `INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, before_json, after_json, prev_hash, hash)
       VALUES (@id, @at, @user_id, @username, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)`,
    )
    .run(record);
  sqlite
    .prepare(
      `INSERT INTO settings (key, value_json, version, updated_at) VALUES (?, ?, 1, ?)
       ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at, version = settings.version + 1`,
    )
    .run(HEAD_KEY, head, record.at);
  return record.id;
}

export interface ChainProblem {
  id: number | null;
  problem: 'edited' | 'inserted_or_deleted' | 'head_mismatch';
  message: string;
}

export interface ChainReport {
  ok: boolean;
  records: number;
  problems: ChainProblem[];
}

/**
 * Walks the whole chain in id order. Synchronous on a raw connection so it can run in a worker;
 * onProgress is called every few thousand records.
 */
export function verifyChain(
  sqlite: BetterSqlite3.Database,
  onProgress?: (done: number, total: number) => boolean | void,
  maxProblems = 100,
): ChainReport {
  const total = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let done = 0;
  const add = (p: ChainProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditLogTable>;
  for (const row of rows) {
    if (row.id !== expectedId || row.prev_hash !== prevHash) {
      add({
        id: row.id,
        problem: 'inserted_or_deleted',
        message:
          row.id !== expectedId
            ? `Catatan audit ${expectedId}${row.id - 1 > expectedId ? `–${row.id - 1}` : ''} hilang (dihapus) sebelum catatan ${row.id}.`
            : `Catatan audit ${row.id} tidak menyambung ke catatan sebelumnya (disisipkan atau diubah).`,
      });
    }
    let recomputed: string;
    try {
      recomputed = chainHash(row.prev_hash, row);
    } catch {
      recomputed = '';
    }
    if (recomputed !== row.hash) {
      add({ id: row.id, problem: 'edited', message: `Isi catatan audit ${row.id} telah diubah setelah ditulis.` });
    }
    prevHash = row.hash;
    expectedId = row.id + 1;
    done++;
    if (onProgress && done % 5000 === 0 && onProgress(done, total) === false) break;
  }
  const headRow = sqlite.prepare(`SELECT value_json FROM settings WHERE key = ?`).get(HEAD_KEY) as { value_json: string } | undefined;
  const head = headRow ? (JSON.parse(headRow.value_json) as { id: number; hash: string }) : { id: 0, hash: GENESIS_HASH };
  if (head.id !== expectedId - 1 || head.hash !== prevHash) {
    add({
      id: head.id,
      problem: 'head_mismatch',
      message:
        head.id > expectedId - 1
          ? `Catatan audit terakhir (${expectedId}–${head.id}) telah dihapus.`
          : `Ujung rantai audit tidak cocok dengan catatan terakhir ${expectedId - 1}.`,
    });
  }
  onProgress?.(done, total);
  return { ok: problems.length === 0, records: done, problems };
}
