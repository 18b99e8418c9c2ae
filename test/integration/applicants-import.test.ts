import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tableState, tempFile } from '../helpers/applicants';
import { generateApplicantsCsv } from '../bench/generate-applicants-csv';
import { verifyDatabase } from '../../electron/core/db/verify';

let app: TestApp;
afterEach(async () => app?.close());

type Result = { inserted: number; updated: number; unchanged: number; rejected: number; rejects: { row: number; column: string; reason: string }[] };
const result = (job: { state: string; result?: unknown; error?: unknown }) => {
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  return job.result as Result;
};

describe('applicants import: file formats', () => {
  it('reads UTF-8 with BOM, semicolons, quoted separators and line breaks, CRLF, headers in any case and order with extra columns', async () => {
    app = await createTestApp();
    const cols = HEADER.split(',');
    const shuffled = [...cols].reverse();
    const header = ['Catatan', ...shuffled.map((c, i) => (i % 2 ? c.toUpperCase() : ` ${c} `))].join(';');
    const row = (id: string, name: string) => {
      const line = applicantLine(id, { full_name: name }).split(',');
      const byCol = Object.fromEntries(cols.map((c, i) => [c, line[i]!]));
      return ['"catatan; dengan ""kutip""\nbaris dua"', ...shuffled.map((c) => (c === 'full_name' ? `"${byCol[c]}"` : byCol[c]))].join(';');
    };
    const file = tempFile('bom-semicolon.csv', `\uFEFF${header}\r\n${row('A-1', 'Dewi; Lestari')}\r\n${row('A-2', 'Ni Putu "Ayu"'.replace(/"/g, '""'))}\r\n`);
    const r = result(await importFile(app, app.adminToken, file));
    expect(r).toMatchObject({ inserted: 2, rejected: 0 });
    const list = await app.as(app.adminToken, 'applicants.list', { sortField: 'registrationId' });
    expect(list.rows.map((x) => x.fullName)).toEqual(['Dewi; Lestari', 'Ni Putu "Ayu"']);
    expect(list.rows[0]).toMatchObject({ nik: '3273014101900001', registeredAt: '2026-05-03T01:15:00.000Z', testScore: 80, education: 'S1' });
  });

  it('reads the first sheet of an XLSX file, with dates and numbers as cells', async () => {
    app = await createTestApp();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pendaftar');
    ws.addRow(HEADER.split(','));
    ws.addRow(['X-1', '3273010101900001', '3273010000000009', 'Budi Santoso', new Date(Date.UTC(1990, 0, 1)), 'L', '', '', 32, 3273, 'SMA', 'employed', new Date(Date.UTC(2026, 4, 3, 8, 15)), 75]);
    ws.addRow(applicantLine('X-2', { gender: 'X' }).split(','));
    wb.addWorksheet('Lain').addRow(['bukan', 'data']);
    const file = tempFile('pendaftar.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = result(await importFile(app, app.adminToken, file));
    expect(r).toMatchObject({ inserted: 1, rejected: 1, rejects: [{ row: 3, column: 'gender' }] });
    const d = await app.as(app.adminToken, 'applicants.get', { registrationId: 'X-1' });
    expect(d).toMatchObject({ birthDate: '1990-01-01', provinceCode: '32', regencyCode: '3273', testScore: 75, registeredAt: '2026-05-03T01:15:00.000Z', kk: '3273010000000009' });
  });

  it.each([
    ['empty.csv', Buffer.alloc(0), /kosong/],
    ['only-bom.csv', Buffer.from('\uFEFF\r\n  \n'), /kosong/],
    ['image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /bukan CSV maupun XLSX/],
    ['archive.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6]), /bukan file XLSX/],
    ['latin1.csv', Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x52, 0xe9, 0x2c])]), /bukan teks UTF-8/],
    ['oversized.csv', `${HEADER}\n${applicantLine('C-1', { full_name: 'x'.repeat(10_001) })}\n`, /baris 2.*lebih dari 10\.000 karakter/],
    ['missing-cols.csv', `registration_id,full_name,Email\nM-1,Budi,\n`, /missing-cols\.csv.*nik, kk, birth_date, gender, province_code, regency_code, employment_status, registered_at/],
  ])('refuses %s as a whole and changes nothing', async (name, content, message) => {
    app = await createTestApp();
    result(await importFile(app, app.adminToken, tempFile('seed.csv', `${HEADER}\n${applicantLine('S-1')}\n`)));
    const before = tableState(app);
    const job = await importFile(app, app.adminToken, tempFile(name, content));
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(message);
    expect(job.error?.message).toContain(name);
    expect(tableState(app)).toEqual(before);
  });

  it('refuses a file over the configured size limit', async () => {
    app = await createTestApp();
    const { runImport } = await import('../../electron/core/applicants/import/run-import');
    const file = tempFile('big.csv', `${HEADER}\n${applicantLine('B-1')}\n`);
    const ctx = { dbPath: app.dbPath, owner: { userId: 1, username: 'admin' }, progress() {}, checkCancelled() {} };
    await expect(runImport(ctx, { kind: 'applicants', path: file, fileName: 'big.csv', maxBytes: 100 })).rejects.toThrow(/big\.csv terlalu besar/);
    expect(tableState(app).runs).toBe(0);
  });
});

describe('applicants import: rows', () => {
  it('rejects exactly the rows DESIGN 4 names, with spreadsheet row and column, and imports content problems', async () => {
    app = await createTestApp();
    const lines = [
      applicantLine('R-01'), // 2 ok
      applicantLine('R-02', { nik: '' }), // 3 missing required
      applicantLine('R-03', { birth_date: '1990-02-30' }), // 4 not a real date
      applicantLine('R-04', { registered_at: '03/05/2026 08:15' }), // 5 not ISO 8601
      applicantLine('R-05', { test_score: 'delapan' }), // 6 not a number
      applicantLine('R-06', { gender: 'W' }), // 7 outside list
      applicantLine('R-07', { employment_status: 'student' }), // 8 outside list
      applicantLine('R-08', { education: 'SMU' }), // 9 outside list
      applicantLine('R-09', { province_code: '99' }), // 10 not a real province
      applicantLine('R-10', { regency_code: '3299' }), // 11 not a real regency
      applicantLine('R-11', { regency_code: '3171' }), // 12 regency outside province
      applicantLine('R-01', { full_name: 'Duplikat' }), // 13 key repeated: later row rejected
      applicantLine('R-12', { nik: '9999999999999999', birth_date: '2015-01-01' }), // 14 bad NIK, under age: imported
      applicantLine('R-13', { nik: '3273014101900001' }), // 15 duplicate person: imported
      applicantLine('R-14', { test_score: '101' }), // 16 out of range
      applicantLine('R-15', { regency_code: '32.73', education: '', test_score: '', phone: '', email: '' }), // 17 ok, idn-area-data form
      '', // 18 blank line: skipped
      applicantLine('R-16', { registered_at: '2026-05-03T01:15:00Z', gender: 'l' }), // 19 ok
    ];
    const r = result(await importFile(app, app.adminToken, tempFile('rows.csv', `${HEADER}\n${lines.join('\n')}\n`)));
    expect(r).toMatchObject({ inserted: 5, updated: 0, unchanged: 0, rejected: 12 });
    expect(r.rejects.map((x) => [x.row, x.column])).toEqual([
      [3, 'nik'], [4, 'birth_date'], [5, 'registered_at'], [6, 'test_score'], [7, 'gender'], [8, 'employment_status'],
      [9, 'education'], [10, 'province_code'], [11, 'regency_code'], [12, 'regency_code'], [13, 'registration_id'], [16, 'test_score'],
    ]);
    expect(r.rejects.find((x) => x.row === 13)!.reason).toMatch(/baris 2/);
    const run = (await app.as(app.adminToken, 'imports.list', {})).rows[0]!;
    expect(run).toMatchObject({ fileName: 'rows.csv', inserted: 5, rejected: 12, rows: 17, status: 'done' });
    const page = await app.as(app.adminToken, 'imports.rejects', { id: run.id, page: 1, pageSize: 5 });
    expect(page.total).toBe(12);
    expect(page.rows.map((x) => x.row)).toEqual([8, 9, 10, 11, 12]);
    const csv = await app.as(app.adminToken, 'imports.rejectsCsv', { id: run.id });
    expect(csv.fileName).toMatch(/^penolakan-impor-.*\.csv$/);
    // registered_at with and without offset is the same instant.
    const a = await app.as(app.adminToken, 'applicants.get', { registrationId: 'R-01' });
    const b = await app.as(app.adminToken, 'applicants.get', { registrationId: 'R-16' });
    expect(a.registeredAt).toBe(b.registeredAt);
    expect(b.gender).toBe('L');
    expect((await app.as(app.adminToken, 'applicants.get', { registrationId: 'R-15' })).regencyCode).toBe('3273');
  });

  it('re-importing the same file changes nothing; a changed file updates by registration_id', async () => {
    app = await createTestApp();
    const v1 = `${HEADER}\n${applicantLine('U-1')}\n${applicantLine('U-2', { full_name: 'Agus Salim' })}\n`;
    expect(result(await importFile(app, app.adminToken, tempFile('v1.csv', v1)))).toMatchObject({ inserted: 2 });
    const before = tableState(app);
    expect(result(await importFile(app, app.adminToken, tempFile('v1.csv', v1)))).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const again = tableState(app);
    expect(again.applicants).toEqual(before.applicants);
    expect(again.audit).toBe(before.audit + 1); // one record for the run, none per row
    const v2 = `${HEADER}\n${applicantLine('U-1')}\n${applicantLine('U-2', { full_name: 'Agus Salim Wijaya' })}\n${applicantLine('U-3')}\n`;
    expect(result(await importFile(app, app.adminToken, tempFile('v2.csv', v2)))).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    const d = await app.as(app.adminToken, 'applicants.get', { registrationId: 'U-2' });
    expect(d).toMatchObject({ fullName: 'Agus Salim Wijaya', version: 2 });
    expect(d.history[0]!.summary).toMatch(/v2\.csv/);
    expect((await app.as(app.adminToken, 'applicants.list', { q: 'wija' })).rows.map((x) => x.registrationId)).toEqual(['U-2']);
    expect(tableState(app).fts).toBe(3);
    expect(verifyDatabase(app.core.db.sqlite).ok).toBe(true);
  });

  it('imports exclusion lists by (nik, list, valid_from) with their own rejects', async () => {
    app = await createTestApp();
    const csv = [
      'NIK;List;Valid_From;Valid_To;Source',
      '3273014101900001;ASN;2020-01-01;;BKN',
      '3273014101900001;PKH;;2026-12-31;Kemensos',
      '3273014101900001;asn;2020-01-01;2030-01-01;BKN', // same key: rejected
      '3273014101900002;ARMY;;;', // outside list
      '3273014101900003;TNI;2020-13-01;;', // bad date
    ].join('\n');
    const r = result(await importFile(app, app.adminToken, tempFile('exclusions.csv', csv), 'exclusions'));
    expect(r).toMatchObject({ inserted: 2, rejected: 3 });
    expect(r.rejects.map((x) => [x.row, x.column])).toEqual([[4, 'nik'], [5, 'list'], [6, 'valid_from']]);
    const again = `${csv.split('\n')[0]}\n3273014101900001;ASN;2020-01-01;2025-12-31;BKN\n3273014101900001;PKH;;2026-12-31;Kemensos\n`;
    expect(result(await importFile(app, app.adminToken, tempFile('ex2.csv', again), 'exclusions'))).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
  });

  it('a cancelled import leaves the database as it was', async () => {
    app = await createTestApp();
    result(await importFile(app, app.adminToken, tempFile('seed.csv', `${HEADER}\n${applicantLine('S-1')}\n`)));
    const before = tableState(app);
    const schema = () => app.core.db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type IN ('index','trigger') AND tbl_name = 'applicants' ORDER BY name`).all();
    const schemaBefore = schema();
    const file = tempFile('large.csv', '');
    generateApplicantsCsv(file, 300_000, 7);
    const me = await app.as(app.adminToken, 'auth.me', {});
    const { registerLocalFile } = await import('../../electron/core/files/registry');
    const ref = await registerLocalFile(app.core, file, me.id);
    const { jobId } = await app.as(app.adminToken, 'applicants.import', { fileRef: ref.ref });
    await new Promise<void>((resolve) => {
      const off = app.core.jobs.subscribe((j) => {
        if (j.id === jobId && j.done > 20_000) {
          off();
          resolve();
        }
      });
    });
    await app.as(app.adminToken, 'jobs.cancel', { id: jobId });
    const job = await app.core.jobs.wait(jobId);
    expect(job.state).toBe('cancelled');
    expect(tableState(app)).toEqual(before);
    // The bulk path dropped the indexes and triggers inside the transaction: the rollback brings all back.
    expect(schema()).toEqual(schemaBefore);
  }, 60_000);

  it.each([
    ['into an empty register', false],
    ['into a small register', true],
  ])('a large file loaded %s leaves every index, trigger and the name index in place, listable and searchable', async (_, seeded) => {
    app = await createTestApp();
    const s = app.core.db.sqlite;
    const schema = () => s.prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('applicants', 'applicants_fts') ORDER BY name`).all();
    const schemaBefore = schema();
    if (seeded) result(await importFile(app, app.adminToken, tempFile('seed.csv', `${HEADER}\n${applicantLine('S-1')}\n`)));
    // 60,000 rows (about 8 MB) take the bulk path: indexes and the FTS index are rebuilt inside the import's transaction.
    const file = tempFile('large.csv', '');
    generateApplicantsCsv(file, 60_000, 11);
    expect(result(await importFile(app, app.adminToken, file))).toMatchObject({ inserted: 60_000, updated: 0, rejected: 0 });
    expect(schema()).toEqual(schemaBefore);
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
    // FTS5's own check compares the index with the applicants rows (rank 1: against the content table).
    s.exec(`INSERT INTO applicants_fts(applicants_fts, rank) VALUES ('integrity-check', 1)`);
    const someone = s.prepare('SELECT registration_id, full_name, nik FROM applicants WHERE id = 40000').get() as { registration_id: string; full_name: string; nik: string };
    const byName = await app.as(app.adminToken, 'applicants.list', { q: someone.full_name, sortField: 'registrationId', pageSize: 100 });
    const exact = s.prepare(`SELECT count(*) FROM applicants WHERE full_name = ?`).pluck().get(someone.full_name) as number;
    expect(byName.total).toBeGreaterThanOrEqual(exact);
    // Every word of the query begins a word of each name found.
    const words = someone.full_name.toLowerCase().split(' ');
    for (const r of byName.rows) expect(words.every((w) => r.fullName.toLowerCase().split(' ').some((n) => n.startsWith(w))), r.fullName).toBe(true);
    expect((await app.as(app.adminToken, 'applicants.list', { q: someone.nik })).rows.map((r) => r.registrationId)).toContain(someone.registration_id);
    const page = await app.as(app.adminToken, 'applicants.list', { provinceCode: '32', sortField: 'fullName' });
    expect(page.total).toBe((s.prepare(`SELECT count(*) FROM applicants WHERE province_code = '32'`).pluck().get() as number));
    // A later change to a name reaches the name index through the recreated triggers.
    s.prepare(`UPDATE applicants SET full_name = 'Zulkarnaen Xylofon' WHERE registration_id = ?`).run(someone.registration_id);
    expect((await app.as(app.adminToken, 'applicants.list', { q: 'Xylofon' })).rows.map((r) => r.registrationId)).toEqual([someone.registration_id]);
    s.prepare(`UPDATE applicants SET full_name = ? WHERE registration_id = ?`).run(someone.full_name, someone.registration_id);
    // Re-importing the same file changes nothing.
    expect(result(await importFile(app, app.adminToken, file))).toMatchObject({ inserted: 0, updated: 0, unchanged: 60_000, rejected: 0 });
  }, 120_000);

  it('a file read in its own thread keeps file order, rejects by row and column, and a refusal late in the file changes nothing', async () => {
    app = await createTestApp();
    const s = app.core.db.sqlite;
    // 40,000 rows (over 4 MB: read and checked in a worker thread while the job writes).
    const file = tempFile('threaded.csv', '');
    generateApplicantsCsv(file, 40_000, 5);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const fields = (i: number) => lines[i]!.split(',');
    const bad = fields(20_000);
    bad[5] = 'X'; // gender outside its list: row 20,001
    lines[20_000] = bad.join(',');
    lines[30_000] = [fields(10)[0], ...fields(30_000).slice(1)].join(','); // row 30,001 repeats row 11's registration_id
    const quoted = fields(25_000);
    quoted[3] = '"Budi, Jr."'; // quoted: checked value by value, between rows taken as lines
    lines[25_000] = quoted.join(',');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const r = result(await importFile(app, app.adminToken, file));
    expect(r).toMatchObject({ inserted: 39_998, rejected: 2 });
    expect(r.rejects.map((x) => [x.row, x.column])).toEqual([[20_001, 'gender'], [30_001, 'registration_id']]);
    expect(r.rejects[1]!.reason).toMatch(/baris 11\b/);
    // Rows are stored in file order: ids follow the file's rows (one rejected row before these).
    const ids = (regs: string[]) => regs.map((reg) => s.prepare('SELECT id FROM applicants WHERE registration_id = ?').pluck().get(reg));
    const reg = (i: number) => fields(i)[0]!;
    expect(ids([reg(24_999), reg(25_000), reg(25_001)])).toEqual([24_998, 24_999, 25_000]);
    expect(s.prepare('SELECT full_name FROM applicants WHERE registration_id = ?').pluck().get(reg(25_000))).toBe('Budi, Jr.');

    const before = tableState(app);
    const refused = tempFile('late-refusal.csv', `${lines.join('\n')}\n${applicantLine('Z-1', { full_name: 'x'.repeat(10_001) })}\n`);
    const job = await importFile(app, app.adminToken, refused);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/late-refusal\.csv, baris 40002.*lebih dari 10\.000 karakter/) });
    expect(tableState(app)).toEqual(before);
  }, 120_000);

  it('only reviewers and admins import; others get FORBIDDEN', async () => {
    app = await createTestApp();
    const manager = await app.userToken('manajer', 'manager');
    await expect(app.as(manager, 'applicants.import', { fileRef: 'abcdefabcdef' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reviewer = await app.userToken('reviewer', 'reviewer');
    const job = await importFile(app, reviewer, tempFile('r.csv', `${HEADER}\n${applicantLine('V-1')}\n`));
    expect(result(job).inserted).toBe(1);
    // Someone else's file reference is not found.
    const me = await app.as(reviewer, 'auth.me', {});
    const { registerLocalFile } = await import('../../electron/core/files/registry');
    const ref = await registerLocalFile(app.core, tempFile('x.csv', HEADER), me.id);
    const finance = await app.userToken('keuangan', 'finance');
    await expect(app.as(finance, 'imports.preview', { fileRef: ref.ref, kind: 'applicants' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await app.userToken('reviewer2', 'reviewer');
    await expect(app.as(other, 'imports.preview', { fileRef: ref.ref, kind: 'applicants' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('previews header, column match and the first 20 rows', async () => {
    app = await createTestApp();
    const rows = Array.from({ length: 30 }, (_, i) => applicantLine(`P-${i}`, {}, ';'));
    const file = tempFile('preview.csv', `${HEADER.replace('registered_at', 'Waktu').replace(/,/g, ';')};extra\n${rows.join('\n')}\n`);
    const me = await app.as(app.adminToken, 'auth.me', {});
    const { registerLocalFile } = await import('../../electron/core/files/registry');
    const ref = await registerLocalFile(app.core, file, me.id);
    const p = await app.as(app.adminToken, 'imports.preview', { fileRef: ref.ref, kind: 'applicants' });
    expect(p).toMatchObject({ format: 'csv', missing: ['registered_at'], extra: ['Waktu', 'extra'] });
    expect(p.rows).toHaveLength(20);
    expect(p.rows[0]!.row).toBe(2);
    expect(p.columns.find((c) => c.name === 'nik')).toEqual({ name: 'nik', required: true, index: 1 });
  });
});
