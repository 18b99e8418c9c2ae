import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/core';
import { imported, lineStatuses, reconciled } from '../helpers/finance';
import { createFinanceApp, financeWorld, invoiceCsv, invoiceLine, NIK } from '../helpers/finance-fixture';

let app: TestApp;
afterEach(async () => app?.close());
const SLOW = { timeout: 240_000 };

describe('reconciling an invoice against the database (DESIGN 3.4)', () => {
  it('gives every line exactly one status, the first that applies, with a plain reason and its evidence', SLOW, async () => {
    app = await createFinanceApp();
    const finance = await app.userToken('fajar', 'finance');
    await financeWorld(app, finance);
    const L = (n: number, e: string, o: Parameters<typeof invoiceLine>[3] = {}) => invoiceLine('INV-P', n, e, o);
    await imported(app, finance, 'invoices', invoiceCsv([
      L(1, 'E-1'),
      // The same enrollment again, with a wrong NIK and amount too: a duplicate first.
      L(2, 'E-1', { nik: NIK['A-3'], amount: 1 }),
      L(3, 'E-404'),
      // Another institution's training, with a wrong NIK and training as well.
      L(4, 'E-6', { nik: NIK['A-3'], training: 'T-A1' }),
      // A training that is not in the catalog cannot be shown to be the billing institution's.
      L(5, 'E-7'),
      // Wrong participant and wrong training: the participant first.
      L(6, 'E-9', { nik: NIK['A-3'], training: 'T-A1' }),
      L(7, 'E-2', { training: 'T-A2', amount: 1 }),
      // Cancelled, never completed, wrong amount: cancelled first.
      L(8, 'E-4', { amount: 1 }),
      // Bought on the day the revocation took effect (and completed): revoked.
      L(9, 'E-5'),
      // Bought the day before the revocation: not revoked.
      L(10, 'E-5b'),
      L(11, 'E-8', { amount: 1 }),
      L(12, 'E-3'),
      L(13, 'E-10', { amount: 650000 }),
    ]));
    const r = await reconciled(app, finance, 'INV-P');
    expect(lineStatuses(app, 'INV-P')).toEqual({
      1: 'MATCHED', 2: 'DUPLICATE_LINE', 3: 'UNKNOWN_ENROLLMENT', 4: 'INSTITUTION_MISMATCH', 5: 'INSTITUTION_MISMATCH', 6: 'PARTICIPANT_MISMATCH',
      7: 'TRAINING_MISMATCH', 8: 'CANCELLED', 9: 'PARTICIPANT_REVOKED', 10: 'MATCHED', 11: 'NOT_COMPLETED', 12: 'NOT_COMPLETED', 13: 'AMOUNT_MISMATCH',
    });
    expect(r).toMatchObject({ lines: 13, approvedAmount: 1_100_000, claimedAmount: r.approvedAmount + r.disputedAmount });
    expect(r.statuses).toEqual({
      DUPLICATE_LINE: 1, UNKNOWN_ENROLLMENT: 1, ALREADY_BILLED: 0, INSTITUTION_MISMATCH: 2, PARTICIPANT_MISMATCH: 1, TRAINING_MISMATCH: 1,
      CANCELLED: 1, PARTICIPANT_REVOKED: 1, NOT_COMPLETED: 2, AMOUNT_MISMATCH: 1, MATCHED: 2,
    });

    const line = (n: number) => app.as(finance, 'invoices.line', { invoiceNo: 'INV-P', lineNo: n });
    expect(await line(2)).toMatchObject({ reason: expect.stringContaining('baris 1'), evidence: { earlierLineNo: 1 } });
    expect(await line(5)).toMatchObject({ reason: expect.stringContaining('tidak ada dalam katalog'), evidence: { enrollment: { institutionId: null } } });
    expect(await line(6)).toMatchObject({ evidence: { claimed: NIK['A-3'], recorded: NIK['A-4'] }, current: { participant: { registrationId: 'A-4', waveNumber: 1 } } });
    expect(await line(8)).toMatchObject({ reason: expect.stringContaining('dibatalkan pada 2026-12-09'), evidence: { enrollment: { cancelledAt: '2026-12-09T01:00:00.000Z' } } });
    expect(await line(9)).toMatchObject({ reason: expect.stringContaining('dicabut sejak 2027-01-01'), current: { participant: { revokedAt: '2027-01-01' } } });
    expect(await line(12)).toMatchObject({ reason: expect.stringContaining('tanpa nomor sertifikat') });
    expect(await line(13)).toMatchObject({ reason: 'Jumlah yang ditagih Rp650.000 tidak sama dengan harga yang dibayar peserta Rp600.000.', approvedAmount: 0 });
    const matched = await line(1);
    expect(matched).toMatchObject({
      status: 'MATCHED',
      approvedAmount: 500000,
      evidence: { enrollment: { enrollmentId: 'E-1', certificateNo: 'C-1', completedAt: '2027-01-10T03:00:00.000Z' } },
      current: { training: { title: 'Web Dasar', institutionName: 'Lembaga Alpha' }, changed: false },
    });
  });

  it('ALREADY_BILLED: the first invoice reconciled keeps an enrollment, across re-reconciliation, rejection and re-import', SLOW, async () => {
    app = await createFinanceApp();
    const maker = await app.userToken('fajar', 'finance');
    const checker = await app.userToken('sari', 'finance');
    await financeWorld(app, maker);
    await imported(app, maker, 'invoices', invoiceCsv([
      invoiceLine('X1', 1, 'E-1'), invoiceLine('X1', 2, 'E-2'),
      invoiceLine('X2', 1, 'E-2'), invoiceLine('X2', 2, 'E-10'),
      invoiceLine('X3', 1, 'E-10'),
    ]));

    // X2 first: an invoice only imported (X1, X3) holds nothing.
    await reconciled(app, maker, 'X2');
    expect(lineStatuses(app, 'X2')).toEqual({ 1: 'MATCHED', 2: 'MATCHED' });
    await reconciled(app, maker, 'X1');
    expect(lineStatuses(app, 'X1')).toEqual({ 1: 'MATCHED', 2: 'ALREADY_BILLED' });
    expect(await app.as(maker, 'invoices.line', { invoiceNo: 'X1', lineNo: 2 })).toMatchObject({
      reason: expect.stringContaining('tagihan X2 baris 1'),
      evidence: { billedOn: { invoiceNo: 'X2', lineNo: 1 } },
    });
    // Reconciling X2 again does not lose E-2 to X1 (whose line is ALREADY_BILLED, not MATCHED).
    await reconciled(app, maker, 'X2');
    expect(lineStatuses(app, 'X2')).toEqual({ 1: 'MATCHED', 2: 'MATCHED' });
    await reconciled(app, maker, 'X3');
    expect(lineStatuses(app, 'X3')).toEqual({ 1: 'ALREADY_BILLED' });

    // Rejecting X2 frees its enrollments: X1 and X3 are now stale and cannot be approved until reconciled again.
    await app.as(checker, 'invoices.reject', { invoiceNo: 'X2', note: 'Ditagih ganda' });
    expect(await app.as(checker, 'invoices.staleness', { invoiceNo: 'X1' })).toEqual({ changedLines: 1, lineNos: [2] });
    await expect(app.as(checker, 'invoices.approve', { invoiceNo: 'X1' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Rekonsiliasi ulang') });
    await reconciled(app, maker, 'X1');
    await reconciled(app, maker, 'X3');
    expect(lineStatuses(app, 'X1')).toEqual({ 1: 'MATCHED', 2: 'MATCHED' });
    expect(lineStatuses(app, 'X3')).toEqual({ 1: 'MATCHED' });
    // The rejected invoice keeps its result for the record, but it no longer holds anything.
    expect(lineStatuses(app, 'X2')).toEqual({ 1: 'MATCHED', 2: 'MATCHED' });
    await app.as(checker, 'invoices.approve', { invoiceNo: 'X1' });

    // A re-import that changes a reconciled invoice clears its result and so releases what it held.
    await imported(app, maker, 'invoices', invoiceCsv([invoiceLine('X4', 1, 'E-9'), invoiceLine('X5', 1, 'E-9')]));
    await reconciled(app, maker, 'X4');
    await reconciled(app, maker, 'X5');
    expect([lineStatuses(app, 'X4')[1], lineStatuses(app, 'X5')[1]]).toEqual(['MATCHED', 'ALREADY_BILLED']);
    const changed = await imported(app, maker, 'invoices', invoiceCsv([invoiceLine('X4', 1, 'E-9', { date: '2027-02-01' })]));
    expect(changed).toMatchObject({ invoiceOutcomes: { X4: 'updated' } });
    expect(lineStatuses(app, 'X4')).toEqual({ 1: null });
    expect((await app.as(maker, 'invoices.get', { invoiceNo: 'X4' })).status).toBe('imported');
    await reconciled(app, maker, 'X5');
    await reconciled(app, maker, 'X4');
    expect([lineStatuses(app, 'X4')[1], lineStatuses(app, 'X5')[1]]).toEqual(['ALREADY_BILLED', 'MATCHED']);

    // Never two invoices not rejected with one enrollment MATCHED.
    const doubles = app.core.db.sqlite
      .prepare(
        `SELECT l.enrollment_id, count(*) AS n FROM invoice_line_results l JOIN invoices v ON v.id = l.invoice_id
         WHERE l.status = 'MATCHED' AND v.status IN ('reconciled', 'approved') GROUP BY l.enrollment_id HAVING n > 1`,
      )
      .all();
    expect(doubles).toEqual([]);
  });
});
