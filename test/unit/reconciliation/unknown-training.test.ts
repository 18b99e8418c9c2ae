import { describe, expect, it } from 'vitest';
import { reconcileInvoice, type EnrollmentFacts } from '../../../shared/reconciliation';

const facts = (over: Partial<EnrollmentFacts>): EnrollmentFacts => ({
  enrollmentId: 'E-1', nik: '3273014101900001', trainingId: 'T-X', institutionId: null, pricePaid: 500000,
  purchasedAt: '2026-12-05T02:00:00.000Z', completedAt: '2027-01-10T03:00:00.000Z', certificateNo: 'C-1', cancelledAt: null, participantRevokedAt: null, ...over,
});

describe('an enrollment whose training is not in the catalog', () => {
  it('is INSTITUTION_MISMATCH, after ALREADY_BILLED and before everything below it, with a reason naming the catalog', () => {
    const line = { invoiceNo: 'INV-1', lineNo: 1, enrollmentId: 'E-1', nik: '0000000000000000', trainingId: 'T-Y', amount: 1 };
    const run = (billed: boolean, over: Partial<EnrollmentFacts> = {}) =>
      reconcileInvoice({
        invoice: { invoiceNo: 'INV-1', institutionId: 'LPK-A' },
        lines: [line],
        enrollments: new Map([['E-1', facts(over)]]),
        billedElsewhere: new Map(billed ? [['E-1', { invoiceNo: 'INV-0', lineNo: 4 }]] : []),
      }).lines[0]!;
    expect(run(true).status).toBe('ALREADY_BILLED');
    const r = run(false, { cancelledAt: '2026-12-06T00:00:00Z' });
    expect(r).toMatchObject({ status: 'INSTITUTION_MISMATCH', approvedAmount: 0, evidence: { claimed: 'LPK-A', recorded: null } });
    expect(r.reason).toBe('Pelatihan T-X tidak ada dalam katalog, sehingga tidak terbukti milik lembaga yang menagih (LPK-A).');
  });
});

describe('jakartaDate on the stored form', () => {
  it('gives the same date by its fast path as by the general one, at every hour of the day, across a month and a year end', async () => {
    const { jakartaDate } = await import('../../../shared/reconciliation/dates');
    for (const day of ['2026-12-31', '2027-01-31', '2028-02-28', '2027-06-15']) {
      for (let h = 0; h < 24; h++) {
        const stored = `${day}T${String(h).padStart(2, '0')}:30:00.000Z`;
        // The same instant without milliseconds takes the general path.
        expect(jakartaDate(stored), stored).toBe(jakartaDate(stored.replace('.000Z', 'Z')));
        expect(jakartaDate(stored)).toBe(new Date(Date.parse(stored) + 7 * 3_600_000).toISOString().slice(0, 10));
      }
    }
  });
});
