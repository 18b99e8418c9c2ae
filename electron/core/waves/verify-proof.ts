import fs from 'node:fs';
import { ApiError } from '../../../shared/api/errors';
import type { ProofVerification } from '../../../shared/api/waves';
import { parseProofCsv, verifyProof, type ProofCheckOptions } from '../../../shared/selection';
import { sha256File, sniffTable } from '../applicants/import/table-source';
import { openSqlite } from '../db/connection';
import type { WaveJobContext } from './job-context';
import { findWave, quotaSpecOf, resultOf } from './wave-record';

export interface VerifyParams {
  path: string;
  fileName: string;
  seed: string;
  /** The wave to check against (its quotas, published pool size and seed commitment), if any. */
  number?: number | undefined;
}

const MAX_PROBLEMS = 20;

/**
 * Recomputes a selection from a proof file and the seed (DESIGN 3.3): every key from the seed and each
 * row's registration_id and weight, then the selection of the proof's pool, compared row by row.
 * Without a wave the national quota is taken as the proof's count of selected rows (see verifyProof).
 */
export async function runVerifyProof(ctx: WaveJobContext, params: VerifyParams): Promise<ProofVerification> {
  const { format } = sniffTable({ path: params.path, name: params.fileName, maxBytes: 512 * 1024 * 1024 });
  if (format !== 'csv') throw new ApiError('VALIDATION', `File ${params.fileName} bukan CSV. Bukti seleksi diperiksa dari CSV aslinya (XLSX membulatkan kunci).`);
  const options: ProofCheckOptions = { maxMismatches: 50 };
  let wave: number | null = null;
  if (params.number !== undefined) {
    const sqlite = openSqlite(ctx.dbPath, { readonly: true });
    try {
      const row = findWave(sqlite, params.number);
      if (!row) throw new ApiError('NOT_FOUND', `Gelombang ${params.number} tidak ditemukan.`);
      const result = resultOf(row);
      if (!result) throw new ApiError('CONFLICT', `Gelombang ${params.number} belum diseleksi; tidak ada hasil untuk dibandingkan.`);
      wave = row.number;
      Object.assign(options, { quota: quotaSpecOf(row), pool: result.pool, seedCommitment: row.seed_commitment });
    } finally {
      sqlite.close();
    }
  }
  ctx.progress(0, 3, 'Membaca bukti seleksi…');
  const sha256 = await sha256File(params.path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(params.path));
  } catch {
    throw new ApiError('VALIDATION', `File ${params.fileName} bukan teks UTF-8.`);
  }
  ctx.checkCancelled();
  const parsed = parseProofCsv(text);
  const base = { fileName: params.fileName, rows: parsed.rows.length, wave, quotaSource: options.quota ? ('given' as const) : ('inferred' as const), sha256 };
  if (parsed.problems.length) {
    return { ...base, ok: false, problems: parsed.problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p })), mismatchCount: 0, mismatches: [], recomputed: null };
  }
  ctx.progress(1, 3, 'Menghitung ulang kunci dan seleksi…');
  ctx.checkCancelled();
  const v = verifyProof(parsed.rows, params.seed, options);
  ctx.progress(3, 3, 'Menghitung ulang kunci dan seleksi…');
  const recomputed = v.recomputed ? { quota: v.recomputed.quota, pool: v.recomputed.pool, selected: v.recomputed.selected, unfilled: v.recomputed.unfilled, provinces: v.recomputed.provinces } : null;
  return { ...base, ok: v.ok, problems: [], mismatchCount: v.mismatchCount, mismatches: v.mismatches, recomputed };
}
