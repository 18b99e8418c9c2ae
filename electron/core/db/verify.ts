import type BetterSqlite3 from 'better-sqlite3';
import { verifyChain, type ChainProblem } from '../audit/chain';

export interface VerifyReport {
  ok: boolean;
  integrity: string[];
  auditRecords: number;
  auditProblems: ChainProblem[];
}

/** `db verify`: SQLite's integrity_check, then the audit hash chain (DESIGN 6). */
export function verifyDatabase(
  sqlite: BetterSqlite3.Database,
  onProgress?: (done: number, total: number | null, message: string) => boolean | void,
): VerifyReport {
  onProgress?.(0, null, 'integrity_check');
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const chain = verifyChain(sqlite, (done, total) => onProgress?.(done, total, 'audit'));
  const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
  return { ok: integrityOk && chain.ok, integrity, auditRecords: chain.records, auditProblems: chain.problems };
}
