import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { tempDbPath, TEST_PASSWORD } from '../helpers/core';
import { publishWaveInFile, SAMPLE_EXPIRY, SAMPLES } from '../helpers/participants';

const PW = { PRAKERJA_PASSWORD: TEST_PASSWORD };
const SLOW = 300_000;
const sample = (f: string) => path.join(SAMPLES, f);
const cli = (db: string, user: string, ...args: string[]) => runCliCaptured(['--db', db, '--json', '--user', user, ...args]);

describe('prakerja-office import (catalog), invoice and export reconciliation', () => {
  it('runs the DESIGN 7 commands with their JSON keys, maker-checker included', { timeout: SLOW }, async () => {
    const db = tempDbPath();
    expect((await runCliCaptured(['--db', db, 'users', 'add', 'admin', '--role', 'admin'], PW)).code).toBe(0);
    for (const [name, role] of [['rina', 'reviewer'], ['fajar', 'finance'], ['sari', 'finance'], ['maya', 'manager']] as const) {
      expect((await runCliCaptured(['--db', db, '--user', 'admin', 'users', 'add', name, '--role', role], PW)).code).toBe(0);
    }
    expect((await cli(db, 'rina', 'import', 'applicants', sample('applicants-sample.csv'))).code).toBe(0);
    // Wave 1 of the samples, published 2026-12-01 (a core of its own on a clock before that day: the CLI has only today's).
    expect((await publishWaveInFile(db, { username: 'admin', password: TEST_PASSWORD })).participants).toBeGreaterThanOrEqual(60);

    // A reviewer may not import the catalog (finance imports it, DESIGN 7).
    const refused = await cli(db, 'rina', 'import', 'institutions', sample('institutions-sample.csv'));
    expect(refused.code).toBe(1);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN' });

    for (const [kind, rows] of [['institutions', 5], ['trainings', 11], ['enrollments', 80]] as const) {
      const r = await cli(db, 'fajar', 'import', kind, sample(`${kind}-sample.csv`));
      expect(r.code, r.stderr).toBe(0);
      expect(r.json()).toEqual(expect.objectContaining({ inserted: rows, updated: 0, unchanged: 0, rejected: 0, rejects: [] }));
    }
    // Those without a purchase by the deadline (2026-12-31) are revoked from 2027-01-01.
    const expired = await cli(db, 'admin', 'participants', 'expire', '--as-of', SAMPLE_EXPIRY);
    expect(expired.code, expired.stderr).toBe(0);
    const imp = await cli(db, 'fajar', 'invoice', 'import', sample('invoices-sample.csv'));
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.json()).toMatchObject({ inserted: 18, updated: 0, unchanged: 0, rejected: 0, rejects: [], invoices: ['INV-2027-0001', 'INV-2027-0002'] });
    // Re-importing the same file changes nothing.
    expect((await cli(db, 'fajar', 'invoice', 'import', sample('invoices-sample.csv'))).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 18 });

    const rec = await cli(db, 'fajar', 'invoice', 'reconcile', 'INV-2027-0001');
    expect(rec.code, rec.stderr).toBe(0);
    const out = rec.json();
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['invoice', 'lines', 'statuses', 'approvedAmount', 'disputedAmount']));
    expect(out).toMatchObject({ invoice: 'INV-2027-0001', lines: 15, approvedAmount: 3_000_000, disputedAmount: 7_150_000 });
    expect(out.statuses).toMatchObject({ MATCHED: 5, DUPLICATE_LINE: 1, NOT_COMPLETED: 2, AMOUNT_MISMATCH: 1, ALREADY_BILLED: 0 });

    // The maker cannot approve; a manager cannot either; another finance user can.
    const own = await cli(db, 'fajar', 'invoice', 'approve', 'INV-2027-0001');
    expect(own.code).toBe(1);
    expect(own.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('empat mata') });
    expect((await cli(db, 'maya', 'invoice', 'approve', 'INV-2027-0001')).json().error).toMatchObject({ code: 'FORBIDDEN' });
    const ok = await cli(db, 'sari', 'invoice', 'approve', 'INV-2027-0001');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ invoice: 'INV-2027-0001', status: 'approved', approvedAmount: 3_000_000, decidedBy: 'sari', reconciledBy: 'fajar' });
    // Locked: no second decision, no reconciliation.
    expect((await cli(db, 'admin', 'invoice', 'reconcile', 'INV-2027-0001')).json().error).toMatchObject({ code: 'CONFLICT' });

    await cli(db, 'sari', 'invoice', 'reconcile', 'INV-2027-0002');
    const rej = await cli(db, 'fajar', 'invoice', 'reject', 'INV-2027-0002', '--note', 'Baris 1 sudah dibayar pada INV-2027-0001');
    expect(rej.json()).toMatchObject({ invoice: 'INV-2027-0002', status: 'rejected', note: 'Baris 1 sudah dibayar pada INV-2027-0001' });
    expect((await runCliCaptured(['--db', db, '--json', '--user', 'fajar', 'invoice', 'reject', 'INV-2027-0002'])).code).toBe(2);

    // The reconciliation report (DESIGN 7 columns), as a manager (who reads everything and exports).
    const dir = path.dirname(db);
    const csvFile = path.join(dir, 'rekon.csv');
    const exp = await cli(db, 'maya', 'export', 'reconciliation', '--out', csvFile, '--invoice', 'INV-2027-0001');
    expect(exp.code, exp.stderr).toBe(0);
    expect(exp.json()).toMatchObject({ report: 'reconciliation', rows: 15 });
    const rows = parse(fs.readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['invoice_no', 'line_no', 'enrollment_id', 'status', 'amount', 'approved_amount']);
    expect(rows[0]).toMatchObject({ invoice_no: 'INV-2027-0001', line_no: '1', status: 'MATCHED', amount: '750000', approved_amount: '750000' });
    expect(rows[5]).toMatchObject({ status: 'DUPLICATE_LINE', approved_amount: '0' });

    // Every reconciled invoice when no --invoice is given (the rejected one keeps its result).
    const all = await cli(db, 'maya', 'export', 'reconciliation', '--out', path.join(dir, 'semua.xlsx'));
    expect(all.json()).toMatchObject({ rows: 18 });

    // The institution's workbook and the payment advice are report names too.
    const wb = await cli(db, 'fajar', 'export', 'invoice-workbook', '--out', path.join(dir, 'lembaga.xlsx'), '--invoice', 'INV-2027-0001');
    expect(wb.code, wb.stderr).toBe(0);
    const advice = await cli(db, 'fajar', 'export', 'payment-advice', '--out', path.join(dir, 'nota.xlsx'), '--invoice', 'INV-2027-0001');
    expect(advice.code, advice.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'nota.xlsx'));
    const cells = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toEqual(expect.arrayContaining(['JUMLAH DIBAYAR', '3000000', 'tiga juta rupiah', 'BNI 0123456789 a.n. PT Cahaya Digital Nusantara']));
    // No advice for a rejected invoice; the workbook report needs --invoice.
    expect((await cli(db, 'fajar', 'export', 'payment-advice', '--out', path.join(dir, 'x.xlsx'), '--invoice', 'INV-2027-0002')).json().error).toMatchObject({ code: 'CONFLICT' });
    expect((await cli(db, 'fajar', 'export', 'invoice-workbook', '--out', path.join(dir, 'y.xlsx'))).code).toBe(2);
  });
});
