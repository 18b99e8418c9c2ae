import type BetterSqlite3 from 'better-sqlite3';
import type { ApplicantFilters } from '../../../shared/api/applicants';
import { maskNik } from '../../../shared/nik';
import { openSqlite } from '../db/connection';
import type { ColumnSpec, ExportRow } from '../export/columns';
import { writeTableReport } from '../export/table-report';
import { buildWhere, classifySearch, hasScreeningFilter, isNullableColumn, jakartaToday, SORT_COLUMNS } from './list-query';
import type { ExportJobContext } from '../export/job-context';

export type ApplicantSortField = keyof typeof SORT_COLUMNS;

export interface ApplicantExportParams {
  format: 'csv' | 'xlsx';
  /** The list's filters as the user had them; empty for the whole register. */
  filters: ApplicantFilters;
  sortField?: ApplicantSortField;
  sortDir: 'asc' | 'desc';
  /** The instant the user asked: age filters count years as of this day, as the list did. */
  requestedAt: string;
}

/** DESIGN 4's applicant columns under their file names, so an export reads back through the import. */
export const APPLICANT_EXPORT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'registration_id', header: 'registration_id', type: 'text', width: 18 },
  { key: 'nik', header: 'nik', type: 'text', width: 20 },
  { key: 'kk', header: 'kk', type: 'text', width: 20 },
  { key: 'full_name', header: 'full_name', type: 'text', width: 30 },
  { key: 'birth_date', header: 'birth_date', type: 'date' },
  { key: 'gender', header: 'gender', type: 'text', width: 8 },
  { key: 'phone', header: 'phone', type: 'text', width: 16 },
  { key: 'email', header: 'email', type: 'text', width: 28 },
  { key: 'province_code', header: 'province_code', type: 'text', width: 14 },
  { key: 'regency_code', header: 'regency_code', type: 'text', width: 14 },
  { key: 'education', header: 'education', type: 'text', width: 11 },
  { key: 'employment_status', header: 'employment_status', type: 'text', width: 19 },
  { key: 'registered_at', header: 'registered_at', type: 'datetime', width: 20 },
  { key: 'test_score', header: 'test_score', type: 'integer', width: 11 },
];

const SELECTED = `id, ${APPLICANT_EXPORT_COLUMNS.map((c) => c.key).join(', ')}`;
const CHUNK = 2_000;
const MESSAGE = 'Menulis ekspor pendaftar…';

/** DESIGN 3.6: only admins and reviewers need NIK and KK whole; an unknown owner gets them masked. */
export function ownerMasks(sqlite: BetterSqlite3.Database, userId: number | null): boolean {
  const role = userId === null ? undefined : (sqlite.prepare('SELECT role FROM users WHERE id = ?').pluck().get(userId) as string | undefined);
  return role !== 'admin' && role !== 'reviewer';
}

/** The rows the list shows for these filters and this sort, in the same order, as the export's rows. */
export interface ApplicantView {
  total: number;
  rows: Iterable<ExportRow>;
}

/**
 * Opens the list's view (its own WHERE from list-query, its own order `column dir, id dir`) for reading
 * chunk by chunk: each chunk continues after the previous chunk's last (value, id), so memory stays
 * at one chunk however large the register. SQLite orders NULLs first ascending, so a nullable sort
 * column is read in two runs: the NULL rows by id, and the others by (value, id).
 */
export function applicantView(sqlite: BetterSqlite3.Database, params: Omit<ApplicantExportParams, 'format'>, mask: boolean): ApplicantView {
  const now = new Date(params.requestedAt);
  const search = classifySearch(sqlite, params.filters.q);
  const column = SORT_COLUMNS[params.sortField ?? 'registeredAt'];
  const dir = params.sortDir === 'desc' ? 'DESC' : 'ASC';
  const where = buildWhere(params.filters, search, now, { provinceIndexed: column === 'registered_at' || search.kind !== 'none' });
  const countWhere = hasScreeningFilter(params.filters) ? buildWhere(params.filters, search, now, { screeningFor: 'count' }) : where;
  const total = sqlite.prepare(`SELECT count(*) FROM applicants ${countWhere.sql}`).pluck().get(...countWhere.params) as number;
  const base = where.sql ? [`(${where.sql.replace(/^WHERE /, '')})`] : [];
  const nullable = isNullableColumn(column);
  const runs: ('nulls' | 'values')[] = !nullable ? ['values'] : dir === 'ASC' ? ['nulls', 'values'] : ['values', 'nulls'];
  const op = dir === 'ASC' ? '>' : '<';

  function* chunks(run: 'nulls' | 'values'): Generator<ExportRow> {
    const own = nullable ? [`${column} IS ${run === 'nulls' ? '' : 'NOT '}NULL`] : [];
    const order = run === 'nulls' ? `id ${dir}` : `${column} ${dir}, id ${dir}`;
    const after = run === 'nulls' ? `id ${op} ?` : `(${column}, id) ${op} (?, ?)`;
    const whereOf = (conds: string[]) => (conds.length ? `WHERE ${conds.join(' AND ')}` : '');
    const first = sqlite.prepare(`SELECT ${SELECTED} FROM applicants ${whereOf([...base, ...own])} ORDER BY ${order} LIMIT ${CHUNK}`);
    const next = sqlite.prepare(`SELECT ${SELECTED} FROM applicants ${whereOf([...base, ...own, after])} ORDER BY ${order} LIMIT ${CHUNK}`);
    let batch = first.all(...where.params) as Record<string, unknown>[];
    while (batch.length > 0) {
      for (const row of batch) yield mask ? { ...row, nik: maskNik(row.nik as string), kk: maskNik(row.kk as string) } : row;
      if (batch.length < CHUNK) return;
      const last = batch[batch.length - 1]!;
      batch = next.all(...where.params, ...(run === 'nulls' ? [last.id] : [last[column], last.id])) as Record<string, unknown>[];
    }
  }

  return {
    total,
    rows: (function* () {
      for (const run of runs) yield* chunks(run);
    })(),
  };
}

/** What the audit record says was exported: the filters as given, a NIK searched for masked when the exporter sees NIKs masked. */
function auditedFilter(filters: ApplicantFilters, mask: boolean): ApplicantFilters {
  const set = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as ApplicantFilters;
  if (mask && set.q && /^\d{16}$/.test(set.q.trim())) set.q = maskNik(set.q.trim());
  return set;
}

/**
 * The `applicants.export` job: the list's current view (or the whole register) to XLSX or CSV in the
 * exports folder, registered for its owner to download, with one audit record of who exported which
 * filter. Reads one snapshot on the worker's own connection.
 */
export async function exportApplicants(ctx: ExportJobContext, params: ApplicantExportParams) {
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  try {
    const mask = ownerMasks(sqlite, ctx.owner.userId);
    sqlite.exec('BEGIN');
    const view = applicantView(sqlite, params, mask);
    const filtered = Object.keys(auditedFilter(params.filters, false)).length > 0;
    const fileName = `pendaftar${filtered ? '-terfilter' : ''}-${jakartaToday(new Date(params.requestedAt))}.${params.format}`;
    const file = await writeTableReport(sqlite, ctx, now, {
      fileName,
      format: params.format,
      columns: APPLICANT_EXPORT_COLUMNS,
      rows: view.rows,
      total: view.total,
      sheetName: 'Pendaftar',
      message: MESSAGE,
      progressEvery: 5_000,
      audit: {
        action: 'applicants.export',
        entity: 'applicants',
        after: { filter: auditedFilter(params.filters, mask), sort: { field: params.sortField ?? 'registeredAt', dir: params.sortDir }, nikMasked: mask },
      },
    });
    return { fileRef: file.fileRef, fileName: file.fileName, rows: file.rows };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
