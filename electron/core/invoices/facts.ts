import type BetterSqlite3 from 'better-sqlite3';
import type { BilledLine, EnrollmentFacts, InvoiceLine } from '../../../shared/reconciliation';

export interface InvoiceInputs {
  lines: InvoiceLine[];
  /** Facts of every enrollment the lines name that exists. */
  enrollments: Map<string, EnrollmentFacts>;
  /** Enrollments MATCHED on a line of another invoice that is not rejected (DESIGN 3.4 ALREADY_BILLED). */
  billedElsewhere: Map<string, BilledLine>;
}

type FactRow = [
  lineNo: number, enrollmentId: string, nik: string, trainingId: string, amount: number,
  /** The participant's NIK and the enrollment's training, NULL when equal to the line's (fewer strings to cross into JS). */
  pNik: string | null, eTraining: string | null,
  price: number | null, purchased: string | null,
  completed: string | null, certificate: string | null, cancelled: string | null, revoked: string | null,
];

/**
 * What reconciling one invoice reads: its lines joined with their enrollment and the enrollment's
 * participant (its NIK and revocation), the catalog's trainings (their institution), and the lines of
 * other invoices not rejected on which the same enrollments are MATCHED. The invoice's own earlier
 * result never counts, so re-reconciling it keeps what it already holds.
 */
export function readInvoiceInputs(sqlite: BetterSqlite3.Database, invoiceId: number, invoiceNo: string): InvoiceInputs {
  const rows = sqlite
    .prepare(
      `SELECT l.line_no, l.enrollment_id, l.nik, l.training_id, l.amount,
              nullif(p.nik, l.nik), nullif(e.training_id, l.training_id),
              e.price_paid, e.purchased_at, e.completed_at, e.certificate_no, e.cancelled_at, p.revoked_at
       FROM invoice_lines l
       LEFT JOIN enrollments e ON e.enrollment_id = l.enrollment_id
       LEFT JOIN participants p ON p.id = e.participant_id
       WHERE l.invoice_id = ? ORDER BY l.line_no`,
    )
    .raw()
    // Row by row: each raw row dies young instead of surviving (and being copied) with a 100,000-row array.
    .iterate(invoiceId) as IterableIterator<FactRow>;
  // The catalog's trainings (hundreds) by id, instead of an index probe per line.
  const institutionOf = new Map(sqlite.prepare('SELECT training_id, institution_id FROM trainings').raw().all() as [string, string][]);
  const lines: InvoiceInputs['lines'] = [];
  const enrollments = new Map<string, EnrollmentFacts>();
  for (const r of rows) {
    lines.push({ invoiceNo, lineNo: r[0], enrollmentId: r[1], nik: r[2], trainingId: r[3], amount: r[4] });
    // price_paid is NOT NULL: a null means no such enrollment. participant_id is NOT NULL too, so a null
    // NIK or training means "the same as the line's".
    if (r[7] !== null && !enrollments.has(r[1])) {
      const trainingId = r[6] ?? r[3];
      enrollments.set(r[1], {
        enrollmentId: r[1],
        nik: r[5] ?? r[2],
        trainingId,
        institutionId: institutionOf.get(trainingId) ?? null,
        pricePaid: r[7],
        purchasedAt: r[8]!,
        completedAt: r[9],
        certificateNo: r[10],
        cancelledAt: r[11],
        participantRevokedAt: r[12],
      });
    }
  }
  const billedElsewhere = new Map<string, BilledLine>();
  const billed = sqlite
    .prepare(
      `SELECT o.enrollment_id, oi.invoice_no, o.line_no
       FROM invoice_lines me
       JOIN invoice_line_results o ON o.enrollment_id = me.enrollment_id AND o.status = 'MATCHED' AND o.invoice_id <> me.invoice_id
       JOIN invoices oi ON oi.id = o.invoice_id AND oi.status IN ('reconciled', 'approved')
       WHERE me.invoice_id = ?
       ORDER BY oi.reconciled_at, oi.id, o.line_no`,
    )
    .raw()
    .all(invoiceId) as [string, string, number][];
  for (const [enrollmentId, no, lineNo] of billed) if (!billedElsewhere.has(enrollmentId)) billedElsewhere.set(enrollmentId, { invoiceNo: no, lineNo });
  return { lines, enrollments, billedElsewhere };
}

/** The stored form of the facts a line was decided on: compared as text to tell whether they changed since. */
export function factsText(e: EnrollmentFacts | undefined): string | null {
  if (!e) return null;
  return JSON.stringify([e.enrollmentId, e.nik, e.trainingId, e.institutionId, e.pricePaid, e.purchasedAt, e.completedAt, e.certificateNo, e.cancelledAt, e.participantRevokedAt]);
}

export function parseFacts(text: string | null): EnrollmentFacts | null {
  if (text === null) return null;
  const [enrollmentId, nik, trainingId, institutionId, pricePaid, purchasedAt, completedAt, certificateNo, cancelledAt, participantRevokedAt] = JSON.parse(text) as [
    string, string, string, string | null, number, string, string | null, string | null, string | null, string | null,
  ];
  return { enrollmentId, nik, trainingId, institutionId, pricePaid, purchasedAt, completedAt, certificateNo, cancelledAt, participantRevokedAt };
}
