import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ApiError } from '../../../../shared/api/errors';
import { CsvReader, detectDelimiter } from './csv-reader';

export const MAX_CELL_CHARS = 10_000;
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;

export interface TableRecord {
  /** Spreadsheet row number: the header is 1. */
  row: number;
  values: string[];
  /** A CSV record without quotes: its text, of which values are the split on `delimiter`. */
  line?: string;
}

export interface TableChunk {
  records: TableRecord[];
  /** The CSV separator (records' `line`s split on it); absent for XLSX. */
  delimiter?: string;
  /** Bytes of the file consumed so far (for the progress estimate). */
  bytesRead: number;
}

export interface TableFile {
  path: string;
  /** The name the user knows the file by, for messages. */
  name: string;
  maxBytes?: number;
}

export type TableFormat = 'csv' | 'xlsx';

/** Decides CSV or XLSX by content, refusing empty, oversized and other files with a message naming the file. */
export function sniffTable(file: TableFile): { format: TableFormat; size: number } {
  let size: number;
  try {
    size = fs.statSync(file.path).size;
  } catch {
    throw new ApiError('NOT_FOUND', `File ${file.name} tidak ditemukan atau tidak dapat dibaca.`);
  }
  const max = file.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (size > max) {
    throw new ApiError('VALIDATION', `File ${file.name} terlalu besar (${formatBytes(size)}; batas ${formatBytes(max)}). File tidak diimpor.`);
  }
  const head = Buffer.alloc(Math.min(size, 4096));
  const fd = fs.openSync(file.path, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (size === 0 || text.trim() === '') throw new ApiError('VALIDATION', `File ${file.name} kosong. File tidak diimpor.`);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { format: 'xlsx', size };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new ApiError('VALIDATION', `File ${file.name} berformat Excel lama (.xls). Simpan ulang sebagai .xlsx atau CSV, lalu impor lagi.`);
  }
  if (head.includes(0)) throw new ApiError('VALIDATION', `File ${file.name} bukan CSV maupun XLSX. File tidak diimpor.`);
  return { format: 'csv', size };
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads a CSV or XLSX file as records of text values, in chunks. The first record is the header. */
export function readTable(file: TableFile, format: TableFormat): AsyncGenerator<TableChunk> {
  return format === 'csv' ? readCsv(file) : readXlsx(file);
}

async function* readCsv(file: TableFile): AsyncGenerator<TableChunk> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let reader: CsvReader | null = null;
  let delimiter: string | undefined;
  let bytesRead = 0;
  let records: TableRecord[] = [];
  const onRecord = (values: string[], row: number, line?: string) => {
    records.push(line === undefined ? { row, values } : { row, values, line });
  };
  const decode = (chunk: Buffer | undefined) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new ApiError('VALIDATION', `File ${file.name} bukan teks UTF-8 (mungkin bukan CSV, atau disimpan dengan pengodean lain). Simpan sebagai "CSV UTF-8" lalu impor lagi.`);
    }
  };
  for await (const chunk of fs.createReadStream(file.path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    bytesRead += buf.length;
    const text = decode(buf);
    delimiter ??= detectDelimiter(text);
    reader ??= new CsvReader(file.name, delimiter, MAX_CELL_CHARS);
    reader.push(text, false, onRecord);
    if (records.length) {
      yield { records, delimiter, bytesRead };
      records = [];
    }
  }
  const tail = decode(undefined);
  delimiter ??= detectDelimiter(tail);
  reader ??= new CsvReader(file.name, delimiter, MAX_CELL_CHARS);
  reader.push(tail, true, onRecord);
  if (records.length) yield { records, delimiter, bytesRead };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An XLSX cell as the text a CSV would hold: dates without zone (Excel has none), whole numbers without exponent. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e15 ? BigInt(value).toString() : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const d = value;
    const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
    return time === 0 && d.getUTCMilliseconds() === 0 ? date : `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return '';
  }
  return String(value);
}

async function* readXlsx(file: TableFile): AsyncGenerator<TableChunk> {
  const stream = fs.createReadStream(file.path, { highWaterMark: 1 << 20 });
  let bytesRead = 0;
  stream.on('data', (c) => (bytesRead += c.length));
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let records: TableRecord[] = [];
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        const texts = new Array<string>(values.length);
        for (let i = 0; i < values.length; i++) {
          const t = cellText(values[i] ?? null);
          if (t.length > MAX_CELL_CHARS) {
            throw new ApiError('VALIDATION', `File ${file.name}, baris ${row.number}, kolom ke-${i + 1}: isian lebih dari ${MAX_CELL_CHARS.toLocaleString('id-ID')} karakter. File tidak diimpor.`);
          }
          texts[i] = t;
        }
        records.push({ row: row.number, values: texts });
        if (records.length >= 1000) {
          yield { records, bytesRead };
          records = [];
        }
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('VALIDATION', `File ${file.name} bukan file XLSX yang dapat dibaca (${(err as Error).message}). File tidak diimpor.`);
  } finally {
    stream.destroy();
  }
  if (records.length) yield { records, bytesRead };
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toLocaleString('id-ID', { maximumFractionDigits: 1 })} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
  return `${n.toLocaleString('id-ID')} byte`;
}
