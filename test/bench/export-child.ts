/**
 * Child process for the bench: exports every applicant of a database to XLSX or CSV and prints one
 * JSON line with the time and this process's peak RSS (so the figure is the export's alone).
 * Usage: tsx test/bench/export-child.ts DB OUT
 */
import { APPLICANT_EXPORT_COLUMNS, applicantView } from '../../electron/core/applicants/export-applicants';
import { openSqlite } from '../../electron/core/db/connection';
import { writeCsv } from '../../electron/core/export/csv-writer';
import { writeXlsx } from '../../electron/core/export/xlsx-writer';

const [dbPath, out] = process.argv.slice(2);
if (!dbPath || !out) throw new Error('usage: export-child.ts DB OUT');

// The applicants.export job's own reading (keyset chunks in the list's default order) and columns.
const sqlite = openSqlite(dbPath, { readonly: true });
const view = applicantView(sqlite, { filters: {}, sortDir: 'asc', requestedAt: new Date().toISOString() }, false);
const columns = APPLICANT_EXPORT_COLUMNS;
const rows = view.rows;
const started = process.hrtime.bigint();
const result = await (out.endsWith('.csv') ? writeCsv : writeXlsx)(out, columns, rows);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
sqlite.close();
console.log(JSON.stringify({ rows: result.rows, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
