import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../electron/core/export/columns';
import { writeCsv } from '../../electron/core/export/csv-writer';
import { writeXlsx } from '../../electron/core/export/xlsx-writer';

const columns: ColumnSpec[] = [
  { key: 'id', header: 'ID', type: 'text' },
  { key: 'name', header: 'Nama', type: 'text', width: 30 },
  { key: 'born', header: 'Tanggal lahir', type: 'date' },
  { key: 'at', header: 'Waktu daftar', type: 'datetime' },
  { key: 'score', header: 'Nilai', type: 'integer' },
  { key: 'paid', header: 'Dibayar', type: 'money' },
];

const DANGEROUS = ['=1+1', '+62812', '-5', '@SUM(A1)', '\t=cmd', '\r=x'];
const rows = [
  { id: 'R1', name: 'Budi, S.Kom.', born: '1999-06-05', at: '2026-05-03T01:15:00Z', score: 87, paid: 3_500_000 },
  { id: 'R2', name: 'Siti "Ika" Nur\nbaris dua', born: new Date(Date.UTC(1980, 0, 31)), at: '2026-05-03T08:15:00', score: null, paid: '600000' },
  ...DANGEROUS.map((name, i) => ({ id: `X${i}`, name, born: null, at: null, score: 0, paid: 0 })),
];

const tmp = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-test-')), name);

async function* asyncRows() {
  for (const r of rows) yield r;
}

describe('XLSX writer', () => {
  it('writes a formatted, filterable sheet with real dates, Rupiah and text that never becomes a formula', async () => {
    const file = tmp('out.xlsx');
    const progress: number[] = [];
    const result = await writeXlsx(file, columns, asyncRows(), { progress: (n) => progress.push(n), progressEvery: 3 });
    expect(result.rows).toBe(rows.length);
    expect(progress).toEqual([3, 6, 8]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(1);
    expect(header.values).toEqual([undefined, 'ID', 'Nama', 'Tanggal lahir', 'Waktu daftar', 'Nilai', 'Dibayar']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:F1');
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getColumn(1).width).toBeGreaterThan(5);

    const r2 = ws.getRow(2);
    expect(r2.getCell(2).value).toBe('Budi, S.Kom.');
    expect(r2.getCell(3).value).toEqual(new Date(Date.UTC(1999, 5, 5)));
    expect(r2.getCell(3).numFmt).toBe('yyyy-mm-dd');
    // 01:15 UTC is 08:15 in Jakarta: the cell shows Jakarta wall-clock time.
    expect(r2.getCell(4).value).toEqual(new Date(Date.UTC(2026, 4, 3, 8, 15)));
    expect(r2.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(r2.getCell(5).value).toBe(87);
    expect(r2.getCell(6).value).toBe(3_500_000);
    expect(r2.getCell(6).numFmt).toBe('"Rp"#,##0');
    const r3 = ws.getRow(3);
    expect(r3.getCell(2).value).toBe('Siti "Ika" Nur\nbaris dua');
    expect(r3.getCell(3).value).toEqual(new Date(Date.UTC(1980, 0, 31)));
    expect(r3.getCell(4).value).toEqual(new Date(Date.UTC(2026, 4, 3, 8, 15)));
    expect(r3.getCell(5).value).toBeNull();
    expect(r3.getCell(6).value).toBe(600_000);

    DANGEROUS.forEach((text, i) => {
      const cell = ws.getRow(4 + i).getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML normalises a raw CR to LF on reading; the cell stays text either way.
      expect(cell.value).toBe(text.startsWith('\r') ? text.replace('\r', '\n') : text);
      expect(cell.formula).toBeUndefined();
    });
  });

  it('stores formula-like text as a string cell in the sheet XML, never as <f>', async () => {
    const file = tmp('f.xlsx');
    await writeXlsx(file, [{ key: 'v', header: 'v', type: 'text' }], DANGEROUS.map((v) => ({ v })));
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toContain('<f>');
    // exceljs writes text as t="str" with a <v> and no <f>: a string, which Excel does not evaluate.
    expect(sheet).toContain('<c r="A2" s="1" t="str"><v>=1+1</v></c>');
    expect(sheet).toContain('<c r="A5" s="1" t="str"><v>@SUM(A1)</v></c>');
  });

  it('stops on cancellation and leaves no file behind', async () => {
    const file = tmp('c.xlsx');
    const many = Array.from({ length: 50 }, (_, i) => ({ id: String(i) }));
    let calls = 0;
    const cancel = () => {
      if (++calls === 2) throw new Error('cancelled');
    };
    await expect(writeXlsx(file, columns, many, { progressEvery: 10, checkCancelled: cancel })).rejects.toThrow('cancelled');
    await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('CSV writer', () => {
  it('writes UTF-8 with BOM, CRLF, RFC 4180 quoting and a quote prefix on formula-like text', async () => {
    const file = tmp('out.csv');
    const result = await writeCsv(file, columns, rows);
    expect(result.rows).toBe(rows.length);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('ID,Nama,Tanggal lahir,Waktu daftar,Nilai,Dibayar\r\n')).toBe(true);
    expect(text).toContain('R1,"Budi, S.Kom.",1999-06-05,2026-05-03T08:15:00+07:00,87,3500000\r\n');
    expect(text).toContain('"Siti ""Ika"" Nur\nbaris dua"');

    const parsed = parse(bytes, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(parsed).toHaveLength(rows.length);
    expect(parsed[1]).toEqual({ ID: 'R2', Nama: 'Siti "Ika" Nur\nbaris dua', 'Tanggal lahir': '1980-01-31', 'Waktu daftar': '2026-05-03T08:15:00+07:00', Nilai: '', Dibayar: '600000' });
    DANGEROUS.forEach((value, i) => expect(parsed[2 + i]!.Nama).toBe(`'${value}`));
    expect(parsed[2]!.Nilai).toBe('0');
  });

  it('reports progress and stops on cancellation, removing the partial file', async () => {
    const file = tmp('c.csv');
    const many = Array.from({ length: 25 }, (_, i) => ({ id: String(i) }));
    const seen: number[] = [];
    await writeCsv(tmp('p.csv'), columns, many, { progressEvery: 10, progress: (n) => seen.push(n) });
    expect(seen).toEqual([10, 20, 25]);
    await expect(writeCsv(file, columns, many, { progressEvery: 10, checkCancelled: () => { throw new Error('cancelled'); } })).rejects.toThrow('cancelled');
    expect(fs.existsSync(file)).toBe(false);
  });
});
