import { describe, expect, it } from 'vitest';
import { jakartaDate } from '../../../shared/reconciliation/dates';
import { formatRupiah } from '../../../shared/reconciliation/money';
import {
  reconcileInvoice,
  type BilledLine,
  type EnrollmentFacts,
  type InvoiceLine,
  type Reconciliation,
} from '../../../shared/reconciliation/reconcile';
import { LINE_STATUSES, type LineStatus } from '../../../shared/reconciliation/statuses';

const INSTITUTION = 'LPK-001';
const NIK = '3273014101900001';

/** An enrollment that passes every check for a line made by `line()`. */
const enrollment = (enrollmentId: string, over: Partial<EnrollmentFacts> = {}): EnrollmentFacts => ({
  enrollmentId,
  nik: NIK,
  trainingId: 'TR-10',
  institutionId: INSTITUTION,
  pricePaid: 1_000_000,
  purchasedAt: '2026-06-02T03:00:00Z',
  completedAt: '2026-06-20T10:00:00Z',
  certificateNo: 'CERT-77',
  cancelledAt: null,
  participantRevokedAt: null,
  ...over,
});

const line = (lineNo: number, enrollmentId: string, over: Partial<InvoiceLine> = {}): InvoiceLine => ({
  invoiceNo: 'INV-1',
  lineNo,
  enrollmentId,
  nik: NIK,
  trainingId: 'TR-10',
  amount: 1_000_000,
  ...over,
});

function run(lines: InvoiceLine[], enrollments: EnrollmentFacts[], billed: Record<string, BilledLine> = {}, invoiceNo = 'INV-1'): Reconciliation {
  return reconcileInvoice({
    invoice: { invoiceNo, institutionId: INSTITUTION },
    lines,
    enrollments: new Map(enrollments.map((e) => [e.enrollmentId, e])),
    billedElsewhere: new Map(Object.entries(billed)),
  });
}

/** The status of a single line claiming enrollment E1, given changes to the line and the enrollment. */
function statusOf(lineOver: Partial<InvoiceLine>, enrollmentOver: Partial<EnrollmentFacts> | null, billed = false): LineStatus {
  const r = run([line(1, 'E1', lineOver)], enrollmentOver ? [enrollment('E1', enrollmentOver)] : [], billed ? { E1: { invoiceNo: 'INV-0', lineNo: 4 } } : {});
  return r.lines[0]!.status;
}

/** One trigger per status; each pair of adjacent triggers is combined below. */
const TRIGGERS: Partial<Record<LineStatus, { line?: Partial<InvoiceLine>; enrollment?: Partial<EnrollmentFacts>; billed?: boolean }>> = {
  ALREADY_BILLED: { billed: true },
  INSTITUTION_MISMATCH: { enrollment: { institutionId: 'LPK-999' } },
  PARTICIPANT_MISMATCH: { line: { nik: '3273010101900009' } },
  TRAINING_MISMATCH: { line: { trainingId: 'TR-11' } },
  CANCELLED: { enrollment: { cancelledAt: '2026-06-05T00:00:00Z' } },
  PARTICIPANT_REVOKED: { enrollment: { participantRevokedAt: '2026-06-01' } },
  NOT_COMPLETED: { enrollment: { completedAt: null } },
  AMOUNT_MISMATCH: { line: { amount: 1_500_000 } },
};

describe('reconcileInvoice: one status per line (DESIGN 3.4)', () => {
  it('MATCHED when nothing applies, with the amount approved', () => {
    const r = run([line(1, 'E1')], [enrollment('E1')]);
    expect(r.lines[0]).toMatchObject({ status: 'MATCHED', approvedAmount: 1_000_000, evidence: { enrollment: { enrollmentId: 'E1' } } });
    expect(r.lines[0]!.reason).toMatch(/^Cocok/);
  });

  it.each(Object.entries(TRIGGERS))('%s alone', (status, t) => {
    expect(statusOf(t.line ?? {}, t.enrollment ?? {}, t.billed)).toBe(status);
  });

  it('UNKNOWN_ENROLLMENT when no such enrollment exists', () => {
    expect(statusOf({}, null)).toBe('UNKNOWN_ENROLLMENT');
  });

  it('DUPLICATE_LINE for the later of two lines with one enrollment, by line_no not by input order', () => {
    const r = run([line(7, 'E1'), line(3, 'E1'), line(5, 'E2')], [enrollment('E1'), enrollment('E2')]);
    expect(r.lines.map((l) => [l.lineNo, l.status])).toEqual([
      [3, 'MATCHED'],
      [5, 'MATCHED'],
      [7, 'DUPLICATE_LINE'],
    ]);
    expect(r.lines[2]!.evidence.earlierLineNo).toBe(3);
    expect(r.lines[2]!.reason).toContain('baris 3');
  });

  it('NOT_COMPLETED also when completed without a certificate number', () => {
    expect(statusOf({}, { certificateNo: null })).toBe('NOT_COMPLETED');
    expect(statusOf({}, { certificateNo: '  ' })).toBe('NOT_COMPLETED');
    expect(run([line(1, 'E1')], [enrollment('E1', { certificateNo: '' })]).lines[0]!.reason).toContain('tanpa nomor sertifikat');
  });

  it('PARTICIPANT_REVOKED only when the revocation took effect on or before the purchase date (Jakarta)', () => {
    // Revoked from 2026-06-02 (the day after the deadline): a purchase that day is already too late.
    expect(statusOf({}, { participantRevokedAt: '2026-06-02', purchasedAt: '2026-06-02T00:30:00+07:00' })).toBe('PARTICIPANT_REVOKED');
    // 2026-06-01T17:30Z is 2026-06-02 00:30 in Jakarta.
    expect(statusOf({}, { participantRevokedAt: '2026-06-02', purchasedAt: '2026-06-01T17:30:00Z' })).toBe('PARTICIPANT_REVOKED');
    // Bought on the deadline, revoked later (the purchase was then cancelled, say): not this status.
    expect(statusOf({}, { participantRevokedAt: '2026-06-02', purchasedAt: '2026-06-01T16:59:00Z' })).toBe('MATCHED');
    expect(statusOf({}, { participantRevokedAt: '2026-07-01', purchasedAt: '2026-06-01' })).toBe('MATCHED');
  });

  it('AMOUNT_MISMATCH both ways, with both amounts in the reason', () => {
    expect(statusOf({ amount: 999_999 }, {})).toBe('AMOUNT_MISMATCH');
    const r = run([line(1, 'E1', { amount: 1_500_000 })], [enrollment('E1')]);
    expect(r.lines[0]!.reason).toContain('Rp1.500.000');
    expect(r.lines[0]!.reason).toContain('Rp1.000.000');
    expect(r.lines[0]!.evidence).toMatchObject({ claimed: 1_500_000, recorded: 1_000_000 });
  });

  it('keeps the full NIK out of the reason (it is personal data), but in the evidence', () => {
    const r = run([line(1, 'E1', { nik: '3273010101900009' })], [enrollment('E1')]);
    expect(r.lines[0]!.reason).not.toMatch(/\d{16}/);
    expect(r.lines[0]!.evidence).toMatchObject({ claimed: '3273010101900009', recorded: NIK });
  });
});

describe('precedence: a line that triggers two conditions gets the earlier one', () => {
  const order = LINE_STATUSES.filter((s) => s in TRIGGERS);
  it.each(order.slice(0, -1).map((s, i) => [s, order[i + 1]!] as const))('%s before %s', (first, second) => {
    const a = TRIGGERS[first]!;
    const b = TRIGGERS[second]!;
    const status = statusOf({ ...b.line, ...a.line }, { ...b.enrollment, ...a.enrollment }, a.billed || b.billed);
    expect(status).toBe(first);
  });

  it('NOT_COMPLETED before AMOUNT_MISMATCH also for a missing certificate; AMOUNT_MISMATCH before MATCHED', () => {
    expect(statusOf({ amount: 5 }, { certificateNo: null })).toBe('NOT_COMPLETED');
    expect(statusOf({ amount: 5 }, {})).toBe('AMOUNT_MISMATCH');
  });

  it('DUPLICATE_LINE before UNKNOWN_ENROLLMENT, and UNKNOWN_ENROLLMENT before ALREADY_BILLED', () => {
    const r = run([line(1, 'GHOST'), line(2, 'GHOST')], [], { GHOST: { invoiceNo: 'INV-0', lineNo: 1 } });
    expect(r.lines.map((l) => l.status)).toEqual(['UNKNOWN_ENROLLMENT', 'DUPLICATE_LINE']);
  });

  it('DUPLICATE_LINE before everything else on the later line, whatever the earlier line got', () => {
    const r = run([line(1, 'E1', { amount: 1 }), line(2, 'E1')], [enrollment('E1', { cancelledAt: '2026-06-03' })]);
    expect(r.lines.map((l) => l.status)).toEqual(['CANCELLED', 'DUPLICATE_LINE']);
  });

  it('every trigger at once gives DUPLICATE_LINE on a repeated line and ALREADY_BILLED on the first', () => {
    const everything = Object.values(TRIGGERS);
    const lineOver = Object.assign({}, ...everything.map((t) => t.line ?? {}));
    const enrollmentOver = Object.assign({}, ...everything.map((t) => t.enrollment ?? {}));
    const r = run([line(1, 'E1', lineOver), line(2, 'E1', lineOver)], [enrollment('E1', enrollmentOver)], { E1: { invoiceNo: 'INV-0', lineNo: 1 } });
    expect(r.lines.map((l) => l.status)).toEqual(['ALREADY_BILLED', 'DUPLICATE_LINE']);
  });
});

describe('ALREADY_BILLED across invoices', () => {
  /** A tiny store of invoices, standing in for the core: status of each invoice and its reconciled lines. */
  function ledger() {
    const invoices = new Map<string, { rejected: boolean; result?: Reconciliation; lines: InvoiceLine[] }>();
    const enrollments = [enrollment('E1'), enrollment('E2')];
    const billedElsewhere = (invoiceNo: string) => {
      const map = new Map<string, BilledLine>();
      for (const [no, inv] of invoices) {
        if (no === invoiceNo || inv.rejected || !inv.result) continue;
        for (const l of inv.result.lines) if (l.status === 'MATCHED') map.set(l.enrollmentId, { invoiceNo: no, lineNo: l.lineNo });
      }
      return map;
    };
    return {
      add: (invoiceNo: string, ids: string[]) =>
        invoices.set(invoiceNo, { rejected: false, lines: ids.map((id, i) => line(i + 1, id, { invoiceNo })) }),
      reconcile: (invoiceNo: string) => {
        const inv = invoices.get(invoiceNo)!;
        inv.result = reconcileInvoice({
          invoice: { invoiceNo, institutionId: INSTITUTION },
          lines: inv.lines,
          enrollments: new Map(enrollments.map((e) => [e.enrollmentId, e])),
          billedElsewhere: billedElsewhere(invoiceNo),
        });
        return inv.result.lines.map((l) => l.status);
      },
      reject: (invoiceNo: string) => (invoices.get(invoiceNo)!.rejected = true),
    };
  }

  it('the first invoice reconciled keeps the enrollment, also when reconciled again', () => {
    const l = ledger();
    l.add('A', ['E1']);
    l.add('B', ['E1', 'E2']);
    expect(l.reconcile('A')).toEqual(['MATCHED']);
    expect(l.reconcile('B')).toEqual(['ALREADY_BILLED', 'MATCHED']);
    expect(l.reconcile('A')).toEqual(['MATCHED']);
    expect(l.reconcile('B')).toEqual(['ALREADY_BILLED', 'MATCHED']);
  });

  it('a rejected invoice does not block: the next reconciliation may match the enrollment', () => {
    const l = ledger();
    l.add('A', ['E1']);
    l.add('B', ['E1']);
    expect(l.reconcile('A')).toEqual(['MATCHED']);
    expect(l.reconcile('B')).toEqual(['ALREADY_BILLED']);
    l.reject('A');
    expect(l.reconcile('B')).toEqual(['MATCHED']);
  });

  it('names the invoice and line that hold the enrollment', () => {
    const r = run([line(1, 'E1')], [enrollment('E1')], { E1: { invoiceNo: 'INV-0', lineNo: 4 } });
    expect(r.lines[0]!.evidence.billedOn).toEqual({ invoiceNo: 'INV-0', lineNo: 4 });
    expect(r.lines[0]!.reason).toContain('INV-0 baris 4');
  });
});

describe('amounts and summary', () => {
  it('sums MATCHED amounts as approved and the rest as disputed, in integer Rupiah, with every status counted', () => {
    const r = run(
      [line(1, 'E1'), line(2, 'E2', { amount: 2_750_000 }), line(3, 'E3', { amount: 333_333 }), line(4, 'NOPE', { amount: 100 }), line(5, 'E1')],
      [enrollment('E1'), enrollment('E2', { pricePaid: 2_750_000 }), enrollment('E3', { pricePaid: 300_000 })],
    );
    expect(r.summary).toEqual({
      invoice: 'INV-1',
      lines: 5,
      statuses: { ...Object.fromEntries(LINE_STATUSES.map((s) => [s, 0])), MATCHED: 2, AMOUNT_MISMATCH: 1, UNKNOWN_ENROLLMENT: 1, DUPLICATE_LINE: 1 },
      claimedAmount: 5_083_433,
      approvedAmount: 3_750_000,
      disputedAmount: 1_333_433,
    });
    expect(Object.keys(r.summary.statuses)).toEqual([...LINE_STATUSES]);
    expect(r.lines.map((l) => l.approvedAmount)).toEqual([1_000_000, 2_750_000, 0, 0, 0]);
  });

  it('stays exact for totals far beyond what a float of cents would hold', () => {
    const big = 900_000_000_000;
    const r = run([line(1, 'E1', { amount: big }), line(2, 'E2', { amount: big + 1 })], [enrollment('E1', { pricePaid: big }), enrollment('E2', { pricePaid: big })]);
    expect(r.summary).toMatchObject({ approvedAmount: big, disputedAmount: big + 1, claimedAmount: 2 * big + 1 });
  });

  it('refuses amounts that are not whole Rupiah, lines of another invoice and a repeated line number', () => {
    expect(() => run([line(1, 'E1', { amount: 1000.5 })], [enrollment('E1')])).toThrow(/integer/);
    expect(() => run([line(1, 'E1')], [enrollment('E1', { pricePaid: 0.1 })])).toThrow(/price_paid/);
    expect(() => run([line(1, 'E1', { invoiceNo: 'INV-2' })], [enrollment('E1')])).toThrow(/INV-2/);
    expect(() => run([line(1, 'E1'), line(1, 'E2')], [enrollment('E1'), enrollment('E2')])).toThrow(/line 1 twice/);
  });
});

describe('helpers', () => {
  it('formatRupiah', () => {
    expect(formatRupiah(1_000_000)).toBe('Rp1.000.000');
    expect(formatRupiah(600)).toBe('Rp600');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(-5_000)).toBe('-Rp5.000');
    expect(() => formatRupiah(1.5)).toThrow();
  });

  it('jakartaDate', () => {
    expect(jakartaDate('2026-06-01')).toBe('2026-06-01');
    expect(jakartaDate('2026-06-01T23:30:00')).toBe('2026-06-01'); // no offset: already Jakarta time
    expect(jakartaDate('2026-06-01T16:59:59Z')).toBe('2026-06-01');
    expect(jakartaDate('2026-06-01T17:00:00.000Z')).toBe('2026-06-02');
    expect(jakartaDate('2026-06-01T12:00:00-05:00')).toBe('2026-06-02');
    expect(jakartaDate('2026-06-01 08:00+0700')).toBe('2026-06-01');
    expect(() => jakartaDate('01/06/2026')).toThrow();
  });
});
