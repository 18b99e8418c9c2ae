import type BetterSqlite3 from 'better-sqlite3';

/**
 * Reading the register in chunks joined by SQLite: the part of read-register.ts that the register
 * reader thread needs too, kept free of heavier imports so that the thread starts quickly.
 */

const FS = '\x1f';
const RS = '\x1e';

/** One value to read per registration: an SQL expression for the joined fast path and the plain column for the row-by-row one. */
export interface ReadColumn {
  joined: string;
  plain: string;
}

export const column = (name: string): ReadColumn => ({ joined: name, plain: name });

/**
 * One chunk of the register as SQLite hands it over: the registrations whose rowid lies in
 * (lo, lo + 65,536]. better-sqlite3 costs about a microsecond per row handed to JavaScript, more than
 * reading the pages; so SQLite joins the chunk into one string (fields split by U+001F, rows by U+001E)
 * with its row count and the sum of its ids. The one who cuts it up checks that it comes apart into
 * exactly that many rows of the right fields with those ids (values holding the separators, or an
 * expression giving NULL, would not: concat_ws leaves NULLs out) and else reads the chunk again row by
 * row ({@link plainChunk}). concat_ws makes each row's string once; `a || char(31) || b …` copied it
 * at every step (a third of the read).
 * Plain data, so a chunk can cross to another thread.
 */
export interface RegisterChunk {
  lo: number;
  count: number;
  idSum: number;
  text: string | null;
}

/** Rowids per chunk. */
export const CHUNK_IDS = 65_536;

/**
 * The chunks of every registration registered on or before `cutoff` (a UTC instant in the stored
 * form), in rowid order. The last column must be `id`. `+registered_at` keeps the planner on the rowid range.
 */
export function* registerChunks(sqlite: BetterSqlite3.Database, cutoff: string, columns: readonly ReadColumn[]): Generator<RegisterChunk> {
  const maxId = (sqlite.prepare('SELECT max(id) FROM applicants').pluck().get() as number | null) ?? 0;
  const joined = sqlite
    .prepare(
      `SELECT count(*), total(id), group_concat(concat_ws(char(31), ${columns.map((c) => c.joined).join(', ')}), char(30))
       FROM applicants WHERE id > ? AND id <= ? AND +registered_at <= ?`,
    )
    .raw();
  for (let lo = 0; lo < maxId; lo += CHUNK_IDS) {
    const [count, idSum, text] = joined.get(lo, lo + CHUNK_IDS, cutoff) as [number, number, string | null];
    if (count > 0) yield { lo, count, idSum, text };
  }
}

/** A chunk's rows read one by one, typed as SQLite returns them. */
export function plainChunk(sqlite: BetterSqlite3.Database, cutoff: string, columns: readonly ReadColumn[], lo: number): (string | number)[][] {
  return sqlite
    .prepare(`SELECT ${columns.map((c) => c.plain).join(', ')} FROM applicants WHERE id > ? AND id <= ? AND +registered_at <= ? ORDER BY id`)
    .raw()
    .all(lo, lo + CHUNK_IDS, cutoff) as (string | number)[][];
}

/**
 * Cuts a joined chunk up, checking it as it goes, and calls `row` for every row with one reused bounds
 * array: field f is `text.slice(bounds[f], bounds[f + 1] - 1)` (the last field's end is
 * `bounds[width] - 1` too), so a caller can decode numbers and small codes without slicing. Returns
 * false, having stopped somewhere, when the text does not come apart into exactly `count` rows of
 * `width` fields whose last fields (ids) sum to `idSum`: the caller drops what it got and reads the
 * chunk row by row.
 */
export function forEachJoinedRow(text: string, width: number, count: number, idSum: number, row: (text: string, bounds: Int32Array) => void): boolean {
  const bounds = new Int32Array(width + 1);
  const len = text.length;
  let rows = 0;
  let sum = 0;
  for (let pos = 0; pos <= len; ) {
    let end = text.indexOf(RS, pos);
    if (end === -1) end = len;
    bounds[0] = pos;
    for (let f = 1; f < width; f++) {
      const b = text.indexOf(FS, bounds[f - 1]!);
      if (b === -1 || b > end) return false;
      bounds[f] = b + 1;
    }
    const extra = text.indexOf(FS, bounds[width - 1]!);
    if ((extra !== -1 && extra < end) || ++rows > count) return false;
    const id = digitsValue(text, bounds[width - 1]!, end);
    if (id < 0) return false;
    sum += id;
    bounds[width] = end + 1;
    row(text, bounds);
    pos = end + 1;
  }
  return rows === count && sum === idSum;
}

/**
 * Where the first field of each of a joined chunk's first `count` rows lies, without checking the chunk:
 * the register reader hashes registration_ids with it while the chunk's own check happens elsewhere.
 */
export function forEachFirstField(text: string, count: number, value: (from: number, to: number, row: number) => void): void {
  const len = text.length;
  let row = 0;
  for (let pos = 0; pos <= len && row < count; row++) {
    let end = text.indexOf(RS, pos);
    if (end === -1) end = len;
    const first = text.indexOf(FS, pos);
    value(pos, first === -1 || first > end ? end : first, row);
    pos = end + 1;
  }
}

/**
 * The bounds of the first `width` fields (as {@link forEachJoinedRow} gives them, up to bounds[width]) of
 * each of a joined chunk's first `count` rows, without checking the chunk: for a reader whose results are
 * used only when the chunk's own check (elsewhere) passes, and then the bounds are the same.
 */
export function forEachRowStart(text: string, count: number, width: number, row: (text: string, bounds: Int32Array) => void): void {
  const bounds = new Int32Array(width + 1);
  for (let r = 0, pos = 0; r < count; r++) {
    bounds[0] = pos;
    for (let f = 1; f <= width; f++) {
      const b = text.indexOf(FS, bounds[f - 1]!);
      if (b === -1) return;
      bounds[f] = b + 1;
    }
    row(text, bounds);
    const end = text.indexOf(RS, bounds[width]!);
    if (end === -1) return;
    pos = end + 1;
  }
}

/** The non-negative integer written in text[a, b), or -1 when it is not only digits (or empty). */
export function digitsValue(text: string, a: number, b: number): number {
  if (b <= a) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Field f of a joined row. */
export const field = (text: string, bounds: Int32Array, f: number) => text.slice(bounds[f]!, bounds[f + 1]! - 1);

/** What screening reads of each registration; the first column is the registration_id (a wave selection's key input). */
export const REGISTER_COLUMNS: readonly ReadColumn[] = [
  column('registration_id'),
  column('nik'),
  column('kk'),
  column('birth_date'),
  column('gender'),
  column('registered_at'),
  column('province_code'),
  column('employment_status'),
  column('version'),
  column('id'),
];


const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The digit at text[i]; outside 0–9 for anything else. */
const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
/** Negative unless 0 <= v <= 9; several of them ORed are negative unless all are digits. */
const notDigit = (v: number) => v | (9 - v);

/**
 * Epoch milliseconds of text[a, b) in the stored form `YYYY-MM-DDTHH:MM:SS.sssZ`, by arithmetic (a
 * million Date.parse calls cost more than the rest of the row); NaN for anything else. Digits are read
 * one by one without a loop: this runs once per registration.
 */
export function canonicalInstantMs(text: string, a: number, b: number): number {
  if (b - a !== 24 || text.charCodeAt(a + 23) !== 90 || text.charCodeAt(a + 10) !== 84 || text.charCodeAt(a + 19) !== 46) return NaN;
  if (text.charCodeAt(a + 4) !== 45 || text.charCodeAt(a + 7) !== 45 || text.charCodeAt(a + 13) !== 58 || text.charCodeAt(a + 16) !== 58) return NaN;
  const y0 = digit(text, a), y1 = digit(text, a + 1), y2 = digit(text, a + 2), y3 = digit(text, a + 3);
  const mo0 = digit(text, a + 5), mo1 = digit(text, a + 6), d0 = digit(text, a + 8), d1 = digit(text, a + 9);
  const h0 = digit(text, a + 11), h1 = digit(text, a + 12), mi0 = digit(text, a + 14), mi1 = digit(text, a + 15);
  const s0 = digit(text, a + 17), s1 = digit(text, a + 18), ms0 = digit(text, a + 20), ms1 = digit(text, a + 21), ms2 = digit(text, a + 22);
  const dateDigits = notDigit(y0) | notDigit(y1) | notDigit(y2) | notDigit(y3) | notDigit(mo0) | notDigit(mo1) | notDigit(d0) | notDigit(d1);
  const timeDigits = notDigit(h0) | notDigit(h1) | notDigit(mi0) | notDigit(mi1) | notDigit(s0) | notDigit(s1) | notDigit(ms0) | notDigit(ms1) | notDigit(ms2);
  if ((dateDigits | timeDigits) < 0) return NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = mo0 * 10 + mo1;
  const d = d0 * 10 + d1;
  const h = h0 * 10 + h1;
  const mi = mi0 * 10 + mi1;
  const sec = s0 * 10 + s1;
  const ms = ms0 * 100 + ms1 * 10 + ms2;
  if (!(y >= 1970 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && sec < 60)) return NaN;
  const leap = mo > 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  const yearsBefore = y - 1;
  const days = (y - 1970) * 365 + (Math.floor(yearsBefore / 4) - 492) - (Math.floor(yearsBefore / 100) - 19) + (Math.floor(yearsBefore / 400) - 4) + DAYS_BEFORE_MONTH[mo]! + leap + d - 1;
  return ((days * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms;
}
