import type BetterSqlite3 from 'better-sqlite3';
import type { ScreeningResult } from '../../../shared/api/screening';
import { ApiError } from '../../../shared/api/errors';
import { reasonsOf } from '../../../shared/eligibility';
import { explainReason } from './explain';
import { parseDetails } from './fingerprint';
import { overridesOf } from './overrides';

/** One registration's latest result, each reason explained, with its overrides (the one in force first). */
export function screeningResult(sqlite: BetterSqlite3.Database, registrationId: string, maskPersonal: boolean): ScreeningResult {
  const row = sqlite
    .prepare(
      `SELECT a.id, a.registration_id, a.version, r.run_id, r.status, r.mask, r.applicant_version, r.details_json, r.override_id, s.as_of, s.finished_at
       FROM applicants a LEFT JOIN screening_results r ON r.applicant_id = a.id LEFT JOIN screening_runs s ON s.id = r.run_id
       WHERE a.registration_id = ?`,
    )
    .get(registrationId) as
    | {
        id: number;
        registration_id: string;
        version: number;
        run_id: number | null;
        status: 'eligible' | 'ineligible' | null;
        mask: number | null;
        applicant_version: number | null;
        details_json: string | null;
        override_id: number | null;
        as_of: string | null;
        finished_at: string | null;
      }
    | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `Pendaftaran ${registrationId} tidak ditemukan.`);
  const overrides = overridesOf(sqlite, row.id);
  if (row.run_id === null || row.mask === null) {
    return { registrationId: row.registration_id, screened: false, run: null, status: null, screenedStatus: null, reasons: [], stale: false, override: null, overrides };
  }
  const details = parseDetails(row.details_json);
  const asOf = row.as_of!;
  return {
    registrationId: row.registration_id,
    screened: true,
    run: { id: row.run_id, asOf, finishedAt: row.finished_at },
    status: row.status,
    screenedStatus: row.mask === 0 ? 'eligible' : 'ineligible',
    reasons: reasonsOf(row.mask).map((code) => ({ code, ...explainReason(code, details, asOf, maskPersonal) })),
    stale: row.applicant_version !== row.version,
    override: overrides.find((o) => o.id === row.override_id) ?? null,
    overrides,
  };
}
