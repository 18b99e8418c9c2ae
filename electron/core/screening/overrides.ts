import type BetterSqlite3 from 'better-sqlite3';
import type { Override, OverrideState } from '../../../shared/api/screening';
import { ApiError } from '../../../shared/api/errors';
import { reasonsOf } from '../../../shared/eligibility';
import type { HandlerContext } from '../api/context';
import { noteApplicantsChanged } from '../applicants/list';
import type { OverridesTable } from '../db/schema';
import { factsFingerprint, parseDetails } from './fingerprint';

type OverrideRow = Omit<OverridesTable, 'id'> & { id: number; full_name: string | null };
type Status = 'eligible' | 'ineligible';
const STATUS_WORD: Record<Status, string> = { eligible: 'layak', ineligible: 'tidak layak' };

const SELECT = `SELECT o.*, a.full_name FROM overrides o LEFT JOIN applicants a ON a.id = o.applicant_id`;

export function overrideState(r: Pick<OverrideRow, 'decision' | 'lapsed_at' | 'superseded_by'>): OverrideState {
  if (r.decision === null) return 'pending';
  if (r.decision === 'rejected') return 'rejected';
  if (r.lapsed_at !== null) return 'lapsed';
  if (r.superseded_by !== null) return 'superseded';
  return 'approved';
}

export function toOverride(r: OverrideRow): Override {
  return {
    id: r.id,
    registrationId: r.registration_id,
    fullName: r.full_name,
    fromStatus: r.from_status,
    status: r.status,
    reasons: [...reasonsOf(r.mask)],
    reason: r.reason,
    runId: r.run_id,
    proposedBy: r.proposed_by_name,
    proposedAt: r.proposed_at,
    state: overrideState(r),
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    lapsedAt: r.lapsed_at,
  };
}

function getOverride(sqlite: BetterSqlite3.Database, id: number): OverrideRow {
  const row = sqlite.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OverrideRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `Usulan koreksi nomor ${id} tidak ditemukan.`);
  return row;
}

interface CurrentResult {
  applicant_id: number;
  registration_id: string;
  version: number;
  run_id: number | null;
  status: Status | null;
  mask: number | null;
  applicant_version: number | null;
  details_json: string | null;
  override_id: number | null;
}

function currentResult(sqlite: BetterSqlite3.Database, where: 'a.id = ?' | 'a.registration_id = ?', key: number | string): CurrentResult | undefined {
  return sqlite
    .prepare(
      `SELECT a.id AS applicant_id, a.registration_id, a.version, r.run_id, r.status, r.mask, r.applicant_version, r.details_json, r.override_id
       FROM applicants a LEFT JOIN screening_results r ON r.applicant_id = a.id WHERE ${where}`,
    )
    .get(key) as CurrentResult | undefined;
}

/** The facts of the current result, or a CONFLICT saying why there is no result to build on. */
function currentFacts(r: CurrentResult): { mask: number; fingerprint: string; runId: number; status: Status } {
  if (r.run_id === null || r.mask === null || r.applicant_version === null || r.status === null) {
    throw new ApiError('CONFLICT', `Pendaftaran ${r.registration_id} belum disaring. Jalankan penyaringan terlebih dahulu.`);
  }
  if (r.applicant_version !== r.version) {
    throw new ApiError('CONFLICT', `Data pendaftaran ${r.registration_id} berubah setelah penyaringan terakhir. Jalankan penyaringan ulang terlebih dahulu.`);
  }
  return { mask: r.mask, fingerprint: factsFingerprint(r.mask, r.applicant_version, parseDetails(r.details_json)), runId: r.run_id, status: r.status };
}

export async function proposeOverride(ctx: HandlerContext, input: { registrationId: string; status: Status; reason: string }): Promise<Override> {
  const sqlite = ctx.core.db.sqlite;
  const user = ctx.user!;
  const r = currentResult(sqlite, 'a.registration_id = ?', input.registrationId);
  if (!r) throw new ApiError('NOT_FOUND', `Pendaftaran ${input.registrationId} tidak ditemukan.`);
  const facts = currentFacts(r);
  const screened: Status = facts.mask === 0 ? 'eligible' : 'ineligible';
  if (input.status === facts.status) {
    throw new ApiError('VALIDATION', `Pendaftaran ${r.registration_id} sudah berstatus ${STATUS_WORD[input.status]}; tidak ada yang dikoreksi.`);
  }
  if (input.status === screened) {
    throw new ApiError('CONFLICT', `Status ${STATUS_WORD[screened]} adalah hasil aturan; koreksi yang berlaku (nomor ${r.override_id}) berakhir sendiri bila faktanya berubah.`);
  }
  const pending = sqlite.prepare('SELECT id FROM overrides WHERE applicant_id = ? AND decision IS NULL').pluck().get(r.applicant_id) as number | undefined;
  if (pending !== undefined) throw new ApiError('CONFLICT', `Sudah ada usulan koreksi nomor ${pending} untuk pendaftaran ini yang menunggu keputusan.`);
  const at = ctx.now.toISOString();
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO overrides (applicant_id, registration_id, from_status, status, reason, run_id, mask, fingerprint, proposed_by, proposed_by_name, proposed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.applicant_id, r.registration_id, screened, input.status, input.reason, facts.runId, facts.mask, facts.fingerprint, user.id, user.username, at).lastInsertRowid,
  );
  await ctx.audit({
    action: 'override.propose',
    entity: 'override',
    entityId: id,
    after: { registrationId: r.registration_id, fromStatus: screened, status: input.status, reason: input.reason, runId: facts.runId, reasons: reasonsOf(facts.mask), fingerprint: facts.fingerprint },
  });
  return toOverride(getOverride(sqlite, id));
}

/**
 * Four eyes (DESIGN 3.6): the proposer can never decide their own proposal, whatever their role.
 * Approving checks that the facts are still those the proposal was made on, then puts the override
 * in force on the current result; an earlier approved override of the registration is superseded.
 */
export async function decideOverride(ctx: HandlerContext, input: { id: number; approve: boolean; note?: string | undefined }): Promise<Override> {
  const sqlite = ctx.core.db.sqlite;
  const user = ctx.user!;
  const o = getOverride(sqlite, input.id);
  if (o.decision !== null) throw new ApiError('CONFLICT', `Usulan koreksi nomor ${o.id} sudah diputuskan (${o.decision === 'approved' ? 'disetujui' : 'ditolak'} oleh ${o.decided_by_name}).`);
  if (o.proposed_by === user.id) {
    throw new ApiError('FORBIDDEN', `Usulan koreksi nomor ${o.id} Anda ajukan sendiri; keputusannya harus diambil pengguna lain (prinsip empat mata).`);
  }
  const at = ctx.now.toISOString();
  if (input.approve) {
    const r = currentResult(sqlite, 'a.id = ?', o.applicant_id);
    if (!r) throw new ApiError('CONFLICT', `Pendaftaran ${o.registration_id} sudah tidak ada; usulan nomor ${o.id} hanya dapat ditolak.`);
    const facts = currentFacts(r);
    if (facts.fingerprint !== o.fingerprint) {
      throw new ApiError('CONFLICT', `Fakta di balik hasil penyaringan ${o.registration_id} berubah sejak usulan nomor ${o.id} dibuat. Tolak usulan ini dan ajukan yang baru bila masih diperlukan.`);
    }
    sqlite
      .prepare(`UPDATE overrides SET superseded_by = ? WHERE applicant_id = ? AND decision = 'approved' AND lapsed_at IS NULL AND superseded_by IS NULL AND id <> ?`)
      .run(o.id, o.applicant_id, o.id);
    sqlite.prepare('UPDATE screening_results SET status = ?, override_id = ? WHERE applicant_id = ?').run(o.status, o.id, o.applicant_id);
    noteApplicantsChanged();
  }
  sqlite
    .prepare('UPDATE overrides SET decision = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, decision_note = ? WHERE id = ?')
    .run(input.approve ? 'approved' : 'rejected', user.id, user.username, at, input.note ?? null, o.id);
  await ctx.audit({
    action: input.approve ? 'override.approve' : 'override.reject',
    entity: 'override',
    entityId: o.id,
    before: { decision: null },
    after: { registrationId: o.registration_id, decision: input.approve ? 'approved' : 'rejected', status: o.status, proposedBy: o.proposed_by_name, note: input.note ?? null },
  });
  return toOverride(getOverride(sqlite, o.id));
}

/** Bulk approve in the caller's one transaction: any refusal names its proposal and undoes the lot. */
export async function approveMany(ctx: HandlerContext, input: { ids: number[]; note?: string | undefined }) {
  const overrides: Override[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      overrides.push(await decideOverride(ctx, { id, approve: true, note: input.note }));
    } catch (err) {
      if (err instanceof ApiError) throw new ApiError(err.code, `Tidak ada yang disetujui. ${err.message}`);
      throw err;
    }
  }
  return { approved: overrides.length, overrides };
}

const STATE_WHERE: Record<OverrideState, string> = {
  pending: 'o.decision IS NULL',
  approved: "o.decision = 'approved' AND o.lapsed_at IS NULL AND o.superseded_by IS NULL",
  rejected: "o.decision = 'rejected'",
  lapsed: 'o.lapsed_at IS NOT NULL',
  superseded: 'o.superseded_by IS NOT NULL AND o.lapsed_at IS NULL',
};
const SORTS: Record<string, string> = { id: 'o.id', proposedAt: 'o.id', registrationId: 'o.registration_id', proposedBy: 'o.proposed_by_name', decidedAt: 'o.decided_at' };

export function listOverrides(
  sqlite: BetterSqlite3.Database,
  input: { page: number; pageSize: number; sortField?: string | undefined; sortDir: 'asc' | 'desc'; state?: OverrideState | undefined; registrationId?: string | undefined },
) {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (input.state) parts.push(STATE_WHERE[input.state]);
  if (input.registrationId) {
    parts.push('o.registration_id = ?');
    params.push(input.registrationId);
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const total = sqlite.prepare(`SELECT count(*) FROM overrides o ${where}`).pluck().get(...params) as number;
  const column = SORTS[input.sortField ?? ''] ?? 'o.id';
  // The queue reads oldest first; the history newest first.
  const dir = input.sortField ? (input.sortDir === 'desc' ? 'DESC' : 'ASC') : input.state === 'pending' ? 'ASC' : 'DESC';
  const rows = sqlite.prepare(`${SELECT} ${where} ORDER BY ${column} ${dir}, o.id ${dir} LIMIT ? OFFSET ?`).all(...params, input.pageSize, input.page * input.pageSize) as OverrideRow[];
  return { total, rows: rows.map(toOverride) };
}

export function overridesOf(sqlite: BetterSqlite3.Database, applicantId: number): Override[] {
  return (sqlite.prepare(`${SELECT} WHERE o.applicant_id = ? ORDER BY o.id DESC`).all(applicantId) as OverrideRow[]).map(toOverride);
}
