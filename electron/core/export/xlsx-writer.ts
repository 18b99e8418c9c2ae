import { DEFAULT_WIDTH, JAKARTA_OFFSET_MS, toDateMs, toInstantMs, toNumber, type ColumnSpec, type ColumnType, type ExportOptions, type ExportResult, type ExportRow, type RowSource } from './columns';
import { openZip } from './zip-writer';

/**
 * Streams rows into an .xlsx file: the sheet XML is written here row by row and deflated into the
 * zip as it is produced (./zip-writer), so memory stays flat and 1M rows take seconds. Output: bold
 * filled header, frozen first row, autofilter over the header, column widths, dates as real Excel
 * dates (serial numbers, yyyy-mm-dd), datetimes as serials of the Asia/Jakarta wall-clock time,
 * money as integer Rupiah with "Rp"#,##0. Text is a string cell (`t="str"` with a `<v>`, no `<f>`:
 * what exceljs writes, and what Excel reads as a plain string), never a formula (DESIGN 4), with the
 * text number format so Excel does not re-read it on edit; characters XML 1.0 cannot hold become U+FFFD.
 */
export async function writeXlsx(path: string, columns: readonly ColumnSpec[], rows: RowSource, options: ExportOptions = {}): Promise<ExportResult> {
  const every = options.progressEvery ?? 10_000;
  const sheetName = safeSheetName(options.sheetName ?? 'Data');
  const zip = openZip(path, { level: ZIP_LEVEL });
  const keys = columns.map((c) => c.key);
  const cells = columns.map((c, i) => cellWriter(c.type, columnLetters(i)));
  const n = columns.length;
  let parts: string[] = [];
  let buffered = 0;
  let count = 0;

  /** Sends what is buffered to the zip; resolves when there is room for more (and the event loop had a turn). */
  const flush = async () => {
    if (buffered === 0) return;
    const text = parts.join('');
    parts = [];
    buffered = 0;
    const wait = zip.write(Buffer.from(text, 'utf8'));
    // Let other work on this thread (API calls, timers) run between chunks.
    await (wait ?? new Promise<void>((resolve) => setImmediate(resolve)));
  };

  const addRow = (row: ExportRow): boolean => {
    const r = String(++count + 1);
    let line = '<row r="' + r + '">';
    for (let i = 0; i < n; i++) line += cells[i]!(row[keys[i]!], r);
    line += '</row>';
    parts.push(line);
    buffered += line.length;
    if (count % every === 0) {
      options.checkCancelled?.();
      options.progress?.(count);
    }
    return buffered >= CHUNK_CHARS;
  };

  try {
    await zip.addEntry('[Content_Types].xml', CONTENT_TYPES);
    await zip.addEntry('_rels/.rels', ROOT_RELS);
    await zip.addEntry('xl/workbook.xml', workbookXml(sheetName, columns.length));
    await zip.addEntry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    await zip.addEntry('xl/styles.xml', STYLES);
    zip.startEntry('xl/worksheets/sheet1.xml');
    parts.push(sheetHead(columns));
    if (isSync(rows)) {
      for (const row of rows) if (addRow(row)) await flush();
    } else {
      for await (const row of rows) if (addRow(row)) await flush();
    }
    parts.push(`</sheetData><autoFilter ref="A1:${columnLetters(Math.max(0, n - 1))}1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    buffered = 1;
    await flush();
    await zip.endEntry();
    await zip.close();
  } catch (err) {
    await zip.abort().catch(() => undefined);
    throw err;
  }
  options.progress?.(count);
  return { path, rows: count };
}

/**
 * Deflate level of the sheet. On the 1M-applicant sheet (676 MB of XML): level 1 and 2 both cost
 * ~4 s of CPU (on the thread pool, beside the row building), 3 ~6 s, 6 ~12 s; 2 gives 122 MB, 6 106 MB.
 */
const ZIP_LEVEL = 2;
/** Characters of sheet XML per chunk handed to the zip (~1–2 MB of UTF-8). */
const CHUNK_CHARS = 1 << 20;

function isSync(rows: RowSource): rows is Iterable<ExportRow> {
  return typeof (rows as Iterable<ExportRow>)[Symbol.iterator] === 'function';
}

// Cell style ids: the order of cellXfs in STYLES.
const STYLE: Record<ColumnType, number> = { text: 1, integer: 2, money: 3, date: 4, datetime: 5 };
const HEADER_STYLE = 6;

/** XML 1.0 cannot hold these; a cell containing one would corrupt the workbook. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const XML_SPECIAL_ALL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Element-content escaping; control characters XML 1.0 forbids become U+FFFD (lone surrogates do on UTF-8 encoding). */
function xmlText(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (c) => ENTITY[c] ?? '\uFFFD') : text;
}

function xmlAttr(text: string): string {
  return text.replace(XML_SPECIAL_ALL, (c) => ENTITY[c] ?? '\uFFFD');
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const DAY_MS = 86_400_000;
/** Excel's serial for 1970-01-01 (the 1900 date system, as exceljs and every reader use it). */
const EPOCH_SERIAL = 25569;

type CellWriter = (value: unknown, row: string) => string;

/**
 * One column's cell serialiser: `<c>` with its reference and style, or '' for an empty value.
 * A value that is not what the column type expects is written as text rather than dropped.
 */
function cellWriter(type: ColumnType, letters: string): CellWriter {
  const open = '<c r="' + letters;
  const textTail = '" s="1" t="str"><v>';
  const numTail = `" s="${STYLE[type]}"><v>`;
  const text: CellWriter = (value, r) => {
    if (value === null || value === undefined || value === '') return '';
    return open + r + textTail + xmlText(typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : String(value)) + '</v></c>';
  };
  const number = (n: number, r: string) => open + r + numTail + n + '</v></c>';
  switch (type) {
    case 'text':
      return text;
    case 'integer':
    case 'money':
      return (value, r) => {
        const n = toNumber(value);
        return n === null ? text(value, r) : number(n, r);
      };
    case 'date':
      return (value, r) => {
        const ms = toDateMs(value);
        return ms === null ? text(value, r) : number(ms / DAY_MS + EPOCH_SERIAL, r);
      };
    case 'datetime':
      // Excel has no time zones: the serial is the Jakarta wall-clock time.
      return (value, r) => {
        const ms = toInstantMs(value);
        return ms === null ? text(value, r) : number((ms + JAKARTA_OFFSET_MS) / DAY_MS + EPOCH_SERIAL, r);
      };
  }
}

/** Excel's rules: 1–31 characters, none of []:*?/\ and not starting or ending with an apostrophe. */
function safeSheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return clean || 'Data';
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetHead(columns: readonly ColumnSpec[]): string {
  const cols = columns
    .map((c, i) => {
      const width = c.width ?? Math.max(DEFAULT_WIDTH[c.type], Math.min(40, c.header.length + 4));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" style="${STYLE[c.type]}" customWidth="1"/>`;
    })
    .join('');
  const header = columns.map((c, i) => `<c r="${columnLetters(i)}1" s="${HEADER_STYLE}" t="str"><v>${xmlText(c.header)}</v></c>`).join('');
  return (
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData><row r="1">${header}</row>`
  );
}

function workbookXml(sheetName: string, columnCount: number): string {
  const ref = `'${sheetName.replace(/'/g, "''")}'!$A$1:$${columnLetters(Math.max(0, columnCount - 1))}$1`;
  return (
    XML_DECL +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets><sheet name="${xmlAttr(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${xmlText(ref)}</definedName></definedNames>` +
    '</workbook>'
  );
}

const CONTENT_TYPES =
  XML_DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';

const ROOT_RELS =
  XML_DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

const WORKBOOK_RELS =
  XML_DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
  '</Relationships>';

/** cellXfs order is STYLE's: 0 default, 1 text (@), 2 integer (0), 3 Rupiah, 4 date, 5 datetime, 6 header. */
const STYLES =
  XML_DECL +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="&quot;Rp&quot;#,##0"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E78"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="7">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/>' +
  '</styleSheet>';
