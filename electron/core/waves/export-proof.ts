import { ApiError } from '../../../shared/api/errors';
import { writeProofRows } from '../../../shared/selection';
import { sha256File } from '../applicants/import/table-source';
import { openSqlite } from '../db/connection';
import type { ExportJobContext } from '../export/job-context';
import { openTextSink } from '../export/text-sink';
import { exportTarget, registerExportSync } from '../files/export-file';
import { loadPool } from './pool-store';
import { getWaveRow } from './wave-record';

export interface ProofExportParams {
  number: number;
}

/**
 * The `wave-proof` report (DESIGN 3.3): one CSV row per pool member, `registration_id, province_code,
 * weight, key, selected`, in the selection's order (province code, then rank). Written for programs
 * as much as for people: UTF-8 without BOM, CRLF, keys in the shortest form that reads back to the
 * same double. Every export of a wave is byte for byte the same file, so its sha256 identifies it.
 */
export async function exportProof(ctx: ExportJobContext, params: ProofExportParams) {
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  try {
    sqlite.exec('BEGIN');
    const wave = getWaveRow(sqlite, params.number);
    const pool = loadPool(sqlite, wave.id);
    if (!pool || !wave.seed) throw new ApiError('CONFLICT', `Gelombang ${wave.number} belum diseleksi; bukti seleksi belum ada.`);
    sqlite.exec('COMMIT');
    const fileName = `bukti-seleksi-gelombang-${wave.number}.csv`;
    const target = exportTarget(ctx.dbPath, fileName);
    const sink = openTextSink(target);
    ctx.progress(0, pool.rows, 'Menulis bukti seleksi…');
    let i = -1;
    try {
      const rows = { [Symbol.iterator]: () => ({ next: () => (++i < pool.rows ? { done: false as const, value: pool.row(i) } : { done: true as const, value: undefined }) }) };
      for (const line of writeProofRows(rows)) {
        const wait = sink.write(line + '\r\n');
        if (wait) await wait;
        if ((i & 0xffff) === 0xffff) {
          ctx.progress(i, pool.rows, 'Menulis bukti seleksi…');
          ctx.checkCancelled();
        }
      }
      await sink.close();
    } catch (err) {
      await sink.abort();
      throw err;
    }
    ctx.checkCancelled();
    const sha256 = await sha256File(target);
    const file = registerExportSync(
      sqlite,
      { path: target, originalName: fileName, ownerUserId: ctx.owner.userId },
      { userId: ctx.owner.userId, username: ctx.owner.username, action: 'wave.exportProof', entity: 'wave', entityId: wave.number, after: { fileName, rows: pool.rows, sha256 } },
      now,
    );
    return { ...file, rows: pool.rows, sha256, wave: wave.number };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
