import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { maskNik, provinceName } from '../../../shared/nik';
import { openSqlite } from '../db/connection';
import type { ColumnSpec, ExportRow } from '../export/columns';
import type { ExportJobContext } from '../export/job-context';
import { writeTableReport } from '../export/table-report';
import { getWaveRow } from './wave-record';

export interface SelectionExportParams {
  number: number;
  format: 'csv' | 'xlsx';
  /** One province, or every province (in code order). */
  provinceCode?: string | undefined;
  /** Managers get NIKs masked (DESIGN 3.6). */
  maskNik: boolean;
}

/** The `wave-selection` report: the selected applicants by province and rank, with their cards once published. */
export const SELECTION_COLUMNS: readonly ColumnSpec[] = [
  { key: 'wave', header: 'wave', type: 'integer', width: 8 },
  { key: 'province_code', header: 'province_code', type: 'text', width: 8 },
  { key: 'province_name', header: 'province_name', type: 'text', width: 26 },
  { key: 'rank', header: 'rank', type: 'integer', width: 8 },
  { key: 'registration_id', header: 'registration_id', type: 'text', width: 20 },
  { key: 'nik', header: 'nik', type: 'text', width: 20 },
  { key: 'full_name', header: 'full_name', type: 'text', width: 30 },
  { key: 'gender', header: 'gender', type: 'text', width: 8 },
  { key: 'employment_status', header: 'employment_status', type: 'text', width: 16 },
  { key: 'card_number', header: 'card_number', type: 'text', width: 20 },
  { key: 'balance', header: 'balance', type: 'money', width: 16 },
  { key: 'published_on', header: 'published_on', type: 'date', width: 12 },
  { key: 'status', header: 'status', type: 'text', width: 10 },
  { key: 'revoked_at', header: 'revoked_at', type: 'date', width: 12 },
];

function* selectionRows(sqlite: BetterSqlite3.Database, waveId: number, number: number, provinceCode: string | undefined, mask: boolean): Generator<ExportRow> {
  const rows = sqlite
    .prepare(
      `SELECT s.province_code, s.province_rank, s.registration_id, coalesce(p.nik, a.nik) AS nik, a.full_name, a.gender, s.employment_status,
              p.card_number, p.balance, p.published_on, p.revoked_at
       FROM wave_selections s LEFT JOIN applicants a ON a.id = s.applicant_id
       LEFT JOIN participants p ON p.registration_id = s.registration_id AND p.wave_number = ?
       WHERE s.wave_id = ? ${provinceCode ? 'AND s.province_code = ?' : ''} ORDER BY s.seq`,
    )
    .raw()
    .iterate(number, waveId, ...(provinceCode ? [provinceCode] : [])) as IterableIterator<
    [string, number, string, string | null, string | null, string | null, string, string | null, number | null, string | null, string | null]
  >;
  for (const [province, rank, registrationId, nik, fullName, gender, employment, card, balance, publishedOn, revokedAt] of rows) {
    yield {
      wave: number,
      province_code: province,
      province_name: provinceName(province) ?? '',
      rank,
      registration_id: registrationId,
      nik: nik === null ? '' : mask ? maskNik(nik) : nik,
      full_name: fullName ?? '',
      gender: gender ?? '',
      employment_status: employment,
      card_number: card ?? '',
      balance,
      published_on: publishedOn,
      status: card === null ? 'selected' : revokedAt === null ? 'active' : 'revoked',
      revoked_at: revokedAt,
    };
  }
}

export async function exportSelection(ctx: ExportJobContext, params: SelectionExportParams) {
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  try {
    sqlite.exec('BEGIN');
    const wave = getWaveRow(sqlite, params.number);
    if (wave.status !== 'selected' && wave.status !== 'published') throw new ApiError('CONFLICT', `Gelombang ${wave.number} belum diseleksi; daftar terpilih belum ada.`);
    const total = sqlite
      .prepare(`SELECT count(*) FROM wave_selections WHERE wave_id = ? ${params.provinceCode ? 'AND province_code = ?' : ''}`)
      .pluck()
      .get(wave.id, ...(params.provinceCode ? [params.provinceCode] : [])) as number;
    const fileName = `terpilih-gelombang-${wave.number}${params.provinceCode ? `-provinsi-${params.provinceCode}` : ''}.${params.format}`;
    const file = await writeTableReport(sqlite, ctx, now, {
      fileName,
      format: params.format,
      columns: SELECTION_COLUMNS,
      rows: selectionRows(sqlite, wave.id, wave.number, params.provinceCode, params.maskNik),
      total,
      sheetName: `Gelombang ${wave.number}`,
      message: 'Menulis daftar terpilih…',
      audit: { action: 'wave.exportSelection', entity: 'wave', entityId: wave.number, after: { provinceCode: params.provinceCode ?? null, nikMasked: params.maskNik } },
    });
    return { ...file, wave: wave.number };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
