import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../electron/core/db/connection';
import { tempDbPath, TEST_PASSWORD } from '../helpers/core';
import { runCliCaptured } from '../helpers/cli';
import { HEADER, applicantLine, tempFile } from '../helpers/applicants';

const PW = { PRAKERJA_PASSWORD: TEST_PASSWORD };
// Each command opens the database and starts a worker: generous on a busy 2-core machine.
const SLOW = 180_000;

/** A database with an admin, a reviewer and a manager, all added through the CLI. */
async function cliDb(): Promise<string> {
  const db = tempDbPath();
  expect((await runCliCaptured(['--db', db, 'users', 'add', 'admin', '--role', 'admin'], PW)).code).toBe(0);
  for (const [name, role] of [['rina', 'reviewer'], ['budi', 'manager']]) {
    expect((await runCliCaptured(['--db', db, '--user', 'admin', 'users', 'add', name!, '--role', role!], PW)).code).toBe(0);
  }
  return db;
}

const cli = (db: string, user: string, ...args: string[]) => runCliCaptured(['--db', db, '--json', '--user', user, ...args]);

function query<T>(db: string, sql: string): T[] {
  const sqlite = openSqlite(db, { readonly: true });
  try {
    return sqlite.prepare(sql).all() as T[];
  } finally {
    sqlite.close();
  }
}

describe('prakerja-office import', () => {
  it('prints the DESIGN 7 keys with every reject, changes nothing on a re-import, and refuses an unusable file', async () => {
    const db = await cliDb();
    const file = tempFile('pendaftar.csv', [
      HEADER,
      applicantLine('A-1'),
      applicantLine('A-2', { nik: '3273014101900002', gender: 'X' }),
      applicantLine('A-3', { nik: '3273014101900003', birth_date: '1990-02-30' }),
      applicantLine('A-4', { nik: '3273014101900004' }),
      applicantLine('A-1', { nik: '3273014101900005' }),
    ].join('\n') + '\n');

    const first = await cli(db, 'rina', 'import', 'applicants', file);
    expect(first.code, first.stderr).toBe(0);
    const out = first.json();
    expect(out).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 3 });
    expect(out.rejects).toEqual([
      { row: 3, column: 'gender', reason: expect.any(String) },
      { row: 4, column: 'birth_date', reason: expect.any(String) },
      { row: 6, column: 'registration_id', reason: expect.stringMatching(/baris 2/) },
    ]);

    const again = await cli(db, 'rina', 'import', 'applicants', file);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect(query(db, `SELECT username FROM audit_log WHERE action = 'applicants.import'`)).toEqual([{ username: 'rina' }, { username: 'rina' }]);

    // People get a summary line and the rejects; no progress chatter when stderr is not a terminal.
    const text = await runCliCaptured(['--db', db, '--user', 'admin', 'import', 'applicants', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/0 baru, 0 diperbarui, 2 tidak berubah, 3 ditolak/);
    expect(text.stdout).toMatch(/baris 3, kolom gender/);
    expect(text.stderr).toBe('');

    const missing = tempFile('tanpa-nik.csv', 'registration_id,full_name\nX-1,Budi\n');
    const refused = await cli(db, 'rina', 'import', 'applicants', missing);
    expect(refused.code).toBe(1);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/tanpa-nik\.csv.*nik/s) });
    const absent = await cli(db, 'rina', 'import', 'applicants', path.join(os.tmpdir(), 'tidak-ada-sama-sekali.csv'));
    expect(absent.code).toBe(1);
    expect(absent.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await cli(db, 'budi', 'import', 'applicants', file)).json().error).toMatchObject({ code: 'FORBIDDEN' });
    const badKind = await cli(db, 'rina', 'import', 'invoices', file);
    expect(badKind.code).toBe(2);
    expect(query(db, 'SELECT count(*) AS n FROM applicants')).toEqual([{ n: 2 }]);

    const exclusions = tempFile('pengecualian.csv', 'nik,list,valid_from,valid_to,source\n3273014101900001,ASN,2020-01-01,,BKN\n3273014101900002,NOPE,,,x\n');
    const ex = await cli(db, 'rina', 'import', 'exclusions', exclusions);
    expect(ex.json()).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, rejected: 1, rejects: [{ row: 3, column: 'list' }] });
  }, SLOW);
});

describe('prakerja-office export applicants', () => {
  it('writes the register to --out in the format of its extension, masked for a manager', async () => {
    const db = await cliDb();
    const file = tempFile('p.csv', [HEADER, applicantLine('A-1'), applicantLine('A-2', { nik: '3273014101900002', test_score: '' })].join('\n') + '\n');
    expect((await cli(db, 'rina', 'import', 'applicants', file)).code).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-cli-export-'));

    const xlsx = await cli(db, 'budi', 'export', 'applicants', '--out', path.join(dir, 'sub', 'pendaftar.xlsx'));
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.json()).toEqual({ report: 'applicants', out: path.join(dir, 'sub', 'pendaftar.xlsx'), format: 'xlsx', rows: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'sub', 'pendaftar.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(2).value).toBe('3273********0001');
    expect(ws.getRow(2).getCell(5).value).toBeInstanceOf(Date);

    const csv = await cli(db, 'rina', 'export', 'applicants', '--out', path.join(dir, 'pendaftar.csv'));
    expect(csv.json()).toMatchObject({ report: 'applicants', format: 'csv', rows: 2 });
    const rows = parse(fs.readFileSync(path.join(dir, 'pendaftar.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.registration_id, r.nik, r.test_score])).toEqual([['A-1', '3273014101900001', '80'], ['A-2', '3273014101900002', '']]);

    expect(query<{ username: string; n: string }>(db, `SELECT username, json_extract(after_json, '$.rows') AS n FROM audit_log WHERE action = 'applicants.export' ORDER BY id`)).toEqual([
      { username: 'budi', n: 2 },
      { username: 'rina', n: 2 },
    ]);
    const pdf = await cli(db, 'rina', 'export', 'applicants', '--out', path.join(dir, 'x.pdf'));
    expect(pdf.code).toBe(1);
    expect(pdf.json().error).toMatchObject({ code: 'VALIDATION' });
  }, SLOW);
});

describe('prakerja-office demo seed', () => {
  it('is deterministic for a seed, admin only, and only into an empty register', async () => {
    const firstIds = (db: string) => query<{ registration_id: string }>(db, 'SELECT registration_id FROM applicants ORDER BY id LIMIT 25').map((r) => r.registration_id);
    const runs = [];
    for (const seed of ['jakarta', 'jakarta', 'bandung']) {
      const db = await cliDb();
      const out = await cli(db, 'admin', 'demo', 'seed', '--applicants', '1000', '--seed', seed);
      expect(out.code, out.stderr).toBe(0);
      runs.push({ db, out: out.json() });
    }
    const [a, b, c] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    expect(a.out).toMatchObject({ seed: 'jakarta', total: 1000, applicants: { rows: 1000, inserted: 1000, rejected: 0 }, exclusions: { rejected: 0 } });
    expect(b.out).toEqual(expect.objectContaining({ total: a.out.total, exclusions: expect.objectContaining({ inserted: (a.out.exclusions as { inserted: number }).inserted }) }));
    expect(firstIds(b.db)).toEqual(firstIds(a.db));
    expect(query(b.db, 'SELECT nik, full_name, birth_date FROM applicants ORDER BY id')).toEqual(query(a.db, 'SELECT nik, full_name, birth_date FROM applicants ORDER BY id'));
    expect(query(c.db, 'SELECT nik FROM applicants ORDER BY id LIMIT 25')).not.toEqual(query(a.db, 'SELECT nik FROM applicants ORDER BY id LIMIT 25'));

    const again = await cli(a.db, 'admin', 'demo', 'seed', '--applicants', '1000');
    expect(again.code).toBe(1);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT' });
    const db = await cliDb();
    expect((await cli(db, 'rina', 'demo', 'seed', '--applicants', '1000')).json().error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await cli(db, 'admin', 'demo', 'seed', '--applicants', 'banyak')).code).toBe(2);
    expect(query(db, 'SELECT count(*) AS n FROM applicants')).toEqual([{ n: 0 }]);
  }, SLOW);
});
