import fs from 'node:fs';
import { ApiError } from '../../../shared/api/errors';
import type { ProofVerification } from '../../../shared/api/waves';
import { parseProofCsv, verifyProof, type ProofCheckOptions, type ProofRow, type QuotaSpec } from '../../../shared/selection';
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
  /** The published quotas, when checking without a wave in this database. */
  quota?: QuotaSpec | undefined;
}

const MAX_PROBLEMS = 20;

/**
 * Recomputes a selection from a proof file and the seed (DESIGN 3.3): every key from the seed and each
 * row's registration_id and weight, then the selection of the proof's pool, compared row by row.
 * Without a wave or given quotas, the quotas are inferred from the proof: first as a national quota
 * (its count of selected rows, split by largest remainder); when that split does not give the proof's
 * counts (explicit province quotas do not), each province's count is taken as its quota, which still
 * checks every key and that each province selected its highest-ranked rows.
 */
export async function runVerifyProof(ctx: WaveJobContext, params: VerifyParams): Promise<ProofVerification> {
  const { format } = sniffTable({ path: params.path, name: params.fileName, maxBytes: 512 * 1024 * 1024 });
  if (format !== 'csv') throw new ApiError('VALIDATION', `File ${params.fileName} bukan CSV. Bukti seleksi diperiksa dari CSV aslinya (XLSX membulatkan kunci).`);
  const options: ProofCheckOptions = { maxMismatches: 50, ...(params.quota ? { quota: params.quota } : {}) };
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
  const base = { fileName: params.fileName, rows: parsed.rows.length, wave, sha256 };
  if (parsed.problems.length) {
    return { ...base, quotaSource: options.quota ? 'given' : 'inferred', ok: false, problems: parsed.problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p })), mismatchCount: 0, mismatches: [], recomputed: null };
  }
  ctx.progress(1, 3, 'Menghitung ulang kunci dan seleksi…');
  ctx.checkCancelled();
  let v = verifyProof(parsed.rows, params.seed, options);
  let quotaSource: ProofVerification['quotaSource'] = options.quota ? 'given' : 'inferred';
  if (!v.ok && !options.quota && v.recomputed) {
    const perProvince = verifyProof(parsed.rows, params.seed, { ...options, quota: { provinces: selectedPerProvince(parsed.rows) } });
    if (perProvince.ok || v.mismatches.every((m) => m.field === 'selected')) {
      v = perProvince;
      quotaSource = 'inferredProvinces';
    }
  }
  ctx.progress(3, 3, 'Menghitung ulang kunci dan seleksi…');
  const recomputed = v.recomputed ? { quota: v.recomputed.quota, pool: v.recomputed.pool, selected: v.recomputed.selected, unfilled: v.recomputed.unfilled, provinces: v.recomputed.provinces } : null;
  return { ...base, quotaSource, ok: v.ok, problems: [], mismatchCount: v.mismatchCount, mismatches: v.mismatches, recomputed };
}

/** Each province's count of selected rows in the proof (every province of the proof, 0 included). */
function selectedPerProvince(rows: readonly ProofRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.provinceCode] = (counts[r.provinceCode] ?? 0) + (r.selected ? 1 : 0);
  return counts;
}
