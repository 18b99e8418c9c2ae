import { z } from 'zod';
import { LINE_STATUSES } from '../reconciliation/statuses';
import { method } from './define';
import { PageQuery, pageOf } from './common';
import { FINANCE } from './catalog';

/**
 * Who reads invoices: finance and admin (their work), managers (read everything, DESIGN 7). Reviewers
 * screen and select; invoices, amounts and bank accounts are not theirs to read, nor to export.
 */
export const INVOICE_READERS = ['admin', 'finance', 'manager'] as const;
const FileRef = z.string().min(8).max(64);
const JobStarted = z.object({ jobId: z.string() });
const InvoiceNo = z.string().trim().min(1).max(100);

export const LineStatus = z.enum(LINE_STATUSES);
export const InvoiceStatus = z.enum(['imported', 'reconciled', 'approved', 'rejected']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;
const StatusCounts = z.record(LineStatus, z.number().int());

export const InvoiceRow = z.object({
  invoiceNo: z.string(),
  institutionId: z.string(),
  /** Null when the institution is not in the catalog. */
  institutionName: z.string().nullable(),
  invoiceDate: z.string(),
  status: InvoiceStatus,
  lines: z.number().int(),
  claimedAmount: z.number().int(),
  /** Of the latest reconciliation; null until reconciled. */
  approvedAmount: z.number().int().nullable(),
  disputedAmount: z.number().int().nullable(),
  /** Whole days from the invoice date to today (Asia/Jakarta). */
  ageDays: z.number().int(),
  importedAt: z.string(),
  /** Rows of the invoice's file refused at import: the invoice may lack those lines. */
  rejectedRows: z.number().int(),
  reconciledAt: z.string().nullable(),
  reconciledBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});
export type InvoiceRow = z.infer<typeof InvoiceRow>;

export const ReconciliationRun = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  lines: z.number().int(),
  statuses: StatusCounts,
  claimedAmount: z.number().int(),
  approvedAmount: z.number().int(),
  disputedAmount: z.number().int(),
});
export type ReconciliationRun = z.infer<typeof ReconciliationRun>;

export const InvoiceDetail = InvoiceRow.extend({
  institution: z.object({ name: z.string(), npwp: z.string(), platform: z.string(), bankAccount: z.string() }).nullable(),
  /** Every status with its count, from the latest reconciliation; null until reconciled. */
  statuses: StatusCounts.nullable(),
  /** Lines with a dispute note. */
  notes: z.number().int(),
  decisionNote: z.string().nullable(),
  /** The import that brought the invoice's current lines (its rejects: imports.rejects / rejectsCsv). */
  importRunId: z.number().int().nullable(),
  /** The reconciliation a decision would approve or reject (send it back with approve/reject). */
  latestRunId: z.number().int().nullable(),
  runs: z.array(ReconciliationRun),
  version: z.number().int(),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

export const InvoiceLineRow = z.object({
  lineNo: z.number().int(),
  enrollmentId: z.string(),
  /** Masked for roles that do not need it (DESIGN 3.6). */
  nik: z.string(),
  trainingId: z.string(),
  amount: z.number().int(),
  status: LineStatus.nullable(),
  /** Plain Indonesian, from the reconciliation. */
  reason: z.string().nullable(),
  approvedAmount: z.number().int().nullable(),
  disputeNote: z.string().nullable(),
  disputeNoteBy: z.string().nullable(),
  disputeNoteAt: z.string().nullable(),
});
export type InvoiceLineRow = z.infer<typeof InvoiceLineRow>;

const Facts = z.object({
  enrollmentId: z.string(),
  nik: z.string(),
  trainingId: z.string(),
  institutionId: z.string().nullable(),
  pricePaid: z.number().int(),
  purchasedAt: z.string(),
  completedAt: z.string().nullable(),
  certificateNo: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  participantRevokedAt: z.string().nullable(),
});
export type EvidenceFacts = z.infer<typeof Facts>;

export const LineEvidence = z.object({
  /** The facts the status was decided on (null: no such enrollment then). */
  enrollment: Facts.nullable(),
  earlierLineNo: z.number().int().nullable(),
  billedOn: z.object({ invoiceNo: z.string(), lineNo: z.number().int() }).nullable(),
  claimed: z.union([z.string(), z.number()]).nullable(),
  recorded: z.union([z.string(), z.number()]).nullable(),
});

export const InvoiceLineDetail = InvoiceLineRow.extend({
  /** Null until the invoice is reconciled. */
  evidence: LineEvidence.nullable(),
  /** What is known now, for the drawer: the enrollment, its participant and its training. */
  current: z.object({
    enrollment: Facts.extend({ platform: z.string(), version: z.number().int(), updatedAt: z.string() }).nullable(),
    participant: z
      .object({ registrationId: z.string(), fullName: z.string().nullable(), waveNumber: z.number().int(), publishedOn: z.string().nullable(), revokedAt: z.string().nullable() })
      .nullable(),
    training: z.object({ trainingId: z.string(), title: z.string(), institutionId: z.string(), institutionName: z.string().nullable(), price: z.number().int() }).nullable(),
    /** The facts differ from those the status was decided on: reconcile again. */
    changed: z.boolean(),
  }),
});
export type InvoiceLineDetail = z.infer<typeof InvoiceLineDetail>;

export const Staleness = z.object({
  /** Lines whose facts (enrollment, participant, catalog, other invoices) changed since the latest reconciliation. */
  changedLines: z.number().int(),
  /** The first of them. */
  lineNos: z.array(z.number().int()),
});
export type Staleness = z.infer<typeof Staleness>;

export const ChartMonth = z.object({
  /** `YYYY-MM` of the invoice date. */
  month: z.string(),
  invoices: z.number().int(),
  claimed: z.number().int(),
  approved: z.number().int(),
  disputed: z.number().int(),
});
export type ChartMonth = z.infer<typeof ChartMonth>;

export const INVOICE_SORT_FIELDS = ['invoiceNo', 'institutionId', 'invoiceDate', 'status', 'lines', 'claimedAmount', 'approvedAmount', 'disputedAmount', 'ageDays'] as const;
export const ExportFormat = z.enum(['csv', 'xlsx']);

export const invoicesMethods = {
  /** Imports an invoices file (DESIGN 4; several invoices per file) as a job; its result adds the invoice numbers. */
  'invoices.import': method({ input: z.object({ fileRef: FileRef }), output: JobStarted, access: FINANCE, mutates: false }),
  'invoices.list': method({
    input: PageQuery.extend({
      sortField: z.enum(INVOICE_SORT_FIELDS).optional(),
      q: z.string().trim().max(100).optional(),
      status: InvoiceStatus.optional(),
      institutionId: z.string().max(100).optional(),
    }),
    output: pageOf(InvoiceRow),
    access: INVOICE_READERS,
    mutates: false,
  }),
  'invoices.get': method({ input: z.object({ invoiceNo: InvoiceNo }), output: InvoiceDetail, access: INVOICE_READERS, mutates: false }),
  'invoices.lines': method({
    input: PageQuery.extend({
      invoiceNo: InvoiceNo,
      sortField: z.enum(['lineNo', 'enrollmentId', 'amount', 'status', 'approvedAmount']).optional(),
      status: LineStatus.optional(),
      /** Only lines not MATCHED (every dispute), after reconciliation. */
      disputed: z.boolean().optional(),
      q: z.string().trim().max(100).optional(),
    }),
    output: pageOf(InvoiceLineRow),
    access: INVOICE_READERS,
    mutates: false,
  }),
  'invoices.line': method({ input: z.object({ invoiceNo: InvoiceNo, lineNo: z.number().int().min(1) }), output: InvoiceLineDetail, access: INVOICE_READERS, mutates: false }),
  /** Which lines' facts changed since the latest reconciliation (a late completion, a cancellation, another invoice decided). */
  'invoices.staleness': method({ input: z.object({ invoiceNo: InvoiceNo }), output: Staleness, access: INVOICE_READERS, mutates: false }),
  /** Reconciles (again) as a job: every line's status (DESIGN 3.4); the result carries DESIGN 7's keys. */
  'invoices.reconcile': method({ input: z.object({ invoiceNo: InvoiceNo }), output: JobStarted, access: FINANCE, mutates: false }),
  /** The checker approves the latest reconciliation (runId: the one they saw); never the one who reconciled it. */
  'invoices.approve': method({
    input: z.object({ invoiceNo: InvoiceNo, runId: z.number().int().positive().optional() }),
    output: InvoiceDetail,
    access: FINANCE,
    mutates: true,
  }),
  'invoices.reject': method({
    input: z.object({ invoiceNo: InvoiceNo, note: z.string().trim().min(3).max(2000), runId: z.number().int().positive().optional() }),
    output: InvoiceDetail,
    access: FINANCE,
    mutates: true,
  }),
  /** A dispute note on a disputed line (empty text removes it); not once the invoice is decided. */
  'invoices.setDisputeNote': method({
    input: z.object({ invoiceNo: InvoiceNo, lineNo: z.number().int().min(1), note: z.string().trim().max(2000) }),
    output: InvoiceLineRow,
    access: FINANCE,
    mutates: true,
  }),
  /** The `reconciliation` report (DESIGN 7) of one invoice, or of every reconciled invoice; a job whose result is `{fileRef, fileName, rows}`. */
  'invoices.exportReconciliation': method({
    input: z.object({ invoiceNo: InvoiceNo.optional(), format: ExportFormat.default('xlsx') }),
    output: JobStarted,
    access: INVOICE_READERS,
    mutates: false,
  }),
  /** The workbook for the institution: summary by status and every line with status and reason in Indonesian. */
  'invoices.exportWorkbook': method({ input: z.object({ invoiceNo: InvoiceNo }), output: JobStarted, access: INVOICE_READERS, mutates: false }),
  /** After approval: the payment advice (approved amount, institution, bank account). */
  'invoices.exportPaymentAdvice': method({ input: z.object({ invoiceNo: InvoiceNo }), output: JobStarted, access: INVOICE_READERS, mutates: false }),
  /** Per month of invoice date: claimed (invoices not rejected) against approved and disputed (latest reconciliation). */
  'invoices.chart': method({ input: z.object({ institutionId: z.string().max(100).optional() }), output: z.object({ months: z.array(ChartMonth) }), access: INVOICE_READERS, mutates: false }),
  /** Institutions that have invoices, for the filters. */
  'invoices.institutions': method({
    input: z.object({}),
    output: z.array(z.object({ institutionId: z.string(), name: z.string().nullable(), invoices: z.number().int() })),
    access: INVOICE_READERS,
    mutates: false,
  }),
};
