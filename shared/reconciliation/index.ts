export { LINE_STATUSES, STATUS_LABELS, type LineStatus } from './statuses';
export { formatRupiah } from './money';
export { jakartaDate } from './dates';
export {
  reconcileInvoice,
  type BilledLine,
  type EnrollmentFacts,
  type InvoiceLine,
  type LineEvidence,
  type Lookup,
  type ReconcileInput,
  type ReconciledLine,
  type Reconciliation,
  type ReconciliationSummary,
} from './reconcile';
