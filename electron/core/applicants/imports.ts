import type BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, ImportRun } from '../../../shared/api/applicants';
import { ApiError } from '../../../shared/api/errors';
import { matchColumns } from './import/columns';
import { APPLICANT_COLUMNS, APPLICANT_REQUIRED, EXCLUSION_COLUMNS, EXCLUSION_REQUIRED } from './import/row-checks';
import { readTable, sniffTable } from './import/table-source';
import type { Selectable } from 'kysely';
import type { ImportRunsTable } from '../db/schema';

const PREVIEW_ROWS = 20;

/** The import dialog's preview: header, where each expected column was found, and the first rows. */
export async function previewImport(file: { path: string; name: string }, kind: 'applicants' | 'exclusions'): Promise<ImportPreview> {
  return kind === 'applicants' ? previewTable(file, APPLICANT_COLUMNS, APPLICANT_REQUIRED) : previewTable(file, EXCLUSION_COLUMNS, EXCLUSION_REQUIRED);
}

/** The preview of any importable table, given its expected and required columns. */
export async function previewTable(file: { path: string; name: string }, expected: readonly string[], required: readonly string[]): Promise<ImportPreview> {
  const { format, size } = sniffTable(file);
  let header: string[] | null = null;
  const rows: ImportPreview['rows'] = [];
  outer: for await (const chunk of readTable(file, format)) {
    for (const r of chunk.records) {
      if (r.values.every((v) => v.trim() === '')) continue;
      if (!header) header = r.values;
      else rows.push(r);
      if (rows.length >= PREVIEW_ROWS) break outer;
    }
  }
  if (!header) throw new ApiError('VALIDATION', `File ${file.name} kosong. File tidak diimpor.`);
  const match = matchColumns(header, expected, required);
  return {
    fileName: file.name,
    format,
    size,
    header,
    columns: expected.map((name) => ({ name, required: required.includes(name), index: match.indexes[name]! >= 0 ? match.indexes[name]! : null })),
    missing: match.missing,
    extra: match.extra,
    rows,
  };
}

export function toImportRun(r: Selectable<ImportRunsTable>): ImportRun {
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    fileSize: r.file_size,
    username: r.username,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    rows: r.rows_total,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
  };
}

/** Formula-safe CSV cell (DESIGN 4): text starting with = + - @ tab or CR is prefixed with an apostrophe. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a run's rejects (row, column, reason, value) as a UTF-8 CSV with BOM so Excel opens it right. */
export function writeRejectsCsv(sqlite: BetterSqlite3.Database, runId: number, dir: string): { file: string; fileName: string } {
  const run = sqlite.prepare('SELECT file_name FROM import_runs WHERE id = ?').get(runId) as { file_name: string } | undefined;
  if (!run) throw new ApiError('NOT_FOUND', `Impor nomor ${runId} tidak ditemukan.`);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = `penolakan-impor-${runId}-${path.parse(run.file_name).name.replace(/[^\w.-]+/g, '_')}.csv`;
  const file = path.join(dir, `${Date.now()}-${fileName}`);
  const fd = fs.openSync(file, 'w');
  try {
    let buf = '\uFEFFrow,column,reason,value\n';
    const rows = sqlite.prepare('SELECT row, column_name, reason, value FROM import_rejects WHERE run_id = ? ORDER BY seq').iterate(runId) as Iterable<{
      row: number;
      column_name: string;
      reason: string;
      value: string | null;
    }>;
    for (const r of rows) {
      buf += `${r.row},${csvCell(r.column_name)},${csvCell(r.reason)},${csvCell(r.value)}\n`;
      if (buf.length > 1 << 16) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    }
    fs.writeSync(fd, buf);
  } finally {
    fs.closeSync(fd);
  }
  return { file, fileName };
}
