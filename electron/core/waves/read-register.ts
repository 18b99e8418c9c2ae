import type BetterSqlite3 from 'better-sqlite3';
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
 * checked, then cut up here with one reused cells array. A chunk that does not come apart into exactly
 * its row count of fields, with the ids summing to what SQLite says (values holding those characters, an
 * expression giving NULL), is read again row by row. `+registered_at` keeps the planner on the rowid range.
 */
export function forEachRegistration(
  sqlite: BetterSqlite3.Database,
  cutoff: string,
  columns: readonly ReadColumn[],
  onRow: (cells: (string | number)[], plain: boolean) => void,
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
  const cells: string[] = new Array(width);
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
      let id = 0;
      for (let i = a; i < end; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return false;
        id = id * 10 + d;
      }
      sum += id;
      pos = end + 1;
    }
    return rows === count && sum === idSum;
  };

  /** Hands a well-formed chunk's rows to onRow, one reused cells array at a time. */
  const emit = (text: string) => {
    let pos = 0;
    const len = text.length;
    while (pos <= len) {
      let end = text.indexOf(RS, pos);
      if (end === -1) end = len;
      let a = pos;
      for (let f = 0; f < width - 1; f++) {
        const b = text.indexOf(FS, a);
        cells[f] = text.slice(a, b);
        a = b + 1;
      }
      cells[width - 1] = text.slice(a, end);
      onRow(cells, false);
      pos = end + 1;
    }
  };

  for (let lo = 0; lo < maxId; lo += CHUNK_IDS) {
    const [count, idSum, text] = joined.get(lo, lo + CHUNK_IDS, cutoff) as [number, number, string | null];
    if (count === 0) continue;
    if (text !== null && wellFormed(text, count, idSum)) emit(text);
    else for (const r of plain.iterate(lo, lo + CHUNK_IDS, cutoff) as IterableIterator<(string | number)[]>) onRow(r, true);
    done += count;
    onChunk?.(done);
  }
  return done;
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
  forEachRegistration(
    sqlite,
    cutoff,
    REGISTER_COLUMNS,
    (c, plain) => {
      if (n === total) throw new Error('applicants changed while being read');
      registration_id[n] = c[0] as string;
      nik[n] = c[1] as string;
      kk[n] = c[2] as string;
      birth_date[n] = c[3] as string;
      gender[n] = c[4] as string;
      registered_at[n] = plain ? instantMs(c[5] as string) : Number(c[5]);
      provinceCode[n] = c[6] as string;
      employmentStatus[n] = c[7] as string;
      versions[n] = Number(c[8]);
      ids[n] = Number(c[9]);
      n++;
    },
    (done) => onChunk?.(done, total),
  );
  if (n !== total) throw new Error('applicants changed while being read');
  return { columns: { registration_id, nik, kk, birth_date, gender, registered_at }, provinceCode, employmentStatus, ids, versions };
}
