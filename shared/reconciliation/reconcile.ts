import { jakartaDate } from './dates';
import { formatRupiah } from './money';
import { LINE_STATUSES, type LineStatus } from './statuses';

/** One invoice line (DESIGN 4 invoices file): a claim for one enrollment. */
export interface InvoiceLine {
  invoiceNo: string;
  lineNo: number;
  enrollmentId: string;
  nik: string;
  trainingId: string;
  /** Claimed, integer Rupiah. */
  amount: number;
}

/** What is known of an enrollment, joined with its participant and its training's institution. */
export interface EnrollmentFacts {
  enrollmentId: string;
  /** The enrollment's participant's NIK. */
  nik: string;
  trainingId: string;
  /** The institution the training belongs to; null when the training is not in the catalog. */
  institutionId: string | null;
  /** Integer Rupiah. */
  pricePaid: number;
  /** ISO date or timestamp. */
  purchasedAt: string;
  completedAt: string | null;
  certificateNo: string | null;
  cancelledAt: string | null;
  /** The date the participant's revocation takes effect (DESIGN 3.3: the day after the deadline), if revoked. */
  participantRevokedAt: string | null;
}

/** A line of another invoice on which the enrollment is MATCHED. */
export interface BilledLine {
  invoiceNo: string;
  lineNo: number;
}

/** A Map satisfies this; the core may pass anything that answers by id. */
export interface Lookup<T> {
  get(id: string): T | undefined;
}

export interface ReconcileInput {
  invoice: { invoiceNo: string; institutionId: string };
  lines: readonly InvoiceLine[];
  enrollments: Lookup<EnrollmentFacts>;
  /**
   * Enrollments MATCHED on a line of another invoice that has not been rejected. Built from the
   * other invoices' current statuses, so the invoice reconciled first keeps the enrollment, and
   * reconciling that invoice again does not lose it to a later one (whose line is ALREADY_BILLED).
   */
  billedElsewhere: Lookup<BilledLine>;
}

/** The facts the status was decided on, for the evidence drawer and the institution's workbook. */
export interface LineEvidence {
  enrollment: EnrollmentFacts | null;
  /** DUPLICATE_LINE: the earlier line of this invoice with the same enrollment. */
  earlierLineNo?: number;
  /** ALREADY_BILLED: where the enrollment is already MATCHED. */
  billedOn?: BilledLine;
  /** The line's value and the recorded one, where a comparison failed. */
  claimed?: string | number;
  recorded?: string | number | null;
}

export interface ReconciledLine {
  invoiceNo: string;
  lineNo: number;
  enrollmentId: string;
  amount: number;
  status: LineStatus;
  /** Plain Indonesian, for finance staff and the institution. */
  reason: string;
  /** The amount if MATCHED, else 0. */
  approvedAmount: number;
  evidence: LineEvidence;
}

/** The `invoice reconcile` JSON keys of DESIGN 7, plus the claimed total. */
export interface ReconciliationSummary {
  invoice: string;
  lines: number;
  /** Every status, in table order, with its count (0 included). */
  statuses: Record<LineStatus, number>;
  claimedAmount: number;
  approvedAmount: number;
  disputedAmount: number;
}

export interface Reconciliation {
  summary: ReconciliationSummary;
  /** By line_no. */
  lines: ReconciledLine[];
}

type Verdict = { status: LineStatus; reason: string; evidence: LineEvidence };

const blank = (v: string | null) => v === null || v.trim() === '';

function judge(line: InvoiceLine, input: ReconcileInput, earlierLineNo: number | undefined): Verdict {
  const id = line.enrollmentId;
  if (earlierLineNo !== undefined) {
    return {
      status: 'DUPLICATE_LINE',
      reason: `Enrollment ${id} sudah ditagih pada baris ${earlierLineNo} tagihan ini.`,
      evidence: { enrollment: input.enrollments.get(id) ?? null, earlierLineNo },
    };
  }
  const e = input.enrollments.get(id);
  if (!e) {
    return { status: 'UNKNOWN_ENROLLMENT', reason: `Enrollment ${id} tidak ada dalam data pembelian dari platform.`, evidence: { enrollment: null } };
  }
  const billedOn = input.billedElsewhere.get(id);
  if (billedOn) {
    return {
      status: 'ALREADY_BILLED',
      reason: `Enrollment ${id} sudah ditagihkan dan dinyatakan cocok pada tagihan ${billedOn.invoiceNo} baris ${billedOn.lineNo}.`,
      evidence: { enrollment: e, billedOn },
    };
  }
  if (e.institutionId === null) {
    return {
      status: 'INSTITUTION_MISMATCH',
      reason: `Pelatihan ${e.trainingId} tidak ada dalam katalog, sehingga tidak terbukti milik lembaga yang menagih (${input.invoice.institutionId}).`,
      evidence: { enrollment: e, claimed: input.invoice.institutionId, recorded: null },
    };
  }
  if (e.institutionId !== input.invoice.institutionId) {
    return {
      status: 'INSTITUTION_MISMATCH',
      reason: `Pelatihan ${e.trainingId} milik lembaga ${e.institutionId}, bukan lembaga yang menagih (${input.invoice.institutionId}).`,
      evidence: { enrollment: e, claimed: input.invoice.institutionId, recorded: e.institutionId },
    };
  }
  if (line.nik !== e.nik) {
    return {
      status: 'PARTICIPANT_MISMATCH',
      reason: 'NIK pada baris tagihan bukan NIK peserta yang membeli pelatihan ini.',
      evidence: { enrollment: e, claimed: line.nik, recorded: e.nik },
    };
  }
  if (line.trainingId !== e.trainingId) {
    return {
      status: 'TRAINING_MISMATCH',
      reason: `Pelatihan pada tagihan (${line.trainingId}) bukan pelatihan yang dibeli peserta (${e.trainingId}).`,
      evidence: { enrollment: e, claimed: line.trainingId, recorded: e.trainingId },
    };
  }
  if (!blank(e.cancelledAt)) {
    return {
      status: 'CANCELLED',
      reason: `Platform melaporkan pembelian ini dibatalkan pada ${jakartaDate(e.cancelledAt!)}.`,
      evidence: { enrollment: e, recorded: e.cancelledAt },
    };
  }
  if (!blank(e.participantRevokedAt)) {
    // Revocation takes effect from the start of its date, so a purchase on that day is already too late.
    const revoked = jakartaDate(e.participantRevokedAt!);
    const purchased = jakartaDate(e.purchasedAt);
    if (revoked <= purchased) {
      return {
        status: 'PARTICIPANT_REVOKED',
        reason: `Kepesertaan sudah dicabut sejak ${revoked}, sebelum pelatihan dibeli pada ${purchased}.`,
        evidence: { enrollment: e, claimed: purchased, recorded: revoked },
      };
    }
  }
  if (blank(e.completedAt)) {
    return { status: 'NOT_COMPLETED', reason: 'Platform belum melaporkan pelatihan ini selesai.', evidence: { enrollment: e, recorded: null } };
  }
  if (blank(e.certificateNo)) {
    return {
      status: 'NOT_COMPLETED',
      reason: `Pelatihan dilaporkan selesai pada ${jakartaDate(e.completedAt!)}, tetapi tanpa nomor sertifikat.`,
      evidence: { enrollment: e, recorded: null },
    };
  }
  if (line.amount !== e.pricePaid) {
    return {
      status: 'AMOUNT_MISMATCH',
      reason: `Jumlah yang ditagih ${formatRupiah(line.amount)} tidak sama dengan harga yang dibayar peserta ${formatRupiah(e.pricePaid)}.`,
      evidence: { enrollment: e, claimed: line.amount, recorded: e.pricePaid },
    };
  }
  return {
    status: 'MATCHED',
    reason: `Cocok: dibeli ${jakartaDate(e.purchasedAt)}, selesai ${jakartaDate(e.completedAt!)} dengan sertifikat ${e.certificateNo}, jumlah sesuai harga.`,
    evidence: { enrollment: e },
  };
}

function assertRupiah(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of Rupiah, got ${value}`);
}

/**
 * Gives every line of one invoice exactly one status (DESIGN 3.4), its reason and evidence, and
 * totals the approved (MATCHED) and disputed amounts in integer Rupiah.
 */
export function reconcileInvoice(input: ReconcileInput): Reconciliation {
  const { invoiceNo } = input.invoice;
  const sorted = [...input.lines].sort((a, b) => a.lineNo - b.lineNo);
  const statuses = Object.fromEntries(LINE_STATUSES.map((s) => [s, 0])) as Record<LineStatus, number>;
  const firstLineOf = new Map<string, number>();
  const lines: ReconciledLine[] = new Array(sorted.length);
  let claimed = 0;
  let approved = 0;
  for (let i = 0; i < sorted.length; i++) {
    const line = sorted[i]!;
    if (line.invoiceNo !== invoiceNo) throw new RangeError(`line ${line.lineNo} belongs to invoice ${line.invoiceNo}, not ${invoiceNo}`);
    if (i > 0 && sorted[i - 1]!.lineNo === line.lineNo) throw new RangeError(`invoice ${invoiceNo} has line ${line.lineNo} twice`);
    assertRupiah(line.amount, `amount of line ${line.lineNo}`);
    const e = input.enrollments.get(line.enrollmentId);
    if (e) assertRupiah(e.pricePaid, `price_paid of enrollment ${e.enrollmentId}`);

    const verdict = judge(line, input, firstLineOf.get(line.enrollmentId));
    if (!firstLineOf.has(line.enrollmentId)) firstLineOf.set(line.enrollmentId, line.lineNo);
    const approvedAmount = verdict.status === 'MATCHED' ? line.amount : 0;
    statuses[verdict.status]++;
    claimed += line.amount;
    approved += approvedAmount;
    lines[i] = {
      invoiceNo,
      lineNo: line.lineNo,
      enrollmentId: line.enrollmentId,
      amount: line.amount,
      status: verdict.status,
      reason: verdict.reason,
      approvedAmount,
      evidence: verdict.evidence,
    };
  }
  return {
    summary: { invoice: invoiceNo, lines: lines.length, statuses, claimedAmount: claimed, approvedAmount: approved, disputedAmount: claimed - approved },
    lines,
  };
}
