import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveFileRef } from '../../electron/core/files/registry';
import { verifyDatabase } from '../../electron/core/db/verify';
import type { TestApp } from '../helpers/core';
import { importFinance, imported, lineStatuses, reconcile, reconciled } from '../helpers/finance';
import { createFinanceApp, csv, ENROLLMENT_HEADER, ENROLLMENTS, financeWorld, invoiceCsv, invoiceLine, NIK } from '../helpers/finance-fixture';

let app: TestApp;
afterEach(async () => app?.close());
const SLOW = { timeout: 240_000 };

async function exported(token: string, method: 'invoices.exportWorkbook' | 'invoices.exportPaymentAdvice', invoiceNo: string) {
  const { jobId } = await app.as(token, method, { invoiceNo });
  const job = await app.core.jobs.wait(jobId);
  if (job.state !== 'done') throw new Error(`${method}: ${job.error?.message}`);
  const me = await app.as(token, 'auth.me', {});
  const file = await resolveFileRef(app.core.db.kysely, (job.result as { fileRef: string }).fileRef, me);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file.path);
  return book;
}

describe('the maker-checker workflow of an invoice', () => {
  it('refuses the maker, other roles, a stale run and stale facts; approves once and locks, in core and in the database', SLOW, async () => {
    app = await createFinanceApp();
    const maker = await app.userToken('fajar', 'finance');
    const checker = await app.userToken('sari', 'finance');
    const manager = await app.userToken('maya', 'manager');
    const reviewer = await app.userToken('rina', 'reviewer');
    await financeWorld(app, maker);
    await imported(app, maker, 'invoices', invoiceCsv([invoiceLine('INV-1', 1, 'E-1'), invoiceLine('INV-1', 2, 'E-8'), invoiceLine('INV-2', 1, 'E-2')]));

    await expect(app.as(checker, 'invoices.approve', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('belum direkonsiliasi') });
    // Only finance and admin reconcile; managers and reviewers may not.
    await expect(app.as(manager, 'invoices.reconcile', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(reviewer, 'invoices.reconcile', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const first = await reconciled(app, maker, 'INV-1');
    expect(lineStatuses(app, 'INV-1')).toEqual({ 1: 'MATCHED', 2: 'NOT_COMPLETED' });

    // The maker can neither approve nor reject; nor can a manager or a reviewer.
    await expect(app.as(maker, 'invoices.approve', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Anda yang merekonsiliasi') });
    await expect(app.as(maker, 'invoices.reject', { invoiceNo: 'INV-1', note: 'tidak' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(manager, 'invoices.approve', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(reviewer, 'invoices.approve', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A dispute note on the disputed line; none on a matched one.
    await app.as(maker, 'invoices.setDisputeNote', { invoiceNo: 'INV-1', lineNo: 2, note: 'Sertifikat belum dilaporkan platform' });
    await expect(app.as(maker, 'invoices.setDisputeNote', { invoiceNo: 'INV-1', lineNo: 1, note: 'x' })).rejects.toMatchObject({ code: 'VALIDATION' });

    // A completion reported late: the facts changed, so the result may not be approved until reconciled again.
    await imported(app, maker, 'enrollments', csv('susulan.csv', [ENROLLMENT_HEADER, `E-8,${NIK['A-3']},T-A1,Tokopedia,500000,2026-12-12T09:00:00+07:00,2027-02-02T10:00:00+07:00,C-8,`]));
    expect(await app.as(checker, 'invoices.staleness', { invoiceNo: 'INV-1' })).toEqual({ changedLines: 1, lineNos: [2] });
    expect((await app.as(checker, 'invoices.line', { invoiceNo: 'INV-1', lineNo: 2 })).current.changed).toBe(true);
    await expect(app.as(checker, 'invoices.approve', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('baris 2') });

    // The checker reconciles again: now the checker is the maker, and the first maker checks.
    const second = await reconciled(app, checker, 'INV-1');
    expect(second.approvedAmount).toBe(1_000_000);
    expect(lineStatuses(app, 'INV-1')).toEqual({ 1: 'MATCHED', 2: 'MATCHED' });
    await expect(app.as(checker, 'invoices.approve', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A checker who looked at the first run is told it was redone.
    await expect(app.as(maker, 'invoices.approve', { invoiceNo: 'INV-1', runId: first.runId })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('direkonsiliasi ulang') });
    const approved = await app.as(maker, 'invoices.approve', { invoiceNo: 'INV-1', runId: second.runId });
    expect(approved).toMatchObject({ status: 'approved', approvedAmount: 1_000_000, decidedBy: 'fajar', reconciledBy: 'sari', runs: [{ id: second.runId }, { id: first.runId }] });

    // Locked: no second decision, no reconciliation, no note, no re-import that changes it.
    await expect(app.as(checker, 'invoices.reject', { invoiceNo: 'INV-1', note: 'terlambat' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(app.as(app.adminToken, 'invoices.reconcile', { invoiceNo: 'INV-1' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('terkunci') });
    await expect(app.as(maker, 'invoices.setDisputeNote', { invoiceNo: 'INV-1', lineNo: 2, note: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const before = app.core.db.sqlite.prepare('SELECT count(*) FROM invoices').pluck().get();
    const refused = await importFinance(app, maker, 'invoices', invoiceCsv([invoiceLine('INV-3', 1, 'E-9'), invoiceLine('INV-1', 1, 'E-1', { amount: 550000 })], 'koreksi.csv'));
    expect(refused.state).toBe('failed');
    expect(refused.error?.message).toMatch(/koreksi\.csv tidak diimpor: tagihan INV-1 sudah disetujui oleh fajar .*amount Rp500\.000 → Rp550\.000/);
    // Nothing of that file was applied (INV-3 neither), and the same file unchanged is fine.
    expect(app.core.db.sqlite.prepare('SELECT count(*) FROM invoices').pluck().get()).toBe(before);
    expect(await imported(app, maker, 'invoices', invoiceCsv([invoiceLine('INV-1', 1, 'E-1'), invoiceLine('INV-1', 2, 'E-8')]))).toMatchObject({ unchanged: 2, invoiceOutcomes: { 'INV-1': 'unchanged' } });

    // The database holds the same rules if core were bypassed.
    const sqlite = app.core.db.sqlite;
    expect(() => sqlite.prepare(`UPDATE invoices SET approved_amount = 1 WHERE invoice_no = 'INV-1'`).run()).toThrow(/locked/);
    expect(() => sqlite.prepare(`UPDATE invoice_lines SET amount = 1 WHERE invoice_id = (SELECT id FROM invoices WHERE invoice_no = 'INV-1')`).run()).toThrow(/locked/);
    expect(() => sqlite.prepare(`UPDATE invoice_line_results SET status = 'MATCHED' WHERE invoice_id = (SELECT id FROM invoices WHERE invoice_no = 'INV-1')`).run()).toThrow(/locked/);
    expect(() => sqlite.prepare(`DELETE FROM invoice_line_results WHERE invoice_id = (SELECT id FROM invoices WHERE invoice_no = 'INV-1')`).run()).toThrow(/locked/);
    expect(() => sqlite.prepare(`DELETE FROM invoices WHERE invoice_no = 'INV-1'`).run()).toThrow(/locked/);
    await reconciled(app, maker, 'INV-2');
    const makerId = sqlite.prepare(`SELECT reconciled_by FROM invoices WHERE invoice_no = 'INV-2'`).pluck().get();
    expect(() => sqlite.prepare(`UPDATE invoices SET status = 'approved', decided_by = ?, decided_at = 'x' WHERE invoice_no = 'INV-2'`).run(makerId)).toThrow(/maker-checker|CHECK/);

    // An admin who reconciled is a maker like anyone; an admin may check finance's work.
    const admin2 = await app.userToken('andi', 'admin');
    await reconciled(app, admin2, 'INV-2');
    await expect(app.as(admin2, 'invoices.approve', { invoiceNo: 'INV-2' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const rejected = await app.as(app.adminToken, 'invoices.reject', { invoiceNo: 'INV-2', note: 'Lampiran sertifikat tidak lengkap' });
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: 'Lampiran sertifikat tidak lengkap', decidedBy: 'admin' });

    // Every step is in the audit chain, and the chain verifies.
    const actions = sqlite.prepare(`SELECT action FROM audit_log WHERE entity IN ('invoice', 'invoice_line') ORDER BY id`).pluck().all();
    expect(actions).toEqual(['invoice.reconcile', 'invoice.disputeNote', 'invoice.reconcile', 'invoice.approve', 'invoice.reconcile', 'invoice.reconcile', 'invoice.reject']);
    expect(verifyDatabase(sqlite).ok).toBe(true);
  });

  it('exports the institution workbook (summary by status, lines with reasons and notes) and, after approval only, the payment advice', SLOW, async () => {
    app = await createFinanceApp();
    const maker = await app.userToken('fajar', 'finance');
    const checker = await app.userToken('sari', 'finance');
    const manager = await app.userToken('maya', 'manager');
    const reviewer = await app.userToken('rina', 'reviewer');
    await financeWorld(app, maker);
    await imported(app, maker, 'invoices', invoiceCsv([invoiceLine('INV-W', 1, 'E-1'), invoiceLine('INV-W', 2, 'E-4'), invoiceLine('INV-W', 3, 'E-10', { amount: 650000 })]));
    await expect(app.as(maker, 'invoices.exportWorkbook', { invoiceNo: 'INV-W' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await reconciled(app, maker, 'INV-W');
    await app.as(maker, 'invoices.setDisputeNote', { invoiceNo: 'INV-W', lineNo: 3, note: 'Harga paket berubah per 1 Januari; tagih sesuai harga beli' });
    await expect(app.as(maker, 'invoices.exportPaymentAdvice', { invoiceNo: 'INV-W' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('belum disetujui') });

    // Reviewers do not read invoices; managers read them with NIKs masked, and export.
    await expect(app.as(reviewer, 'invoices.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const masked = await app.as(manager, 'invoices.lines', { invoiceNo: 'INV-W' });
    expect(masked.rows[0]!.nik).toBe('3273********0001');
    expect((await app.as(manager, 'invoices.line', { invoiceNo: 'INV-W', lineNo: 1 })).evidence?.enrollment?.nik).toBe('3273********0001');
    expect((await app.as(maker, 'invoices.lines', { invoiceNo: 'INV-W' })).rows[0]!.nik).toBe(NIK['A-1']);

    const book = await exported(manager, 'invoices.exportWorkbook', 'INV-W');
    expect(book.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Baris tagihan', 'Keterangan status']);
    const summary = book.getWorksheet('Ringkasan')!;
    const values = (summary.getSheetValues().filter(Array.isArray) as unknown[][]).map((r) => r.slice(1));
    expect(values.find((r) => r[0] === 'Jumlah ditagih')?.[1]).toBe(1_650_000);
    expect(values.find((r) => r[0] === 'Jumlah disetujui')?.[1]).toBe(500_000);
    expect(values.find((r) => r[0] === 'Jumlah disengketakan')?.[1]).toBe(1_150_000);
    expect(values.find((r) => r[0] === 'CANCELLED')).toEqual(['CANCELLED', 'Dibatalkan', 1, 500_000, 0, 500_000]);
    expect(values.find((r) => r[0] === 'AMOUNT_MISMATCH')).toEqual(['AMOUNT_MISMATCH', 'Jumlah tidak sesuai', 1, 650_000, 0, 650_000]);
    const lines = book.getWorksheet('Baris tagihan')!;
    expect(lines.getRow(1).values).toEqual([undefined, 'Baris', 'Enrollment', 'NIK', 'Pelatihan', 'Ditagih', 'Kode status', 'Status', 'Alasan', 'Disetujui', 'Disengketakan', 'Catatan keuangan']);
    expect(lines.getRow(2).getCell(3).value).toBe('3273********0001');
    expect(lines.getRow(3).getCell(8).value).toMatch(/^Platform melaporkan pembelian ini dibatalkan pada 2026-12-09/);
    expect(lines.getRow(4).getCell(11).value).toBe('Harga paket berubah per 1 Januari; tagih sesuai harga beli');
    expect(lines.getRow(4).getCell(5).numFmt).toBe('"Rp"#,##0');

    await app.as(checker, 'invoices.approve', { invoiceNo: 'INV-W' });
    const advice = await exported(manager, 'invoices.exportPaymentAdvice', 'INV-W');
    const cells = Object.fromEntries(
      (advice.worksheets[0]!.getSheetValues().filter(Array.isArray) as unknown[][]).map((r) => [String(r[1]), r[2]]),
    );
    expect(cells).toMatchObject({
      'Nomor tagihan': 'INV-W',
      'Lembaga pelatihan': 'Lembaga Alpha',
      'Rekening bank penerima': 'BNI 111 a.n. Alpha',
      'JUMLAH DIBAYAR': 500_000,
      Terbilang: 'lima ratus ribu rupiah',
      'Disetujui oleh': expect.stringMatching(/^sari, /),
    });
  });

  it('reconciles as a job that a cancel rolls back, leaving the invoice as it was', SLOW, async () => {
    app = await createFinanceApp();
    const maker = await app.userToken('fajar', 'finance');
    await financeWorld(app, maker);
    await imported(app, maker, 'invoices', invoiceCsv(ENROLLMENTS.map((e, i) => invoiceLine('INV-C', i + 1, e[0]))));
    const { jobId } = await app.as(maker, 'invoices.reconcile', { invoiceNo: 'INV-C' });
    app.core.jobs.cancel(jobId);
    const job = await app.core.jobs.wait(jobId);
    expect(job.state).toBe('cancelled');
    expect((await app.as(maker, 'invoices.get', { invoiceNo: 'INV-C' })).status).toBe('imported');
    expect(Object.values(lineStatuses(app, 'INV-C')).every((s) => s === null)).toBe(true);
    const done = await reconcile(app, maker, 'INV-C');
    expect(done.state).toBe('done');
  });
});
