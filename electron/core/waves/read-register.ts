import type BetterSqlite3 from 'better-sqlite3';
import { EMPLOYMENT_STATUSES, GENDERS } from '../../../shared/applicant-values';
import { instantMs, type RegistrationColumns } from '../../../shared/eligibility';

/** The registrations a wave's pool is drawn from, as columns (index i across all of them is one registration). */
export interface PoolRegister {
  columns: RegistrationColumns;
  provinceCode: string[];
  employmentStatus: string[];
  /** applicants.id and version, for overrides and for publication's check that nothing changed since. */
  ids: Int32Array;
  versions: Int32Array;
}

const CHUNK_IDS = 65_536;
const FS = '\x1f';
const RS = '\x1e';

/** One value to read per registration: an SQL expression for the joined fast path and the plain column for the row-by-row one. */
export interface ReadColumn {
  joined: string;
  plain: string;
}

const column = (name: string): ReadColumn => ({ joined: name, plain: name });

/**
 * Calls `onRow` for every registration registered on or before `cutoff` (a UTC instant in the stored
 * form), in rowid order, with its cells (always strings on the fast path; `plain` true when they come
 * from the plain columns, typed as SQLite returns them). The last column must be `id`.
 *
 * better-sqlite3 costs about a microsecond per row handed to JavaScript, more than reading the pages;
 * so SQLite joins each chunk of 65,536 rowids into one string (fields split by U+001F, rows by U+001E),
 * checked, then cut up here (numbers and repeating codes decoded without slicing). A chunk that does not come apart into exactly
 * its row count of fields, with the ids summing to what SQLite says (values holding those characters, an
 * expression giving NULL), is read again row by row. `+registered_at` keeps the planner on the rowid range.
 */
export interface RowHandlers {
  /**
   * A row of a joined chunk: field f is `text.slice(bounds[f], bounds[f + 1] - 1)` (the last field's
   * end is `bounds[width] - 1` too), so a caller can decode numbers and small codes without slicing.
   */
  joined(text: string, bounds: Int32Array): void;
  /** A row read row by row, typed as SQLite returns it. */
  plain(row: (string | number)[]): void;
}

export function forEachRegistration(
  sqlite: BetterSqlite3.Database,
  cutoff: string,
  columns: readonly ReadColumn[],
  handlers: RowHandlers,
  onChunk?: (done: number) => void,
): number {
  const width = columns.length;
  const maxId = (sqlite.prepare('SELECT max(id) FROM applicants').pluck().get() as number | null) ?? 0;
  const joined = sqlite
    .prepare(
      `SELECT count(*), total(id), group_concat(${columns.map((c) => c.joined).join(' || char(31) || ')}, char(30))
       FROM applicants WHERE id > ? AND id <= ? AND +registered_at <= ?`,
    )
    .raw();
  const plain = sqlite.prepare(`SELECT ${columns.map((c) => c.plain).join(', ')} FROM applicants WHERE id > ? AND id <= ? AND +registered_at <= ? ORDER BY id`).raw();
  const bounds = new Int32Array(width + 1);
  let done = 0;

  /** Whether the chunk's text comes apart into `count` rows of `width` fields whose ids sum to `idSum`. */
  const wellFormed = (text: string, count: number, idSum: number): boolean => {
    let rows = 0;
    let sum = 0;
    let pos = 0;
    const len = text.length;
    while (pos <= len) {
      let end = text.indexOf(RS, pos);
      if (end === -1) end = len;
      let a = pos;
      for (let f = 0; f < width - 1; f++) {
        const b = text.indexOf(FS, a);
        if (b === -1 || b > end) return false;
        a = b + 1;
      }
      const next = text.indexOf(FS, a);
      if ((next !== -1 && next < end) || ++rows > count) return false;
      const id = digitsValue(text, a, end);
      if (id < 0) return false;
      sum += id;
      pos = end + 1;
    }
    return rows === count && sum === idSum;
  };

  /** Hands a well-formed chunk's rows to the handler, one reused bounds array at a time. */
  const emit = (text: string) => {
    let pos = 0;
    const len = text.length;
    while (pos <= len) {
      let end = text.indexOf(RS, pos);
      if (end === -1) end = len;
      bounds[0] = pos;
      for (let f = 1; f < width; f++) bounds[f] = text.indexOf(FS, bounds[f - 1]!) + 1;
      bounds[width] = end + 1;
      handlers.joined(text, bounds);
      pos = end + 1;
    }
  };

  for (let lo = 0; lo < maxId; lo += CHUNK_IDS) {
    const [count, idSum, text] = joined.get(lo, lo + CHUNK_IDS, cutoff) as [number, number, string | null];
    if (count === 0) continue;
    if (text !== null && wellFormed(text, count, idSum)) emit(text);
    else for (const r of plain.iterate(lo, lo + CHUNK_IDS, cutoff) as IterableIterator<(string | number)[]>) handlers.plain(r);
    done += count;
    onChunk?.(done);
  }
  return done;
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

const REGISTER_COLUMNS: readonly ReadColumn[] = [
  column('registration_id'),
  column('nik'),
  column('kk'),
  column('birth_date'),
  column('gender'),
  // The instant as epoch milliseconds, computed by SQLite; the row-by-row path parses the stored text.
  { joined: `CAST(round(unixepoch(registered_at, 'subsec') * 1000) AS INTEGER)`, plain: 'registered_at' },
  column('province_code'),
  column('employment_status'),
  column('version'),
  column('id'),
];

/** Every registration registered on or before `cutoff`, as the pool's screening needs it, in rowid order. */
export function readRegisterUntil(sqlite: BetterSqlite3.Database, cutoff: string, onChunk?: (done: number, total: number) => void): PoolRegister {
  const total = sqlite.prepare('SELECT count(*) FROM applicants WHERE registered_at <= ?').pluck().get(cutoff) as number;
  const registration_id: string[] = new Array(total);
  const nik: string[] = new Array(total);
  const kk: string[] = new Array(total);
  const birth_date: string[] = new Array(total);
  const gender: string[] = new Array(total);
  const registered_at = new Float64Array(total);
  const provinceCode: string[] = new Array(total);
  const employmentStatus: string[] = new Array(total);
  const ids = new Int32Array(total);
  const versions = new Int32Array(total);
  let n = 0;
  const intern = new Interner();
  const next = () => {
    if (n === total) throw new Error('applicants changed while being read');
    return n++;
  };
  forEachRegistration(
    sqlite,
    cutoff,
    REGISTER_COLUMNS,
    {
      joined(text, b) {
        const i = next();
        registration_id[i] = field(text, b, 0);
        nik[i] = field(text, b, 1);
        kk[i] = field(text, b, 2);
        birth_date[i] = intern.date(text, b[3]!, b[4]! - 1);
        gender[i] = intern.oneOf(text, b[4]!, b[5]! - 1, GENDERS);
        const at = digitsValue(text, b[5]!, b[6]! - 1);
        registered_at[i] = at >= 0 ? at : Number(field(text, b, 5));
        provinceCode[i] = intern.twoDigits(text, b[6]!, b[7]! - 1);
        employmentStatus[i] = intern.oneOf(text, b[7]!, b[8]! - 1, EMPLOYMENT_STATUSES);
        versions[i] = digitsValue(text, b[8]!, b[9]! - 1);
        ids[i] = digitsValue(text, b[9]!, b[10]! - 1);
      },
      plain(c) {
        const i = next();
        registration_id[i] = c[0] as string;
        nik[i] = c[1] as string;
        kk[i] = c[2] as string;
        birth_date[i] = c[3] as string;
        gender[i] = c[4] as string;
        registered_at[i] = instantMs(c[5] as string);
        provinceCode[i] = c[6] as string;
        employmentStatus[i] = c[7] as string;
        versions[i] = c[8] as number;
        ids[i] = c[9] as number;
      },
    },
    (done) => onChunk?.(done, total),
  );
  if (n !== total) throw new Error('applicants changed while being read');
  return { columns: { registration_id, nik, kk, birth_date, gender, registered_at }, provinceCode, employmentStatus, ids, versions };
}
