import type BetterSqlite3 from 'better-sqlite3';
import { isIsoDate, outcomeAt, screen, type ReasonCounts, type Screening } from '../../../shared/eligibility';
import { ApiError } from '../../../shared/api/errors';
import { appendAuditSync } from '../audit/chain';
import { openSqlite } from '../db/connection';
import { JobCancelled } from '../jobs/protocol';
import { countByProvince, runCounts, type RunCounts } from './counts';
import { factsFingerprint } from './fingerprint';
import { exclusionImports, readExclusions, readParticipants, readRegister, type Register } from './read-inputs';
import { replaceResults } from './write-results';

export interface ScreeningParams {
  /** `YYYY-MM-DD`; the handler fills in today (Asia/Jakarta). */
  asOf: string;
}

export interface ScreeningContext {
  dbPath: string;
  owner: { userId: number | null; username: string | null };
  progress(done: number, total: number | null, message?: string): void;
  checkCancelled(): void;
  now?: () => Date;
}

/** The job's result: DESIGN 7's `screen` keys first, then the run and its overrides. */
export interface ScreeningOutcome {
  asOf: string;
  total: number;
  eligible: number;
  ineligible: number;
  reasons: ReasonCounts;
  runId: number;
  effective: RunCounts['effective'];
  overridden: RunCounts['overridden'];
  seconds: number;
}

interface ActiveOverride {
  id: number;
  applicant_id: number;
  status: 'eligible' | 'ineligible';
  fingerprint: string;
}

/**
 * Screens the whole register as of a date in one write transaction on its own connection: the run
 * record, every result (replacing the previous set), the overrides that lapse, and one audit record;
 * or, on a cancel or a failure, nothing but a note of the unfinished run.
 */
export function runScreening(ctx: ScreeningContext, params: ScreeningParams): ScreeningOutcome {
  if (!isIsoDate(params.asOf)) throw new ApiError('VALIDATION', `Tanggal acuan ${params.asOf} tidak valid (format YYYY-MM-DD).`);
  const started = Date.now();
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = MEMORY');
  // A worker can wait for an import to finish with the write lock; the UI's 5 s is for people.
  sqlite.pragma('busy_timeout = 120000');
  try {
    // Read and screen in a read snapshot, taking the write lock only to write, so that other writers
    // (the UI's calls) wait for the write phase alone. Should one of them commit in between, the
    // snapshot is stale and the upgrade fails: screen again, the last time holding the lock throughout.
    for (let attempt = 1; ; attempt++) {
      const exclusive = attempt === SNAPSHOT_ATTEMPTS;
      sqlite.exec(exclusive ? 'BEGIN IMMEDIATE' : 'BEGIN');
      try {
        const outcome = screenInTransaction(sqlite, ctx, params.asOf, now, started);
        ctx.checkCancelled();
        sqlite.exec('COMMIT');
        return outcome;
      } catch (err) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        if (!exclusive && isStaleSnapshot(err)) continue;
        recordUnfinishedRun(sqlite, ctx, params.asOf, now, err);
        throw err;
      }
    }
  } finally {
    sqlite.close();
  }
}

const SNAPSHOT_ATTEMPTS = 3;
const isStaleSnapshot = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_BUSY';
};

function screenInTransaction(sqlite: BetterSqlite3.Database, ctx: ScreeningContext, asOf: string, now: Date, started: number): ScreeningOutcome {
  const imports = exclusionImports(sqlite);
  // Progress in thirds: reading, screening, writing.
  ctx.progress(0, null, 'Membaca data pendaftar…');
  let n = 0;
  const register = readRegister(sqlite, (done, total) => {
    n = total;
    ctx.progress(done, 3 * total, 'Membaca data pendaftar…');
    ctx.checkCancelled();
  });
  n = register.ids.length;
  const s = screen({ registrations: register.columns, participants: readParticipants(sqlite), exclusions: readExclusions(sqlite) }, asOf, {
    onProgress: (done, total) => {
      ctx.progress(n + Math.round((done / Math.max(total, 1)) * n), 3 * n, 'Menyaring kelayakan…');
      ctx.checkCancelled();
    },
  });
  ctx.checkCancelled();

  // The first write: here the read snapshot becomes the write transaction.
  const runId = Number(
    sqlite
      .prepare(`INSERT INTO screening_runs (as_of, user_id, username, started_at, status, exclusion_imports_json) VALUES (?, ?, ?, ?, 'running', ?)`)
      .run(asOf, ctx.owner.userId, ctx.owner.username, now.toISOString(), JSON.stringify(imports)).lastInsertRowid,
  );
  const { applied, lapsed } = applyOverrides(sqlite, s, register, runId, now);
  ctx.progress(2 * n, 3 * n, 'Menyimpan hasil…');
  replaceResults(
    sqlite,
    runId,
    {
      count: n,
      applicantId: (i) => register.ids[i]!,
      applicantVersion: (i) => register.versions[i]!,
      mask: (i) => s.masks[i]!,
      override: (i) => applied.get(i),
      detailsJson: (i) => JSON.stringify(outcomeAt(s, i).details),
    },
    (done) => {
      ctx.progress(2 * n + done, 3 * n, 'Menyimpan hasil…');
      ctx.checkCancelled();
    },
  );

  let toEligible = 0;
  for (const o of applied.values()) if (o.status === 'eligible') toEligible++;
  const counts = runCounts(s.summary, { toEligible, toIneligible: applied.size - toEligible, lapsed: lapsed.length }, countByProvince(s.masks, register.provinces));
  const seconds = (Date.now() - started) / 1000;
  sqlite
    .prepare(`UPDATE screening_runs SET status = 'done', finished_at = ?, counts_json = ? WHERE id = ?`)
    .run(new Date(now.getTime() + seconds * 1000).toISOString(), JSON.stringify(counts), runId);
  const { byProvince: _byProvince, ...auditCounts } = counts;
  appendAuditSync(
    sqlite,
    {
      userId: ctx.owner.userId,
      username: ctx.owner.username,
      action: 'screening.run',
      entity: 'screening_run',
      entityId: runId,
      after: { asOf, ...auditCounts, exclusionImports: imports.map((i) => i.id), lapsedOverrides: lapsed },
    },
    now,
  );
  return {
    asOf,
    total: counts.total,
    eligible: counts.eligible,
    ineligible: counts.ineligible,
    reasons: counts.reasons,
    runId,
    effective: counts.effective,
    overridden: counts.overridden,
    seconds,
  };
}

/**
 * Approved overrides stand while the facts behind them are what they were when proposed; an override
 * whose facts changed (or whose registration is gone) lapses for good, recorded with this run.
 */
function applyOverrides(sqlite: BetterSqlite3.Database, s: Screening, register: Register, runId: number, now: Date) {
  const active = sqlite
    .prepare(`SELECT id, applicant_id, status, fingerprint FROM overrides WHERE decision = 'approved' AND lapsed_at IS NULL AND superseded_by IS NULL`)
    .all() as ActiveOverride[];
  const applied = new Map<number, { status: 'eligible' | 'ineligible'; overrideId: number }>();
  const lapsed: number[] = [];
  if (active.length === 0) return { applied, lapsed };
  const byApplicant = new Map(active.map((o) => [o.applicant_id, o]));
  const found = new Set<number>();
  for (let i = 0; i < register.ids.length; i++) {
    const o = byApplicant.get(register.ids[i]!);
    if (!o) continue;
    found.add(o.id);
    const mask = s.masks[i]!;
    const details = mask === 0 ? null : (JSON.parse(JSON.stringify(outcomeAt(s, i).details)) as Record<string, unknown>);
    if (factsFingerprint(mask, register.versions[i]!, details) === o.fingerprint) applied.set(i, { status: o.status, overrideId: o.id });
    else lapsed.push(o.id);
  }
  for (const o of active) if (!found.has(o.id)) lapsed.push(o.id);
  const lapse = sqlite.prepare('UPDATE overrides SET lapsed_at = ?, lapsed_run_id = ? WHERE id = ?');
  for (const id of lapsed) lapse.run(now.toISOString(), runId, id);
  return { applied, lapsed };
}

/** A cancelled or failed run leaves its results untouched; the attempt itself is still recorded and audited. */
function recordUnfinishedRun(sqlite: BetterSqlite3.Database, ctx: ScreeningContext, asOf: string, now: Date, err: unknown) {
  const cancelled = err instanceof JobCancelled;
  const message = cancelled ? 'Dibatalkan oleh pengguna; hasil sebelumnya tetap berlaku.' : `Gagal: ${(err as Error)?.message ?? String(err)}`;
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    const runId = sqlite
      .prepare(`INSERT INTO screening_runs (as_of, user_id, username, started_at, finished_at, status, message) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(asOf, ctx.owner.userId, ctx.owner.username, now.toISOString(), new Date().toISOString(), cancelled ? 'cancelled' : 'failed', message).lastInsertRowid;
    appendAuditSync(
      sqlite,
      { userId: ctx.owner.userId, username: ctx.owner.username, action: cancelled ? 'screening.cancel' : 'screening.fail', entity: 'screening_run', entityId: Number(runId), after: { asOf, message } },
      now,
    );
    sqlite.exec('COMMIT');
  } catch {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}
