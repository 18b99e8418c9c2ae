import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicantExportResult } from '../../shared/api/applicants';
import { maskNik } from '../../shared/nik';
import { writeDemoCsvs } from '../../electron/core/demo/csv-files';
import { exportsDir, resolveFileRef } from '../../electron/core/files/registry';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';

let app: TestApp;
afterEach(async () => app?.close());

const NOW = new Date('2026-05-10T03:00:00Z');
const SLOW = 180_000;

async function exportAs(token: string, input: Parameters<TestApp['as']>[2] & object) {
  const { jobId } = await app.as(token, 'applicants.export', input as never);
  const job = await app.core.jobs.wait(jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  const result = job.result as ApplicantExportResult;
  const me = await app.as(token, 'auth.me', {});
  const file = await resolveFileRef(app.core.db.kysely, result.fileRef, { id: me.id, role: me.role });
  return { result, file, job };
}

async function readSheet(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

const readCsv = (file: string) => parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];

const auditExports = () =>
  (app.core.db.sqlite.prepare(`SELECT username, after_json FROM audit_log WHERE action = 'applicants.export' ORDER BY id`).all() as { username: string; after_json: string }[]).map(
    (r) => ({ username: r.username, ...JSON.parse(r.after_json) }) as Record<string, unknown>,
  );

describe('applicants.export', () => {
  it('writes the whole register to XLSX in the DESIGN 4 columns: dates as dates, Jakarta times, integer scores, formula-safe text', async () => {
    app = await createTestApp({ now: () => NOW });
    const lines = [
      applicantLine('R-001', { full_name: '=HYPERLINK("x")', registered_at: '2026-05-03T01:15:00Z', test_score: '87' }),
      applicantLine('R-002', { nik: '3273015505920002', birth_date: '1992-05-15', phone: '', education: '', test_score: '', registered_at: '2026-05-04T09:00:00' }),
      applicantLine('R-003', { nik: '3201010101950003', province_code: '32', regency_code: '3201', gender: 'L', registered_at: '2026-05-05T10:00:00+07:00' }),
    ];
    expect((await importFile(app, app.adminToken, tempFile('p.csv', `${HEADER}\n${lines.join('\n')}\n`))).state).toBe('done');

    const { result, file } = await exportAs(app.adminToken, { format: 'xlsx' });
    expect(result.rows).toBe(3);
    expect(result.fileName).toBe('pendaftar-2026-05-10.xlsx');
    expect(path.dirname(file.path)).toBe(exportsDir(app.dbPath));
    expect(file.origin).toBe('export');

    const ws = await readSheet(file.path);
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:N1');
    expect(ws.rowCount).toBe(4);
    const col = (name: string) => HEADER.split(',').indexOf(name) + 1;
    // Default order is the list's: by registration time.
    expect([2, 3, 4].map((r) => ws.getRow(r).getCell(col('registration_id')).value)).toEqual(['R-001', 'R-002', 'R-003']);
    const r1 = ws.getRow(2);
    expect(r1.getCell(col('nik')).value).toBe('3273014101900001');
    expect(r1.getCell(col('full_name')).value).toBe('=HYPERLINK("x")');
    expect(r1.getCell(col('full_name')).formula).toBeUndefined();
    expect(r1.getCell(col('birth_date')).value).toEqual(new Date(Date.UTC(1990, 0, 1)));
    expect(r1.getCell(col('birth_date')).numFmt).toBe('yyyy-mm-dd');
    // 01:15 UTC shows as 08:15 in Jakarta.
    expect(r1.getCell(col('registered_at')).value).toEqual(new Date(Date.UTC(2026, 4, 3, 8, 15)));
    expect(r1.getCell(col('test_score')).value).toBe(87);
    const r2 = ws.getRow(3);
    expect(r2.getCell(col('registered_at')).value).toEqual(new Date(Date.UTC(2026, 4, 4, 9, 0)));
    expect(r2.getCell(col('test_score')).value).toBeNull();
    expect(r2.getCell(col('phone')).value).toBeNull();

    expect(auditExports()).toEqual([
      { username: 'admin', format: 'xlsx', filter: {}, sort: { field: 'registeredAt', dir: 'asc' }, rows: 3, nikMasked: false, fileName: 'pendaftar-2026-05-10.xlsx' },
    ]);
  });

  it('gives a manager the current filter as CSV with NIK and KK masked, audited with the filter as they see it', async () => {
    app = await createTestApp({ now: () => NOW });
    const lines = [
      applicantLine('J-1', { nik: '3273014101900001', kk: '3273010000000001', province_code: '32', regency_code: '3273' }),
      applicantLine('J-2', { nik: '3273014101900002', kk: '3273010000000002', province_code: '32', regency_code: '3273', gender: 'L' }),
      applicantLine('B-1', { nik: '5171014101900003', kk: '5171010000000003', province_code: '51', regency_code: '5171' }),
    ];
    expect((await importFile(app, app.adminToken, tempFile('p.csv', `${HEADER}\n${lines.join('\n')}\n`))).state).toBe('done');
    const manager = await app.userToken('budi', 'manager');

    const { result, file } = await exportAs(manager, { format: 'csv', provinceCode: '32', sortField: 'registrationId', sortDir: 'desc' });
    expect(result).toMatchObject({ rows: 2, fileName: 'pendaftar-terfilter-2026-05-10.csv' });
    const rows = readCsv(file.path);
    expect(Object.keys(rows[0]!)).toEqual(HEADER.split(','));
    expect(rows.map((r) => [r.registration_id, r.nik, r.kk])).toEqual([
      ['J-2', '3273********0002', '3273********0002'],
      ['J-1', '3273********0001', '3273********0001'],
    ]);
    expect(rows[0]!.registered_at).toBe('2026-05-03T08:15:00+07:00');
    expect(rows[0]!.birth_date).toBe('1990-01-01');

    // A NIK searched for is masked in the manager's audit record too.
    await exportAs(manager, { format: 'csv', q: '5171014101900003' }).then(({ result: r }) => expect(r.rows).toBe(1));
    const records = auditExports();
    expect(records[0]).toMatchObject({ username: 'budi', format: 'csv', filter: { provinceCode: '32' }, sort: { field: 'registrationId', dir: 'desc' }, rows: 2, nikMasked: true });
    expect(records[1]).toMatchObject({ filter: { q: maskNik('5171014101900003') }, rows: 1 });

    // The file is its owner's: another non-admin cannot resolve it.
    const reviewer = await app.userToken('rina', 'reviewer');
    const rinaId = (await app.as(reviewer, 'auth.me', {})).id;
    await expect(resolveFileRef(app.core.db.kysely, result.fileRef, { id: rinaId, role: 'reviewer' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reads a large view chunk by chunk in exactly the list order, nullable sort columns included', { timeout: SLOW }, async () => {
    app = await createTestApp({ now: () => NOW });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-export-'));
    const demo = await writeDemoCsvs(dir, { count: 4500, seed: 'export-test', referenceDate: '2026-05-10' });
    expect((await importFile(app, app.adminToken, demo.applicants.path)).state).toBe('done');
    const sqlite = app.core.db.sqlite;
    const nulls = sqlite.prepare('SELECT count(*) FROM applicants WHERE test_score IS NULL').pluck().get() as number;
    expect(nulls).toBeGreaterThan(0);

    for (const [sortField, column, sortDir] of [
      ['testScore', 'test_score', 'desc'],
      ['education', 'education', 'asc'],
      ['fullName', 'full_name', 'asc'],
    ] as const) {
      const { result, file } = await exportAs(app.adminToken, { format: 'csv', sortField, sortDir });
      const expected = sqlite.prepare(`SELECT registration_id FROM applicants ORDER BY ${column} ${sortDir}, id ${sortDir}`).pluck().all();
      expect(result.rows).toBe(4500);
      expect(readCsv(file.path).map((r) => r.registration_id)).toEqual(expected);
      const page = await app.as(app.adminToken, 'applicants.list', { sortField, sortDir, pageSize: 100 });
      expect(page.rows.map((r) => r.registrationId)).toEqual(expected.slice(0, 100));
    }

    // A filter with a screening-free WHERE and the default sort: same rows as the list counts.
    const listed = await app.as(app.adminToken, 'applicants.list', { gender: 'P', ageMin: 25, ageMax: 40 });
    const { result } = await exportAs(app.adminToken, { format: 'xlsx', gender: 'P', ageMin: 25, ageMax: 40 });
    expect(result.rows).toBe(listed.total);
    expect(result.rows).toBeGreaterThan(0);
  });

  it('a cancelled export leaves no file, no download and no audit record', async () => {
    app = await createTestApp({ now: () => NOW });
    expect((await importFile(app, app.adminToken, tempFile('p.csv', `${HEADER}\n${applicantLine('R-1')}\n`))).state).toBe('done');
    const { jobId } = await app.as(app.adminToken, 'applicants.export', { format: 'xlsx' });
    await app.as(app.adminToken, 'jobs.cancel', { id: jobId });
    expect((await app.core.jobs.wait(jobId)).state).toBe('cancelled');
    const dir = exportsDir(app.dbPath);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    expect(app.core.db.sqlite.prepare(`SELECT count(*) FROM file_refs WHERE origin = 'export'`).pluck().get()).toBe(0);
    expect(auditExports()).toEqual([]);
  });

  it('refuses an unknown sort field and a bad filter before starting a job', async () => {
    app = await createTestApp({ now: () => NOW });
    await expect(app.as(app.adminToken, 'applicants.export', { format: 'xlsx', sortField: 'password' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.as(app.adminToken, 'applicants.export', { format: 'pdf' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.as(app.adminToken, 'applicants.export', { provinceCode: 'Jawa' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(app.core.jobs.list(null)).toEqual([]);
  });
});
