import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { REASON_BIT, reasonsField } from '../../../shared/eligibility';
import { maskNik } from '../../../shared/nik';
import { openSqlite } from '../db/connection';
import type { ColumnSpec, ExportRow } from '../export/columns';
import { jakartaToday } from '../applicants/list-query';
import { writeTableReport } from '../export/table-report';
import { latestRun } from './runs';
import type { ExportJobContext } from '../export/job-context';

export interface EligibilityExportParams {
  format: 'csv' | 'xlsx';
  /** Managers get NIKs masked (DESIGN 3.6); the handler decides by role. */
  maskNik: boolean;
}

/** DESIGN 7's `eligibility` report, exactly these columns. */
export const ELIGIBILITY_COLUMNS: readonly ColumnSpec[] = [
  { key: 'registration_id', header: 'registration_id', type: 'text', width: 22 },
  { key: 'nik', header: 'nik', type: 'text', width: 20 },
  { key: 'status', header: 'status', type: 'text', width: 12 },
  { key: 'reasons', header: 'reasons', type: 'text', width: 40 },
];

/**
 * One row per screened registration from the latest screening: the status in force and the rules'
 * reasons in table order. A participant's own registration whose wave is published by today reads
 * ineligible with ALREADY_PARTICIPANT even when the latest screening predates the publication.
 */
export function* eligibilityRows(sqlite: BetterSqlite3.Database, today: string, mask: boolean): Generator<ExportRow> {
  const participants = new Set(
    sqlite.prepare('SELECT registration_id FROM participants WHERE published_on IS NOT NULL AND published_on <= ?').pluck().all(today) as string[],
  );
  const rows = sqlite
    .prepare('SELECT a.registration_id, a.nik, r.status, r.mask FROM screening_results r JOIN applicants a ON a.id = r.applicant_id ORDER BY r.applicant_id')
    .raw()
    .iterate() as IterableIterator<[string, string, string, number]>;
  for (const [registrationId, nik, status, reasonMask] of rows) {
    const own = participants.has(registrationId);
    yield {
      registration_id: registrationId,
      nik: mask ? maskNik(nik) : nik,
      status: own ? 'ineligible' : status,
      reasons: reasonsField(own ? reasonMask | REASON_BIT.ALREADY_PARTICIPANT : reasonMask),
    };
  }
}

export async function exportEligibility(ctx: ExportJobContext, params: EligibilityExportParams) {
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  try {
    // One read snapshot for the whole file, however long the writing takes.
    sqlite.exec('BEGIN');
    const run = latestRun(sqlite);
    if (!run) throw new ApiError('NOT_FOUND', 'Belum ada penyaringan yang selesai; laporan kelayakan belum dapat dibuat.');
    const total = sqlite.prepare('SELECT count(*) FROM screening_results').pluck().get() as number;
    const fileName = `kelayakan-${run.as_of}-penyaringan-${run.id}.${params.format}`;
    const file = await writeTableReport(sqlite, ctx, now, {
      fileName,
      format: params.format,
      columns: ELIGIBILITY_COLUMNS,
      rows: eligibilityRows(sqlite, jakartaToday(now), params.maskNik),
      total,
      sheetName: 'Kelayakan',
      message: 'Menulis laporan kelayakan…',
      audit: { action: 'eligibility.export', entity: 'screening_run', entityId: run.id, after: { nikMasked: params.maskNik } },
    });
    return { ...file, runId: run.id, asOf: run.as_of };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
