import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { reconcileInvoice, type LineStatus, type ReconciledLine } from '../../../shared/reconciliation';
import { appendAuditSync } from '../audit/chain';
import { openSqlite } from '../db/connection';
import { factsText, readInvoiceInputs } from './facts';

export interface ReconcileParams {
  invoiceNo: string;
}

export interface ReconcileContext {
  dbPath: string;
  owner: { userId: number | null; username: string | null };
  progress(done: number, total: number | null, message?: string): void;
  checkCancelled(): void;
  now?: () => Date;
}

/** DESIGN 7's `invoice reconcile` keys first, then the claimed total, the run and where the time went. */
export interface ReconcileOutcome {
  invoice: string;
  lines: number;
  statuses: Record<LineStatus, number>;
  approvedAmount: number;
  disputedAmount: number;
  claimedAmount: number;
  runId: number;
  seconds: number;
  /** Milliseconds: reading the lines and facts, the status logic, writing the line results, the rest (run, invoice, audit, commit). */
  timings: { readMs: number; logicMs: number; writeMs: number; finishMs: number };
}

const LOCKED_WORD = { approved: 'sudah disetujui', rejected: 'sudah ditolak' } as const;

/** The part of a line's evidence that is not the enrollment's facts (those are stored as facts_json). */
function evidenceText(line: ReconciledLine): string | null {
  const { earlierLineNo, billedOn, claimed, recorded } = line.evidence;
  if (earlierLineNo === undefined && billedOn === undefined && claimed === undefined && recorded === undefined) return null;
  return JSON.stringify({ earlierLineNo, billedOn, claimed, recorded });
}

/**
 * Writes the invoice's line results. A first reconciliation inserts them with multi-row INSERTs in line
 * order. Reconciling again reads what each line was decided on and rewrites only the lines whose status,
 * facts or evidence changed (the reason follows from those and the line, which a re-import would have
 * cleared): after a late completion, a handful of rows instead of 100,000. The results always match the
 * current lines.
 */
function writeResults(sqlite: BetterSqlite3.Database, invoiceId: number, lines: ReconciledLine[], progress: (done: number, total: number) => void): void {
  const old = sqlite
    .prepare('SELECT line_no, status, facts_json, evidence_json FROM invoice_line_results WHERE invoice_id = ? ORDER BY line_no')
    .raw()
    .all(invoiceId) as [number, string, string | null, string | null][];
  const row = (l: ReconciledLine) => [l.lineNo, l.enrollmentId, l.status, l.reason, l.approvedAmount, factsText(l.evidence.enrollment ?? undefined), evidenceText(l)] as const;
  if (old.length === 0) {
    insertResults(sqlite, invoiceId, lines, progress);
    return;
  }
  const before = new Map(old.map((o) => [o[0], o]));
  const changed: (readonly unknown[])[] = [];
  for (const l of lines) {
    const r = row(l);
    const o = before.get(l.lineNo);
    before.delete(l.lineNo);
    if (!o || o[1] !== r[2] || o[2] !== r[5] || o[3] !== r[6]) changed.push(r);
  }
  // Results of lines that no longer exist (cannot happen while re-imports clear them; kept exact anyway).
  const gone = sqlite.prepare('DELETE FROM invoice_line_results WHERE invoice_id = ? AND line_no = ?');
  for (const lineNo of before.keys()) gone.run(invoiceId, lineNo);
  const upsert = sqlite.prepare(
    `INSERT INTO invoice_line_results (invoice_id, line_no, enrollment_id, status, reason, approved_amount, facts_json, evidence_json) VALUES (${Number(invoiceId)},?,?,?,?,?,?,?)
     ON CONFLICT (invoice_id, line_no) DO UPDATE SET enrollment_id = excluded.enrollment_id, status = excluded.status, reason = excluded.reason,
       approved_amount = excluded.approved_amount, facts_json = excluded.facts_json, evidence_json = excluded.evidence_json`,
  );
  for (const r of changed) upsert.run(...r);
  progress(lines.length, lines.length);
}

const RESULT_BATCH = 200;

function insertResults(sqlite: BetterSqlite3.Database, invoiceId: number, lines: ReconciledLine[], progress: (done: number, total: number) => void): void {
  const statements = new Map<number, BetterSqlite3.Statement>();
  const insert = (n: number) => {
    let s = statements.get(n);
    if (!s) {
      s = sqlite.prepare(
        `INSERT INTO invoice_line_results (invoice_id, line_no, enrollment_id, status, reason, approved_amount, facts_json, evidence_json)
         VALUES ${Array.from({ length: n }, () => `(${Number(invoiceId)},?,?,?,?,?,?,?)`).join(',')}`,
      );
      statements.set(n, s);
    }
    return s;
  };
  for (let i = 0; i < lines.length; i += RESULT_BATCH) {
    const n = Math.min(RESULT_BATCH, lines.length - i);
    const params: unknown[] = new Array(n * 7);
    for (let j = 0, k = 0; j < n; j++) {
      const l = lines[i + j]!;
      params[k++] = l.lineNo;
      params[k++] = l.enrollmentId;
      params[k++] = l.status;
      params[k++] = l.reason;
      params[k++] = l.approvedAmount;
      params[k++] = factsText(l.evidence.enrollment ?? undefined);
      params[k++] = evidenceText(l);
    }
    insert(n).run(params);
    if ((i + RESULT_BATCH) % 10_000 === 0) progress(i + RESULT_BATCH, lines.length);
  }
}

/**
 * Reconciles one invoice (DESIGN 3.4) in one write transaction on the job's own connection: reads its
 * lines and the facts, gives every line its status with the shared logic, stores each line's result
 * (status, reason, approved amount, facts, evidence), the run, the invoice's totals and one audit record.
 * The user who runs it becomes the invoice's maker: they cannot approve or reject this result.
 */
export function reconcileInvoiceJob(ctx: ReconcileContext, params: ReconcileParams): ReconcileOutcome {
  const started = performance.now();
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('busy_timeout = 120000');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const outcome = reconcileInTransaction(sqlite, ctx, params.invoiceNo, now, started);
      ctx.checkCancelled();
      sqlite.exec('COMMIT');
      return outcome;
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw err;
    }
  } finally {
    sqlite.close();
  }
}

function reconcileInTransaction(sqlite: BetterSqlite3.Database, ctx: ReconcileContext, invoiceNo: string, now: Date, started: number): ReconcileOutcome {
  const invoice = sqlite.prepare('SELECT id, invoice_no, institution_id, status, lines FROM invoices WHERE invoice_no = ?').get(invoiceNo) as
    | { id: number; invoice_no: string; institution_id: string; status: 'imported' | 'reconciled' | 'approved' | 'rejected'; lines: number }
    | undefined;
  if (!invoice) throw new ApiError('NOT_FOUND', `Tagihan ${invoiceNo} tidak ditemukan.`);
  if (invoice.status === 'approved' || invoice.status === 'rejected') {
    throw new ApiError('CONFLICT', `Tagihan ${invoiceNo} ${LOCKED_WORD[invoice.status]} dan terkunci; rekonsiliasi tidak dapat diulang.`);
  }
  ctx.progress(0, invoice.lines, 'Membaca baris tagihan dan data pembelian…');
  const inputs = readInvoiceInputs(sqlite, invoice.id, invoice.invoice_no);
  const afterRead = performance.now();
  ctx.checkCancelled();

  const result = reconcileInvoice({
    invoice: { invoiceNo: invoice.invoice_no, institutionId: invoice.institution_id },
    lines: inputs.lines,
    enrollments: inputs.enrollments,
    billedElsewhere: inputs.billedElsewhere,
  });
  const afterLogic = performance.now();
  ctx.checkCancelled();

  writeResults(sqlite, invoice.id, result.lines, (done, total) => {
    ctx.progress(done, total, 'Menyimpan status baris…');
    ctx.checkCancelled();
  });
  const afterWrite = performance.now();

  const s = result.summary;
  const at = now.toISOString();
  const seconds = (performance.now() - started) / 1000;
  const runId = Number(
    sqlite
      .prepare(
        `INSERT INTO reconciliation_runs (invoice_id, user_id, username, at, lines, statuses_json, claimed_amount, approved_amount, disputed_amount, seconds)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(invoice.id, ctx.owner.userId, ctx.owner.username, at, s.lines, JSON.stringify(s.statuses), s.claimedAmount, s.approvedAmount, s.disputedAmount, seconds).lastInsertRowid,
  );
  sqlite
    .prepare(
      `UPDATE invoices SET status = 'reconciled', lines = ?, claimed_amount = ?, approved_amount = ?, disputed_amount = ?, statuses_json = ?, reconcile_run_id = ?,
         reconciled_by = ?, reconciled_by_name = ?, reconciled_at = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    )
    .run(s.lines, s.claimedAmount, s.approvedAmount, s.disputedAmount, JSON.stringify(s.statuses), runId, ctx.owner.userId, ctx.owner.username, at, at, invoice.id);
  appendAuditSync(
    sqlite,
    {
      userId: ctx.owner.userId,
      username: ctx.owner.username,
      action: 'invoice.reconcile',
      entity: 'invoice',
      entityId: invoice.invoice_no,
      before: { status: invoice.status },
      after: { status: 'reconciled', runId, lines: s.lines, statuses: s.statuses, claimedAmount: s.claimedAmount, approvedAmount: s.approvedAmount, disputedAmount: s.disputedAmount },
    },
    now,
  );
  ctx.progress(s.lines, s.lines, 'Selesai');
  const end = performance.now();
  return {
    invoice: s.invoice,
    lines: s.lines,
    statuses: s.statuses,
    approvedAmount: s.approvedAmount,
    disputedAmount: s.disputedAmount,
    claimedAmount: s.claimedAmount,
    runId,
    seconds: (end - started) / 1000,
    timings: {
      readMs: Math.round(afterRead - started),
      logicMs: Math.round(afterLogic - afterRead),
      writeMs: Math.round(afterWrite - afterLogic),
      finishMs: Math.round(end - afterWrite),
    },
  };
}
