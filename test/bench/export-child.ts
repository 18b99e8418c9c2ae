/**
 * Child process for the bench: exports every applicant of a database to XLSX or CSV and prints one
 * JSON line with the time and this process's peak RSS (so the figure is the export's alone).
 * Usage: tsx test/bench/export-child.ts DB OUT
 */
import { openSqlite } from '../../electron/core/db/connection';
import type { ColumnSpec, ExportRow } from '../../electron/core/export/columns';
import { writeCsv } from '../../electron/core/export/csv-writer';
import { writeXlsx } from '../../electron/core/export/xlsx-writer';

const [dbPath, out] = process.argv.slice(2);
if (!dbPath || !out) throw new Error('usage: export-child.ts DB OUT');

const text = (key: string, header: string, width?: number): ColumnSpec => ({ key, header, type: 'text', ...(width ? { width } : {}) });
const columns: ColumnSpec[] = [
  text('registration_id', 'ID pendaftaran', 16), text('nik', 'NIK', 19), text('kk', 'No. KK', 19), text('full_name', 'Nama lengkap', 30),
  { key: 'birth_date', header: 'Tanggal lahir', type: 'date' }, text('gender', 'JK', 5), text('phone', 'No. HP', 16), text('email', 'Email', 30),
  text('province_code', 'Provinsi', 9), text('regency_code', 'Kab/Kota', 9), text('education', 'Pendidikan', 11), text('employment_status', 'Status kerja', 15),
  { key: 'registered_at', header: 'Waktu daftar (WIB)', type: 'datetime' }, { key: 'test_score', header: 'Nilai tes', type: 'integer' },
];

const sqlite = openSqlite(dbPath, { readonly: true });
const rows = sqlite.prepare(`SELECT ${columns.map((c) => c.key).join(', ')} FROM applicants ORDER BY id`).iterate() as IterableIterator<ExportRow>;
const started = process.hrtime.bigint();
const result = await (out.endsWith('.csv') ? writeCsv : writeXlsx)(out, columns, rows);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
sqlite.close();
console.log(JSON.stringify({ rows: result.rows, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
