import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempFile } from '../helpers/applicants';
import type { TestApp } from '../helpers/core';
import { importFinance, imported } from '../helpers/finance';
import { createFinanceApp, csv, ENROLLMENT_HEADER, financeWorld, INVOICE_HEADER, invoiceLine, NIK } from '../helpers/finance-fixture';

let app: TestApp;
afterEach(async () => app?.close());
const SLOW = { timeout: 240_000 };

const enrollment = (id: string, nik: string, rest = 'T-A1,Tokopedia,500000,2026-12-20T09:00:00+07:00,,,') => `${id},${nik},${rest}`;

describe('importing the catalog and enrollments (DESIGN 4, 7)', () => {
  it('rejects only rows that cannot be stored (and NIKs that are no participant), row by row; fills in later reports without erasing', SLOW, async () => {
    app = await createFinanceApp();
    const finance = await app.userToken('fajar', 'finance');
    await financeWorld(app, finance);
    const sqlite = app.core.db.sqlite;

    const file = csv('pembelian-2.csv', [
      ENROLLMENT_HEADER,
      enrollment('N-1', NIK['A-1']),
      // Applicant A-6 was never selected; 9999… is nobody.
      enrollment('N-2', NIK['A-6']),
      enrollment('N-3', '9999999999999999'),
      enrollment('N-4', NIK['A-2'], 'T-A1,Tokopedia,Rp500.000,2026-12-20T09:00:00+07:00,,,'),
      enrollment('N-5', NIK['A-2'], 'T-A1,Tokopedia,500000,20-12-2026,,,'),
      enrollment('N-1', NIK['A-3']),
      enrollment('N-6', NIK['A-2'], ',Tokopedia,500000,2026-12-20T09:00:00+07:00,,,'),
      // The revoked participant's purchase is imported so that its invoice line can be caught.
      enrollment('N-7', NIK['A-5']),
    ]);
    const r = await imported(app, finance, 'enrollments', file);
    expect(r).toMatchObject({ rows: 8, inserted: 2, rejected: 6 });
    expect(r.rejects).toEqual([
      { row: 3, column: 'nik', reason: expect.stringContaining('bukan peserta program') },
      { row: 4, column: 'nik', reason: expect.stringContaining('bukan peserta program') },
      { row: 5, column: 'price_paid', reason: expect.stringContaining('tanpa pemisah ribuan') },
      { row: 6, column: 'purchased_at', reason: expect.stringContaining('ISO 8601') },
      { row: 7, column: 'enrollment_id', reason: 'enrollment_id sama dengan baris 2 (baris yang lebih akhir ditolak)' },
      { row: 8, column: 'training_id', reason: 'wajib diisi' },
    ]);
    expect(sqlite.prepare(`SELECT participant_id IS NOT NULL FROM enrollments WHERE enrollment_id = 'N-7'`).pluck().get()).toBe(1);

    // A later platform file completes N-1 and cancels N-7; a purchases-only file without the last columns then erases nothing.
    const later = await imported(app, finance, 'enrollments', csv('susulan.csv', [
      ENROLLMENT_HEADER,
      enrollment('N-1', NIK['A-1'], 'T-A1,Tokopedia,500000,2026-12-20T09:00:00+07:00,2027-01-30T10:00:00+07:00,C-N1,'),
      enrollment('N-7', NIK['A-5'], 'T-A1,Tokopedia,500000,2026-12-20T09:00:00+07:00,,,2026-12-22'),
    ]));
    expect(later).toMatchObject({ inserted: 0, updated: 2, unchanged: 0, rejected: 0 });
    const purchasesOnly = await imported(app, finance, 'enrollments', csv('pembelian-saja.csv', [
      'enrollment_id,nik,training_id,platform,price_paid,purchased_at',
      `N-1,${NIK['A-1']},T-A1,Tokopedia,500000,2026-12-20T09:00:00+07:00`,
      `N-7,${NIK['A-5']},T-A1,Tokopedia,500000,2026-12-20T02:00:00Z`,
    ]));
    // 2026-12-20T02:00:00Z is 09:00 in Jakarta: the same instant, so nothing changed.
    expect(purchasesOnly).toMatchObject({ updated: 0, unchanged: 2 });
    expect(sqlite.prepare(`SELECT completed_at, certificate_no, cancelled_at, version FROM enrollments WHERE enrollment_id IN ('N-1', 'N-7') ORDER BY enrollment_id`).all()).toEqual([
      { completed_at: '2027-01-30T03:00:00.000Z', certificate_no: 'C-N1', cancelled_at: null, version: 2 },
      { completed_at: null, certificate_no: null, cancelled_at: '2026-12-21T17:00:00.000Z', version: 2 },
    ]);

    // A file without a required column changes nothing at all, not even the import history.
    const runs = sqlite.prepare('SELECT count(*) FROM import_runs').pluck().get();
    const refused = await importFinance(app, finance, 'trainings', csv('pelatihan-rusak.csv', ['training_id,institution_id,title,price,mode', 'T-Z,LPK-A,Z,1,online']));
    expect(refused.state).toBe('failed');
    expect(refused.error?.message).toMatch(/pelatihan-rusak\.csv tidak diimpor: kolom wajib tidak ada .*category, hours/);
    expect(sqlite.prepare('SELECT count(*) FROM import_runs').pluck().get()).toBe(runs);

    // The catalog upserts by its keys.
    const again = await imported(app, finance, 'trainings', csv('pelatihan-2.csv', [
      'Training_ID;Institution_ID;Title;Category;Price;Mode;Hours;Catatan',
      'T-A1;LPK-A;Web Dasar;Teknologi Informasi;500000;online;20;sama',
      'T-A2;LPK-A;Desain Grafis Lanjut;Teknologi Informasi;650000;ONLINE;12,5;berubah',
      'T-C1;LPK-C;Menjahit;Busana;-5;daring;x',
    ]));
    expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, rejected: 1 });
    expect(again.rejects.map((x) => x.column)).toEqual(['price', 'mode', 'hours']);
    expect(sqlite.prepare(`SELECT title, price, mode, hours, version FROM trainings WHERE training_id = 'T-A2'`).get()).toEqual({
      title: 'Desain Grafis Lanjut', price: 650000, mode: 'online', hours: 12.5, version: 2,
    });
  });

  it('lists institutions and trainings with enrollment counts, completion rate and average price; enrollments with filters, NIK masked for managers', SLOW, async () => {
    app = await createFinanceApp();
    const finance = await app.userToken('fajar', 'finance');
    const manager = await app.userToken('maya', 'manager');
    const reviewer = await app.userToken('rina', 'reviewer');
    await financeWorld(app, finance);

    const institutions = await app.as(manager, 'catalog.institutions', { sortField: 'institutionId' });
    // LPK-A: E-1 E-2 E-3 E-4 E-5 E-5b E-8 E-9 E-10 (E-4 cancelled): completed with a certificate E-1 E-2 E-5 E-5b E-9 E-10 = 6 of 8.
    expect(institutions.rows[0]).toMatchObject({ institutionId: 'LPK-A', trainings: 2, enrollments: 9, cancelled: 1, completed: 6, completionRate: 0.75, averagePrice: 550000 });
    expect(institutions.rows[1]).toMatchObject({ institutionId: 'LPK-B', trainings: 1, enrollments: 1, completionRate: 1, averagePrice: 700000 });
    const trainings = await app.as(reviewer, 'catalog.trainings', { institutionId: 'LPK-A', sortField: 'enrollments', sortDir: 'desc' });
    expect(trainings.rows.map((t) => [t.trainingId, t.enrollments, t.completed, t.averagePrice])).toEqual([
      ['T-A1', 5, 3, 500000],
      ['T-A2', 4, 3, 600000],
    ]);

    const page = await app.as(manager, 'catalog.enrollments', { institutionId: 'LPK-A', state: 'completed', sortField: 'enrollmentId' });
    expect(page.rows.map((e) => e.enrollmentId)).toEqual(['E-1', 'E-10', 'E-2', 'E-5', 'E-5b', 'E-9']);
    expect(page.rows[0]).toMatchObject({ nik: '3273********0001', participantName: 'Siti Rahmawati', trainingTitle: 'Web Dasar', institutionName: 'Lembaga Alpha', state: 'completed' });
    expect((await app.as(manager, 'catalog.enrollments', { state: 'cancelled' })).rows.map((e) => e.enrollmentId)).toEqual(['E-4']);
    expect((await app.as(manager, 'catalog.enrollments', { state: 'noCertificate' })).rows.map((e) => e.enrollmentId)).toEqual(['E-3']);
    expect((await app.as(finance, 'catalog.enrollments', { q: NIK['A-5'] })).total).toBe(2);
    // A masked role cannot find people by a NIK it does not see.
    expect((await app.as(manager, 'catalog.enrollments', { q: NIK['A-5'] })).total).toBe(0);
    // Purchase days are Jakarta days: E-5b was bought 2026-12-31 20:00 WIB.
    expect((await app.as(finance, 'catalog.enrollments', { purchasedFrom: '2026-12-31', purchasedTo: '2026-12-31' })).rows.map((e) => e.enrollmentId)).toEqual(['E-5b']);
    expect(await app.as(manager, 'catalog.options', {})).toMatchObject({ counts: { institutions: 2, trainings: 3, enrollments: 11 }, platforms: ['Pintaria', 'Tokopedia'] });
  });

  it('imports invoices from XLSX, several per file, rejecting rows that cannot belong to their invoice', SLOW, async () => {
    app = await createFinanceApp();
    const finance = await app.userToken('fajar', 'finance');
    await financeWorld(app, finance);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Tagihan');
    sheet.addRow(INVOICE_HEADER.split(','));
    for (const line of [
      invoiceLine('INV-A', 1, 'E-1'),
      invoiceLine('INV-A', 2, 'E-2'),
      invoiceLine('INV-B', 1, 'E-6', { institution: 'LPK-B' }),
      // Another institution or date than the invoice's first row; a line number repeated; an amount that is no number.
      invoiceLine('INV-A', 3, 'E-3', { institution: 'LPK-B' }),
      invoiceLine('INV-A', 4, 'E-3', { date: '2027-02-01' }),
      invoiceLine('INV-A', 1, 'E-9'),
      invoiceLine('INV-B', 2, 'E-7', { institution: 'LPK-B', amount: 1 }).replace(/,1$/, ',satu juta'),
    ]) {
      const v = line.split(',');
      // Excel keeps dates as dates and numbers as numbers.
      sheet.addRow([v[0], v[1], new Date(`${v[2]}T00:00:00Z`), Number(v[3]), v[4], v[5], v[6], /^\d+$/.test(v[7]!) ? Number(v[7]) : v[7]]);
    }
    const file = tempFile('tagihan.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const r = await imported(app, finance, 'invoices', file);
    expect(r).toMatchObject({ rows: 7, inserted: 3, rejected: 4, invoices: ['INV-A', 'INV-B'], invoiceOutcomes: { 'INV-A': 'inserted', 'INV-B': 'inserted' } });
    expect(r.rejects).toEqual([
      { row: 5, column: 'institution_id', reason: expect.stringContaining('baris 2 milik lembaga LPK-A') },
      { row: 6, column: 'invoice_date', reason: expect.stringContaining('bertanggal 2027-01-31') },
      { row: 7, column: 'line_no', reason: 'kombinasi invoice_no dan line_no sama dengan baris 2 (baris yang lebih akhir ditolak)' },
      { row: 8, column: 'amount', reason: expect.stringContaining('bukan jumlah Rupiah') },
    ]);
    // The invoice page warns that rows of the invoice were refused.
    expect(await app.as(finance, 'invoices.get', { invoiceNo: 'INV-A' })).toMatchObject({ lines: 2, claimedAmount: 1_000_000, rejectedRows: 3, status: 'imported', institution: { name: 'Lembaga Alpha' }, importRunId: r.runId });
    // Its rejects are the run's, downloadable from the invoice page.
    expect((await app.as(finance, 'imports.rejects', { id: r.runId })).total).toBe(4);
    expect(await app.as(finance, 'invoices.get', { invoiceNo: 'INV-B' })).toMatchObject({ lines: 1, rejectedRows: 1 });
    expect((await app.as(finance, 'invoices.list', { status: 'imported', sortField: 'invoiceNo' })).rows.map((i) => i.invoiceNo)).toEqual(['INV-A', 'INV-B']);
  });
});
