import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { registerLocalFile } from '../../electron/core/files/registry';
import { ApiError } from '../../shared/api/errors';
import { createTestApp, type TestApp } from '../helpers/core';
import { tempFile } from '../helpers/applicants';

let app: TestApp;
afterEach(async () => app?.close());

async function read(file: string, kind: 'weights' | 'provinceQuotas', token = app.adminToken) {
  const me = await app.as(token, 'auth.me', {});
  const ref = await registerLocalFile(app.core, file, me.id);
  return app.as(token, 'waves.readSettingsFile', { fileRef: ref.ref, kind });
}

async function refusal(file: string, kind: 'weights' | 'provinceQuotas') {
  const err = await read(file, kind).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('wave settings files (DESIGN 4)', () => {
  it('reads weights from CSV (BOM, semicolons, capitals, extra columns) and province quotas from XLSX', async () => {
    app = await createTestApp();
    const weights = tempFile('bobot.csv', '\uFEFFCatatan;EMPLOYMENT_STATUS;Weight\r\nprioritas;unemployed;2\r\n;laid_off;1.5\r\n;;\r\n;employed;0.75\r\n');
    expect(await read(weights, 'weights')).toEqual({ fileName: 'bobot.csv', rows: 3, weights: { employed: 0.75, laid_off: 1.5, unemployed: 2 } });

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Kuota');
    sheet.addRow(['province_code', 'quota', 'keterangan']);
    sheet.addRow(['32', 1200, 'Jawa Barat']);
    sheet.addRow(['11', 0, 'Aceh: tidak ada kursi']);
    sheet.addRow([35, 800]);
    const xlsx = tempFile('kuota.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(await read(xlsx, 'provinceQuotas')).toEqual({ fileName: 'kuota.xlsx', rows: 3, provinces: { '11': 0, '32': 1200, '35': 800 } });
  });

  it('refuses a bad file naming the file, the row and the column of every problem', async () => {
    app = await createTestApp();
    const bad = await refusal(tempFile('bobot.csv', 'employment_status,weight\nunemployed,2\npengangguran,1\nlaid_off,0\nunemployed,3\ninformal,"1,5"\n'), 'weights');
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toMatch(/^File bobot\.csv, baris 3, kolom employment_status: "pengangguran" bukan employment_status/);
    expect(bad.issues).toEqual([
      { path: 'baris 3, kolom employment_status', message: expect.stringContaining('pengangguran') },
      { path: 'baris 4, kolom weight', message: 'weight harus angka lebih dari 0, bukan "0"' },
      { path: 'baris 5, kolom employment_status', message: 'unemployed sudah ada di baris 2' },
      { path: 'baris 6, kolom weight', message: expect.stringContaining('titik sebagai pemisah desimal') },
    ]);
    const quotas = await refusal(tempFile('kuota.csv', 'province_code;quota\n32;10\n99;5\n31;-1\n33;2.5\n'), 'provinceQuotas');
    expect(quotas.issues!.map((i) => i.path)).toEqual(['baris 3, kolom province_code', 'baris 4, kolom quota', 'baris 5, kolom quota']);
    expect((await refusal(tempFile('kuota.csv', 'provinsi,quota\n32,10\n'), 'provinceQuotas')).message).toMatch(/kuota\.csv: kolom wajib tidak ada: province_code/);
    expect((await refusal(tempFile('kosong.csv', 'province_code,quota\n'), 'provinceQuotas')).message).toMatch(/tidak memuat satu baris/);
    expect((await refusal(tempFile('lama.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])), 'weights')).message).toMatch(/\.xls/);
  });

  it('is for the staff who set up waves', async () => {
    app = await createTestApp();
    const maya = await app.userToken('maya', 'manager');
    const file = tempFile('bobot.csv', 'employment_status,weight\nunemployed,2\n');
    await expect(read(file, 'weights', maya)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
