import type BetterSqlite3 from 'better-sqlite3';
import type { Staleness } from '../../../shared/api/invoices';
import { factsText, readInvoiceInputs } from './facts';

const SAMPLE = 20;

/**
 * Lines whose inputs changed since the latest reconciliation. A line's status depends only on the line,
 * the earlier lines of its invoice, the invoice's institution (all fixed until a re-import, which clears
 * the result) and two things outside the invoice: the enrollment's facts (enrollment, participant,
 * catalog) and whether another invoice not rejected holds the enrollment MATCHED. Both are compared with
 * what the line was decided on, so "unchanged" here means a new reconciliation would give the same result.
 */
export function invoiceStaleness(sqlite: BetterSqlite3.Database, invoice: { id: number; invoice_no: string; status: string }): Staleness {
  if (invoice.status !== 'reconciled') return { changedLines: 0, lineNos: [] };
  const inputs = readInvoiceInputs(sqlite, invoice.id, invoice.invoice_no);
  const stored = sqlite
    .prepare(
      `SELECT l.line_no, r.status, r.facts_json, r.evidence_json FROM invoice_lines l
       LEFT JOIN invoice_line_results r ON r.invoice_id = l.invoice_id AND r.line_no = l.line_no WHERE l.invoice_id = ? ORDER BY l.line_no`,
    )
    .raw()
    .all(invoice.id) as [number, string | null, string | null, string | null][];
  const lineNos: number[] = [];
  let changed = 0;
  for (let i = 0; i < stored.length; i++) {
    const [lineNo, status, facts, evidence] = stored[i]!;
    const line = inputs.lines[i]!;
    let stale = status === null || factsText(inputs.enrollments.get(line.enrollmentId)) !== facts;
    if (!stale && status !== 'DUPLICATE_LINE' && status !== 'UNKNOWN_ENROLLMENT') {
      const was = status === 'ALREADY_BILLED' && evidence ? (JSON.parse(evidence) as { billedOn?: { invoiceNo: string; lineNo: number } }).billedOn : undefined;
      const now = inputs.billedElsewhere.get(line.enrollmentId);
      stale = (was === undefined) !== (now === undefined) || (was !== undefined && now !== undefined && (was.invoiceNo !== now.invoiceNo || was.lineNo !== now.lineNo));
    }
    if (stale) {
      changed++;
      if (lineNos.length < SAMPLE) lineNos.push(lineNo);
    }
  }
  return { changedLines: changed, lineNos };
}
