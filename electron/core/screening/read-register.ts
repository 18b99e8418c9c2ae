import type BetterSqlite3 from 'better-sqlite3';
import { EMPLOYMENT_STATUSES, GENDERS } from '../../../shared/applicant-values';
import { instantMs, type RegistrationColumns } from '../../../shared/eligibility';

/** The register as screening reads it (the whole of it, or a wave's pool up to its cut-off), as columns: index i across all of them is one registration. */
export interface PoolRegister {
  columns: RegistrationColumns;
  provinceCode: string[];
  employmentStatus: string[];
  /** applicants.id and version, for overrides and for publication's check that nothing changed since. */
  ids: Int32Array;
  versions: Int32Array;
}

const FS = '\x1f';
const RS = '\x1e';

/** One value to read per registration: an SQL expression for the joined fast path and the plain column for the row-by-row one. */
export interface ReadColumn {
  joined: string;
  plain: string;
}

const column = (name: string): ReadColumn => ({ joined: name, plain: name });

/**
 * One chunk of the register as SQLite hands it over: the registrations whose rowid lies in
 * (lo, lo + 65,536]. better-sqlite3 costs about a microsecond per row handed to JavaScript, more than
 * reading the pages; so SQLite joins the chunk into one string (fields split by U+001F, rows by U+001E)
 * with its row count and the sum of its ids. The one who cuts it up checks that it comes apart into
 * exactly that many rows of the right fields with those ids (values holding the separators, or an
 * expression giving NULL, would not) and else reads the chunk again row by row ({@link plainChunk}).
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
      `SELECT count(*), total(id), group_concat(${columns.map((c) => c.joined).join(' || char(31) || ')}, char(30))
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
 * The first field of each of a joined chunk's first `count` rows, without checking the chunk: the
 * register reader hashes registration_ids with it while the chunk's own check happens elsewhere.
 */
export function forEachFirstField(text: string, count: number, value: (v: string, row: number) => void): void {
  const len = text.length;
  let row = 0;
  for (let pos = 0; pos <= len && row < count; row++) {
    let end = text.indexOf(RS, pos);
    if (end === -1) end = len;
    const first = text.indexOf(FS, pos);
    value(text.slice(pos, first === -1 || first > end ? end : first), row);
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

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/**
 * Values that repeat across a million rows (birth dates, genders, provinces, employment statuses) as
 * one shared string each, decoded from the text without slicing it: fewer strings to allocate and to
 * collect. Anything unexpected is sliced as it is.
 */
class Interner {
  private readonly dates = new Map<number, string>();

  date(text: string, a: number, b: number): string {
    if (b - a === 10 && text.charCodeAt(a + 4) === 45 && text.charCodeAt(a + 7) === 45) {
      const y = digitsValue(text, a, a + 4);
      const m = digitsValue(text, a + 5, a + 7);
      const d = digitsValue(text, a + 8, a + 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        const key = y * 10000 + m * 100 + d;
        let s = this.dates.get(key);
        if (s === undefined) this.dates.set(key, (s = text.slice(a, b)));
        return s;
      }
    }
    return text.slice(a, b);
  }

  twoDigits(text: string, a: number, b: number): string {
    if (b - a === 2) {
      const n = digitsValue(text, a, b);
      if (n >= 0) return TWO_DIGITS[n]!;
    }
    return text.slice(a, b);
  }

  oneOf(text: string, a: number, b: number, values: readonly string[]): string {
    for (const v of values) if (v.length === b - a && text.startsWith(v, a)) return v;
    return text.slice(a, b);
  }
}

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

/** The registrations up to a cut-off, counted in the reader's snapshot. */
export function countRegisteredUntil(sqlite: BetterSqlite3.Database, cutoff: string): number {
  return sqlite.prepare('SELECT count(*) FROM applicants WHERE registered_at <= ?').pluck().get(cutoff) as number;
}

/** Thrown when the chunks hold another number of registrations than the count: the register changed between two snapshots. */
export class RegisterChangedError extends Error {
  /** A stale read snapshot, as SQLite names it: the job runs again. */
  readonly code = 'SQLITE_BUSY_SNAPSHOT';
  constructor() {
    super('applicants changed while being read');
  }
}

/** Fills a {@link PoolRegister} of `total` registrations from {@link REGISTER_COLUMNS} chunks, in order. */
export class RegisterBuilder {
  private readonly registration_id: string[];
  private readonly nik: string[];
  private readonly kk: string[];
  private readonly birth_date: string[];
  private readonly gender: string[];
  private readonly registered_at: Float64Array;
  private readonly provinceCode: string[];
  private readonly employmentStatus: string[];
  private readonly ids: Int32Array;
  private readonly versions: Int32Array;
  private readonly intern = new Interner();
  private n = 0;

  constructor(private readonly total: number) {
    this.registration_id = new Array(total);
    this.nik = new Array(total);
    this.kk = new Array(total);
    this.birth_date = new Array(total);
    this.gender = new Array(total);
    this.registered_at = new Float64Array(total);
    this.provinceCode = new Array(total);
    this.employmentStatus = new Array(total);
    this.ids = new Int32Array(total);
    this.versions = new Int32Array(total);
  }

  /** Registrations added so far. */
  get length(): number {
    return this.n;
  }

  /**
   * Adds a chunk's rows; one that does not come apart cleanly is read again row by row through `plain`
   * (in the same snapshot), and its rowid range reported to `onPlain`.
   */
  add(chunk: RegisterChunk, plain: (lo: number) => (string | number)[][], onPlain?: (first: number, rows: number) => void): void {
    const first = this.n;
    if (first + chunk.count > this.total) throw new RegisterChangedError();
    if (chunk.text !== null && forEachJoinedRow(chunk.text, REGISTER_COLUMNS.length, chunk.count, chunk.idSum, this.joinedRow)) return;
    this.n = first;
    const rows = plain(chunk.lo);
    if (first + rows.length > this.total) throw new RegisterChangedError();
    for (const r of rows) this.plainRow(r);
    onPlain?.(first, rows.length);
  }

  private readonly joinedRow = (text: string, b: Int32Array) => {
    const i = this.n++;
    const intern = this.intern;
    this.registration_id[i] = field(text, b, 0);
    this.nik[i] = field(text, b, 1);
    this.kk[i] = field(text, b, 2);
    this.birth_date[i] = intern.date(text, b[3]!, b[4]! - 1);
    this.gender[i] = intern.oneOf(text, b[4]!, b[5]! - 1, GENDERS);
    this.registered_at[i] = storedInstantMs(text, b[5]!, b[6]! - 1);
    this.provinceCode[i] = intern.twoDigits(text, b[6]!, b[7]! - 1);
    this.employmentStatus[i] = intern.oneOf(text, b[7]!, b[8]! - 1, EMPLOYMENT_STATUSES);
    this.versions[i] = digitsValue(text, b[8]!, b[9]! - 1);
    this.ids[i] = digitsValue(text, b[9]!, b[10]! - 1);
  };

  private plainRow(c: (string | number)[]) {
    const i = this.n++;
    this.registration_id[i] = c[0] as string;
    this.nik[i] = c[1] as string;
    this.kk[i] = c[2] as string;
    this.birth_date[i] = c[3] as string;
    this.gender[i] = c[4] as string;
    this.registered_at[i] = instantMs(c[5] as string);
    this.provinceCode[i] = c[6] as string;
    this.employmentStatus[i] = c[7] as string;
    this.versions[i] = c[8] as number;
    this.ids[i] = c[9] as number;
  }

  finish(): PoolRegister {
    if (this.n !== this.total) throw new RegisterChangedError();
    const { registration_id, nik, kk, birth_date, gender, registered_at } = this;
    return { columns: { registration_id, nik, kk, birth_date, gender, registered_at }, provinceCode: this.provinceCode, employmentStatus: this.employmentStatus, ids: this.ids, versions: this.versions };
  }
}

/** Every registration registered on or before `cutoff`, as screening needs it, in rowid order, read on this thread. */
export function readRegisterUntil(sqlite: BetterSqlite3.Database, cutoff: string, onChunk?: (done: number, total: number) => void): PoolRegister {
  const total = countRegisteredUntil(sqlite, cutoff);
  const builder = new RegisterBuilder(total);
  for (const chunk of registerChunks(sqlite, cutoff, REGISTER_COLUMNS)) {
    builder.add(chunk, (lo) => plainChunk(sqlite, cutoff, REGISTER_COLUMNS, lo));
    onChunk?.(builder.length, total);
  }
  return builder.finish();
}

const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * Epoch milliseconds of text[a, b): the stored form `YYYY-MM-DDTHH:MM:SS.sssZ` by arithmetic (a
 * million Date.parse calls cost more than the rest of the row), anything else through instantMs.
 */
export function storedInstantMs(text: string, a: number, b: number): number {
  if (b - a === 24 && text.charCodeAt(a + 23) === 90 && text.charCodeAt(a + 10) === 84 && text.charCodeAt(a + 19) === 46) {
    const y = digitsValue(text, a, a + 4);
    const mo = digitsValue(text, a + 5, a + 7);
    const d = digitsValue(text, a + 8, a + 10);
    const h = digitsValue(text, a + 11, a + 13);
    const mi = digitsValue(text, a + 14, a + 16);
    const sec = digitsValue(text, a + 17, a + 19);
    const ms = digitsValue(text, a + 20, a + 23);
    if (y >= 1970 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && sec < 60 && ms >= 0 && text.charCodeAt(a + 4) === 45 && text.charCodeAt(a + 7) === 45) {
      const leap = mo > 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
      const yearsBefore = y - 1;
      const days = (y - 1970) * 365 + (Math.floor(yearsBefore / 4) - 492) - (Math.floor(yearsBefore / 100) - 19) + (Math.floor(yearsBefore / 400) - 4) + DAYS_BEFORE_MONTH[mo]! + leap + d - 1;
      return ((days * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms;
    }
  }
  return instantMs(text.slice(a, b));
}
