import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import type { ChartMonth, InvoiceDetail, InvoiceLineDetail, InvoiceLineRow, InvoiceRow, InvoiceStatus, ReconciliationRun } from '../../../shared/api/invoices';
import { maskNik } from '../../../shared/nik';
import type { LineStatus } from '../../../shared/reconciliation';
import { factsText, parseFacts } from './facts';

export interface InvoiceRecord {
  id: number;
  invoice_no: string;
  institution_id: string;
  institution_name: string | null;
  invoice_date: string;
  status: InvoiceStatus;
  lines: number;
  claimed_amount: number;
  approved_amount: number | null;
  disputed_amount: number | null;
  statuses_json: string | null;
  imported_at: string;
  rejected_rows: number;
  reconcile_run_id: number | null;
  reconciled_by: number | null;
  reconciled_by_name: string | null;
  reconciled_at: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  import_run_id: number | null;
  version: number;
  age_days: number;
}

const SELECT_INVOICE = `SELECT v.*, i.name AS institution_name, CAST(julianday(@today) - julianday(v.invoice_date) AS INTEGER) AS age_days
  FROM invoices v LEFT JOIN institutions i ON i.institution_id = v.institution_id`;

export function findInvoice(sqlite: BetterSqlite3.Database, invoiceNo: string, today: string): InvoiceRecord {
  const row = sqlite.prepare(`${SELECT_INVOICE} WHERE v.invoice_no = @no`).get({ today, no: invoiceNo }) as InvoiceRecord | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `Tagihan ${invoiceNo} tidak ditemukan.`);
  return row;
}

export function toInvoiceRow(r: InvoiceRecord): InvoiceRow {
  return {
    invoiceNo: r.invoice_no,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    invoiceDate: r.invoice_date,
    status: r.status,
    lines: r.lines,
    claimedAmount: r.claimed_amount,
    approvedAmount: r.approved_amount,
    disputedAmount: r.disputed_amount,
    ageDays: r.age_days,
    importedAt: r.imported_at,
    rejectedRows: r.rejected_rows,
    reconciledAt: r.reconciled_at,
    reconciledBy: r.reconciled_by_name,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_name,
  };
}

const SORT = {
  invoiceNo: 'v.invoice_no',
  institutionId: 'v.institution_id',
  invoiceDate: 'v.invoice_date',
  status: 'v.status',
  lines: 'v.lines',
  claimedAmount: 'v.claimed_amount',
  approvedAmount: 'coalesce(v.approved_amount, -1)',
  disputedAmount: 'coalesce(v.disputed_amount, -1)',
  // Older invoices first when ascending: the age grows as the date goes back.
  ageDays: 'age_days',
} as const;

export interface InvoiceListQuery {
  page: number;
  pageSize: number;
  sortField?: keyof typeof SORT | undefined;
  sortDir: 'asc' | 'desc';
  q?: string | undefined;
  status?: InvoiceStatus | undefined;
  institutionId?: string | undefined;
}

export function listInvoices(sqlite: BetterSqlite3.Database, q: InvoiceListQuery, today: string): { rows: InvoiceRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  if (q.status) {
    where.push('v.status = @status');
    params.status = q.status;
  }
  if (q.institutionId) {
    where.push('v.institution_id = @institution');
    params.institution = q.institutionId;
  }
  if (q.q) {
    where.push(`(v.invoice_no LIKE @like ESCAPE '\\' OR v.institution_id = @text OR i.name LIKE @likeAny ESCAPE '\\')`);
    const escaped = q.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    Object.assign(params, { like: `${escaped}%`, likeAny: `%${escaped}%`, text: q.q });
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = sqlite.prepare(`SELECT count(*) FROM invoices v LEFT JOIN institutions i ON i.institution_id = v.institution_id ${filter}`).pluck().get(params) as number;
  // Without a chosen order: the newest invoices first.
  const order = q.sortField ? `${SORT[q.sortField]} ${q.sortDir}, v.id ${q.sortDir}` : 'v.invoice_date DESC, v.id DESC';
  const rows = sqlite
    .prepare(`${SELECT_INVOICE} ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as InvoiceRecord[];
  return { rows: rows.map(toInvoiceRow), total };
}

export function invoiceDetail(sqlite: BetterSqlite3.Database, invoiceNo: string, today: string): InvoiceDetail {
  const r = findInvoice(sqlite, invoiceNo, today);
  const institution = sqlite.prepare('SELECT name, npwp, platform, bank_account FROM institutions WHERE institution_id = ?').get(r.institution_id) as
    | { name: string; npwp: string; platform: string; bank_account: string }
    | undefined;
  const runs = sqlite
    .prepare('SELECT id, at, username, lines, statuses_json, claimed_amount, approved_amount, disputed_amount FROM reconciliation_runs WHERE invoice_id = ? ORDER BY id DESC')
    .all(r.id) as { id: number; at: string; username: string | null; lines: number; statuses_json: string; claimed_amount: number; approved_amount: number; disputed_amount: number }[];
  const notes = sqlite.prepare('SELECT count(*) FROM invoice_lines WHERE invoice_id = ? AND dispute_note IS NOT NULL').pluck().get(r.id) as number;
  return {
    ...toInvoiceRow(r),
    institution: institution ? { name: institution.name, npwp: institution.npwp, platform: institution.platform, bankAccount: institution.bank_account } : null,
    statuses: r.statuses_json ? (JSON.parse(r.statuses_json) as Record<LineStatus, number>) : null,
    notes,
    decisionNote: r.decision_note,
    importRunId: r.import_run_id,
    latestRunId: r.reconcile_run_id,
    runs: runs.map(
      (x): ReconciliationRun => ({
        id: x.id,
        at: x.at,
        username: x.username,
        lines: x.lines,
        statuses: JSON.parse(x.statuses_json) as Record<LineStatus, number>,
        claimedAmount: x.claimed_amount,
        approvedAmount: x.approved_amount,
        disputedAmount: x.disputed_amount,
      }),
    ),
    version: r.version,
  };
}

interface LineRecord {
  id: number;
  line_no: number;
  enrollment_id: string;
  nik: string;
  training_id: string;
  amount: number;
  status: LineStatus | null;
  reason: string | null;
  approved_amount: number | null;
  facts_json: string | null;
  evidence_json: string | null;
  dispute_note: string | null;
  dispute_note_by: string | null;
  dispute_note_at: string | null;
}

export function toLineRow(r: LineRecord, mask: boolean): InvoiceLineRow {
  return {
    lineNo: r.line_no,
    enrollmentId: r.enrollment_id,
    nik: mask ? maskNik(r.nik) : r.nik,
    trainingId: r.training_id,
    amount: r.amount,
    status: r.status,
    reason: r.reason,
    approvedAmount: r.approved_amount,
    disputeNote: r.dispute_note,
    disputeNoteBy: r.dispute_note_by,
    disputeNoteAt: r.dispute_note_at,
  };
}

const LINE_SORT = { lineNo: 'l.line_no', enrollmentId: 'l.enrollment_id', amount: 'l.amount', status: 'r.status', approvedAmount: 'r.approved_amount' } as const;
const LINE_RESULT_JOIN = 'LEFT JOIN invoice_line_results r ON r.invoice_id = l.invoice_id AND r.line_no = l.line_no';
const SELECT_LINE = `SELECT l.*, r.status, r.reason, r.approved_amount, r.facts_json, r.evidence_json FROM invoice_lines l ${LINE_RESULT_JOIN}`;

export interface LineListQuery {
  invoiceNo: string;
  page: number;
  pageSize: number;
  sortField?: keyof typeof LINE_SORT | undefined;
  sortDir: 'asc' | 'desc';
  status?: LineStatus | undefined;
  disputed?: boolean | undefined;
  q?: string | undefined;
}

export function listLines(sqlite: BetterSqlite3.Database, q: LineListQuery, mask: boolean): { rows: InvoiceLineRow[]; total: number } {
  const invoice = sqlite.prepare('SELECT id FROM invoices WHERE invoice_no = ?').pluck().get(q.invoiceNo) as number | undefined;
  if (invoice === undefined) throw new ApiError('NOT_FOUND', `Tagihan ${q.invoiceNo} tidak ditemukan.`);
  const where = ['l.invoice_id = @invoice'];
  const params: Record<string, unknown> = { invoice };
  if (q.status) {
    where.push('r.status = @status');
    params.status = q.status;
  }
  if (q.disputed) where.push(`r.status <> 'MATCHED'`);
  if (q.q) {
    // A line number, an enrollment id or a NIK (masked roles cannot search by a NIK they do not see).
    where.push(mask ? '(l.enrollment_id = @text OR l.line_no = @num)' : '(l.enrollment_id = @text OR l.nik = @text OR l.line_no = @num)');
    params.text = q.q;
    params.num = /^\d+$/.test(q.q) ? Number(q.q) : -1;
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  // Without a filter on the result, the lines alone give the count.
  const join = q.status || q.disputed ? LINE_RESULT_JOIN : '';
  const total = sqlite.prepare(`SELECT count(*) FROM invoice_lines l ${join} ${filter}`).pluck().get(params) as number;
  const order = q.sortField ? `${LINE_SORT[q.sortField]} ${q.sortDir}, l.line_no ${q.sortDir}` : 'l.line_no ASC';
  const rows = sqlite
    .prepare(`${SELECT_LINE} ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as LineRecord[];
  return { rows: rows.map((r) => toLineRow(r, mask)), total };
}

export function findLine(sqlite: BetterSqlite3.Database, invoiceNo: string, lineNo: number): { invoice: { id: number; status: InvoiceStatus; invoice_no: string }; line: LineRecord } {
  const invoice = sqlite.prepare('SELECT id, status, invoice_no FROM invoices WHERE invoice_no = ?').get(invoiceNo) as { id: number; status: InvoiceStatus; invoice_no: string } | undefined;
  if (!invoice) throw new ApiError('NOT_FOUND', `Tagihan ${invoiceNo} tidak ditemukan.`);
  const line = sqlite.prepare(`${SELECT_LINE} WHERE l.invoice_id = ? AND l.line_no = ?`).get(invoice.id, lineNo) as LineRecord | undefined;
  if (!line) throw new ApiError('NOT_FOUND', `Tagihan ${invoiceNo} tidak punya baris ${lineNo}.`);
  return { invoice, line };
}

interface CurrentRecord {
  enrollment_id: string;
  nik: string;
  p_nik: string | null;
  training_id: string;
  platform: string;
  price_paid: number;
  purchased_at: string;
  completed_at: string | null;
  certificate_no: string | null;
  cancelled_at: string | null;
  version: number;
  updated_at: string;
  registration_id: string | null;
  full_name: string | null;
  wave_number: number | null;
  published_on: string | null;
  revoked_at: string | null;
  title: string | null;
  t_institution: string | null;
  institution_name: string | null;
  price: number | null;
}

/** A line with its evidence: the facts it was decided on, and what is known now of its enrollment, participant and training. */
export function lineDetail(sqlite: BetterSqlite3.Database, invoiceNo: string, lineNo: number, mask: boolean): InvoiceLineDetail {
  const { line } = findLine(sqlite, invoiceNo, lineNo);
  const cur = sqlite
    .prepare(
      `SELECT e.enrollment_id, e.nik, p.nik AS p_nik, e.training_id, e.platform, e.price_paid, e.purchased_at, e.completed_at, e.certificate_no, e.cancelled_at,
              e.version, e.updated_at, p.registration_id, a.full_name, p.wave_number, p.published_on, p.revoked_at,
              t.title, t.institution_id AS t_institution, i.name AS institution_name, t.price
       FROM enrollments e
       LEFT JOIN participants p ON p.id = e.participant_id
       LEFT JOIN applicants a ON a.registration_id = p.registration_id
       LEFT JOIN trainings t ON t.training_id = e.training_id
       LEFT JOIN institutions i ON i.institution_id = t.institution_id
       WHERE e.enrollment_id = ?`,
    )
    .get(line.enrollment_id) as CurrentRecord | undefined;
  const m = (nik: string) => (mask ? maskNik(nik) : nik);
  const currentFacts = cur
    ? {
        enrollmentId: cur.enrollment_id,
        nik: cur.p_nik ?? cur.nik,
        trainingId: cur.training_id,
        institutionId: cur.t_institution,
        pricePaid: cur.price_paid,
        purchasedAt: cur.purchased_at,
        completedAt: cur.completed_at,
        certificateNo: cur.certificate_no,
        cancelledAt: cur.cancelled_at,
        participantRevokedAt: cur.revoked_at,
      }
    : undefined;
  const decided = parseFacts(line.facts_json);
  const rest = line.evidence_json
    ? (JSON.parse(line.evidence_json) as { earlierLineNo?: number; billedOn?: { invoiceNo: string; lineNo: number }; claimed?: string | number; recorded?: string | number | null })
    : {};
  // Under PARTICIPANT_MISMATCH the compared values are NIKs.
  const maskValue = (v: string | number | null | undefined) => (v === undefined || v === null ? null : line.status === 'PARTICIPANT_MISMATCH' && typeof v === 'string' ? m(v) : v);
  return {
    ...toLineRow(line, mask),
    evidence:
      line.status === null
        ? null
        : {
            enrollment: decided ? { ...decided, nik: m(decided.nik) } : null,
            earlierLineNo: rest.earlierLineNo ?? null,
            billedOn: rest.billedOn ?? null,
            claimed: maskValue(rest.claimed),
            recorded: maskValue(rest.recorded),
          },
    current: {
      enrollment: cur && currentFacts ? { ...currentFacts, nik: m(currentFacts.nik), platform: cur.platform, version: cur.version, updatedAt: cur.updated_at } : null,
      participant:
        cur && cur.registration_id !== null
          ? { registrationId: cur.registration_id, fullName: cur.full_name, waveNumber: cur.wave_number!, publishedOn: cur.published_on, revokedAt: cur.revoked_at }
          : null,
      training:
        cur && cur.title !== null
          ? { trainingId: cur.training_id, title: cur.title, institutionId: cur.t_institution!, institutionName: cur.institution_name, price: cur.price! }
          : null,
      changed: line.status !== null && factsText(currentFacts) !== line.facts_json,
    },
  };
}

/** Per month of invoice date: claimed by every invoice not rejected, and approved and disputed by the latest reconciliation. */
export function invoiceChart(sqlite: BetterSqlite3.Database, institutionId: string | undefined): ChartMonth[] {
  return sqlite
    .prepare(
      `SELECT substr(invoice_date, 1, 7) AS month, count(*) AS invoices, sum(claimed_amount) AS claimed,
              sum(CASE WHEN status IN ('reconciled', 'approved') THEN approved_amount ELSE 0 END) AS approved,
              sum(CASE WHEN status IN ('reconciled', 'approved') THEN disputed_amount ELSE 0 END) AS disputed
       FROM invoices WHERE status <> 'rejected' ${institutionId ? 'AND institution_id = @institution' : ''}
       GROUP BY month ORDER BY month`,
    )
    .all(institutionId ? { institution: institutionId } : {}) as ChartMonth[];
}

export function invoiceInstitutions(sqlite: BetterSqlite3.Database) {
  return sqlite
    .prepare(
      `SELECT v.institution_id AS institutionId, i.name AS name, count(*) AS invoices
       FROM invoices v LEFT JOIN institutions i ON i.institution_id = v.institution_id
       GROUP BY v.institution_id ORDER BY coalesce(i.name, v.institution_id)`,
    )
    .all() as { institutionId: string; name: string | null; invoices: number }[];
}
