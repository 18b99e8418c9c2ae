import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { DEFAULT_WIDTH, JAKARTA_OFFSET_MS, toDateMs, toInstantMs, toNumber, type ColumnSpec, type ColumnType, type ExportOptions, type ExportResult, type RowSource } from './columns';

const NUM_FMT: Record<ColumnType, string | undefined> = {
  text: '@',
  integer: '0',
  money: '"Rp"#,##0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** XML 1.0 cannot hold these; a cell containing one would corrupt the workbook. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Streams rows into an .xlsx file with exceljs's WorkbookWriter (inline strings, rows committed as
 * they are written, so memory stays flat): bold filled header, frozen first row, autofilter, dates
 * as real Excel dates, datetimes shown in Asia/Jakarta, money as integer Rupiah with "Rp"#,##0.
 * Text is always written as a string cell, never as a formula (DESIGN 4: exceljs makes a formula
 * only from a {formula} object, and the text number format keeps Excel from re-reading it).
 */
export async function writeXlsx(path: string, columns: readonly ColumnSpec[], rows: RowSource, options: ExportOptions = {}): Promise<ExportResult> {
  const every = options.progressEvery ?? 10_000;
  const drainEvery = Math.min(every, 2_000);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Data', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width ?? Math.max(DEFAULT_WIDTH[c.type], Math.min(40, c.header.length + 4)), style: { numFmt: NUM_FMT[c.type]! } }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = sanitize(c.header);
    cell.numFmt = '@';
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
    cell.alignment = { vertical: 'middle' };
  });
  header.commit();

  const convert = columns.map((c) => cellConverter(c.type));
  // One shared style object per column: exceljs caches style ids by object identity, so this skips
  // its per-cell style serialisation (the slowest part of its row writer).
  const styles = columns.map((c) => ({ numFmt: NUM_FMT[c.type]! }) as Partial<ExcelJS.Style>);
  const values: ExcelJS.CellValue[] = new Array(columns.length);
  let count = 0;
  try {
    for await (const row of rows) {
      for (let i = 0; i < columns.length; i++) values[i] = convert[i]!(row[columns[i]!.key]);
      const added = sheet.addRow(values);
      for (let i = 0; i < columns.length; i++) added.getCell(i + 1).style = styles[i]!;
      added.commit();
      if (++count % drainEvery === 0) {
        await drained(workbook, sheet);
        if (count % every === 0) {
          options.checkCancelled?.();
          options.progress?.(count);
        }
      }
    }
    sheet.commit();
    await workbook.commit();
  } catch (err) {
    await removeQuietly(path, workbook);
    throw err;
  }
  options.progress?.(count);
  return { path, rows: count };
}

/** Node streams and archiver's readable-stream copies (which only have the _states). */
interface Buffered {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

const queuedIn = (s: Buffered | undefined) => (s?._writableState?.length ?? 0) + (s?._readableState?.length ?? 0);

const MAX_BUFFERED = 16 << 20;

/**
 * exceljs ignores back-pressure: its sheet buffer writes into the zip's deflate stream without waiting,
 * so a fast producer would queue the whole sheet in memory. Wait here until what is queued between
 * the sheet and the file (reached through exceljs internals, hence the defensive shape) is small.
 */
async function drained(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet): Promise<void> {
  const internals = workbook as unknown as { zip?: Buffered; stream?: Buffered };
  const sheetStream = (sheet as unknown as { stream?: { pipes?: Buffered[] } }).stream;
  const queued = () => queuedIn(internals.zip) + queuedIn(internals.stream) + (sheetStream?.pipes ?? []).reduce((sum, p) => sum + queuedIn(p), 0);
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (queued() > MAX_BUFFERED) await new Promise<void>((resolve) => setTimeout(resolve, 2));
}

function sanitize(text: string): string {
  return XML_INVALID.test(text) ? text.replace(XML_INVALID, '\uFFFD') : text;
}

function cellConverter(type: ColumnType): (value: unknown) => ExcelJS.CellValue {
  const text = (value: unknown): ExcelJS.CellValue => (value === null || value === undefined || value === '' ? null : sanitize(String(value)));
  switch (type) {
    case 'text':
      return text;
    case 'integer':
    case 'money':
      return (value) => toNumber(value) ?? text(value);
    case 'date':
      return (value) => {
        const ms = toDateMs(value);
        return ms === null ? text(value) : new Date(ms);
      };
    case 'datetime':
      // Excel has no time zones: write the Jakarta wall-clock time (exceljs serialises UTC fields).
      return (value) => {
        const ms = toInstantMs(value);
        return ms === null ? text(value) : new Date(ms + JAKARTA_OFFSET_MS);
      };
  }
}

async function removeQuietly(path: string, workbook: ExcelJS.stream.xlsx.WorkbookWriter): Promise<void> {
  try {
    const stream = (workbook as unknown as { stream?: NodeJS.WritableStream & { destroy?: () => void } }).stream;
    stream?.destroy?.();
  } catch {
    // already broken: nothing to close
  }
  await fs.promises.rm(path, { force: true }).catch(() => undefined);
}
