import { EMPLOYMENT_STATUSES } from '../../../shared/applicant-values';
import { ApiError, type FieldIssue } from '../../../shared/api/errors';
import type { Weights } from '../../../shared/api/waves';
import { PROVINCES } from '../../../shared/regions/provinces';
import { readTable, sniffTable, type TableFile } from '../applicants/import/table-source';

export type SettingsKind = 'weights' | 'provinceQuotas';

const COLUMNS: Record<SettingsKind, readonly [string, string]> = {
  weights: ['employment_status', 'weight'],
  provinceQuotas: ['province_code', 'quota'],
};
const WHAT: Record<SettingsKind, string> = { weights: 'bobot', provinceQuotas: 'kuota provinsi' };
const MAX_ROWS = 1000;
const DECIMAL = /^\d+(\.\d+)?$/;

export type SettingsFileContent = { fileName: string; rows: number } & ({ weights: Weights } | { provinces: Record<string, number> });

interface Problem {
  row: number;
  column: string;
  reason: string;
}

/**
 * Reads a wave settings file (DESIGN 4): CSV (comma or semicolon, with or without BOM) or XLSX (first
 * sheet), column names case-insensitive, extra columns ignored. weights: `employment_status, weight`
 * with weight > 0; province quotas: `province_code, quota` with quota an integer >= 0. A settings file
 * is small and used whole, so any bad row refuses the file, each problem named by file, row and column.
 */
export async function readSettingsFile(file: TableFile, kind: SettingsKind): Promise<SettingsFileContent> {
  const [keyColumn, valueColumn] = COLUMNS[kind];
  const { format } = sniffTable({ ...file, maxBytes: 1024 * 1024 });
  const problems: Problem[] = [];
  const values = new Map<string, number>();
  const firstRow = new Map<string, number>();
  let header: string[] | null = null;
  let keyAt = -1;
  let valueAt = -1;
  let rows = 0;
  for await (const chunk of readTable(file, format)) {
    for (const record of chunk.records) {
      if (!header) {
        header = record.values.map((h) => h.trim().replace(/^\uFEFF/, '').toLowerCase());
        keyAt = header.indexOf(keyColumn);
        valueAt = header.indexOf(valueColumn);
        const missing = [keyColumn, valueColumn].filter((c) => !header!.includes(c));
        if (missing.length) {
          throw new ApiError('VALIDATION', `File ${file.name}: kolom wajib tidak ada: ${missing.join(', ')} (baris 1 harus memuat ${keyColumn}, ${valueColumn}).`, [
            { path: `baris 1, kolom ${missing[0]}`, message: 'kolom wajib tidak ada' },
          ]);
        }
        continue;
      }
      const key = (record.values[keyAt] ?? '').trim();
      const value = (record.values[valueAt] ?? '').trim();
      if (!key && !value && record.values.every((v) => v.trim() === '')) continue;
      if (++rows > MAX_ROWS) throw new ApiError('VALIDATION', `File ${file.name} lebih dari ${MAX_ROWS} baris; ini bukan file ${WHAT[kind]}.`);
      const problem = (column: string, reason: string) => problems.push({ row: record.row, column, reason });
      if (!key) {
        problem(keyColumn, `${keyColumn} kosong`);
        continue;
      }
      if (kind === 'weights' && !(EMPLOYMENT_STATUSES as readonly string[]).includes(key)) {
        problem(keyColumn, `"${key}" bukan employment_status (pilihan: ${EMPLOYMENT_STATUSES.join(', ')})`);
        continue;
      }
      if (kind === 'provinceQuotas' && !(/^\d{2}$/.test(key) && Object.prototype.hasOwnProperty.call(PROVINCES, key))) {
        problem(keyColumn, `"${key}" bukan kode provinsi (2 angka, mis. 32 untuk Jawa Barat)`);
        continue;
      }
      const earlier = firstRow.get(key);
      if (earlier !== undefined) {
        problem(keyColumn, `${key} sudah ada di baris ${earlier}`);
        continue;
      }
      let number: number;
      if (kind === 'weights') {
        number = Number(value);
        if (!DECIMAL.test(value) || !(number > 0) || !Number.isFinite(number)) {
          problem(valueColumn, value.includes(',') ? `"${value}": pakai titik sebagai pemisah desimal (mis. 1.5)` : `weight harus angka lebih dari 0, bukan "${value}"`);
          continue;
        }
      } else {
        number = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
          problem(valueColumn, `quota harus bilangan bulat 0 atau lebih, bukan "${value}"`);
          continue;
        }
      }
      firstRow.set(key, record.row);
      values.set(key, number);
    }
  }
  if (!header) throw new ApiError('VALIDATION', `File ${file.name} kosong.`);
  if (problems.length) {
    const first = problems[0]!;
    const issues: FieldIssue[] = problems.map((p) => ({ path: `baris ${p.row}, kolom ${p.column}`, message: p.reason }));
    throw new ApiError(
      'VALIDATION',
      `File ${file.name}, baris ${first.row}, kolom ${first.column}: ${first.reason}.${problems.length > 1 ? ` (${problems.length} masalah; lihat rinciannya.)` : ''} File tidak dipakai.`,
      issues,
    );
  }
  if (values.size === 0) throw new ApiError('VALIDATION', `File ${file.name} tidak memuat satu baris ${WHAT[kind]} pun.`);
  const sorted = Object.fromEntries([...values].sort(([a], [b]) => (a < b ? -1 : 1)));
  return kind === 'weights' ? { fileName: file.name, rows, weights: sorted as Weights } : { fileName: file.name, rows, provinces: sorted };
}
