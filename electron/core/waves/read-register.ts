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
const FIELDS = 10;
const FS = '\x1f';
const RS = '\x1e';

/**
 * Every registration registered on or before `cutoff` (a UTC instant in the stored form), in rowid order.
 *
 * better-sqlite3 costs about a microsecond per row handed to JavaScript, more than the page reads
 * themselves; so SQLite concatenates each chunk of 65,536 rowids into one string (fields split by
 * U+001F, rows by U+001E), split here. A chunk whose values hold those characters (so the split
 * does not come out at ten fields a row) is read again row by row. `+registered_at` keeps the
 * planner on the rowid range rather than the registered_at index.
 */
export function readRegisterUntil(sqlite: BetterSqlite3.Database, cutoff: string, onChunk?: (done: number, total: number) => void): PoolRegister {
  const total = sqlite.prepare('SELECT count(*) FROM applicants WHERE registered_at <= ?').pluck().get(cutoff) as number;
  const maxId = (sqlite.prepare('SELECT max(id) FROM applicants').pluck().get() as number | null) ?? 0;
  const joined = sqlite.prepare(
    `SELECT count(*), group_concat(registration_id || char(31) || nik || char(31) || kk || char(31) || birth_date || char(31) || gender || char(31)
       || registered_at || char(31) || province_code || char(31) || employment_status || char(31) || id || char(31) || version, char(30))
     FROM applicants WHERE id > ? AND id <= ? AND +registered_at <= ?`,
  );
  const rowwise = sqlite.prepare(
    `SELECT registration_id, nik, kk, birth_date, gender, registered_at, province_code, employment_status, id, version
     FROM applicants WHERE id > ? AND id <= ? AND +registered_at <= ? ORDER BY id`,
  );
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
  const put = (f: readonly string[] | readonly (string | number)[]) => {
    if (n === total) throw new Error('applicants changed while being read');
    registration_id[n] = f[0] as string;
    nik[n] = f[1] as string;
    kk[n] = f[2] as string;
    birth_date[n] = f[3] as string;
    gender[n] = f[4] as string;
    registered_at[n] = instantMs(f[5] as string);
    provinceCode[n] = f[6] as string;
    employmentStatus[n] = f[7] as string;
    ids[n] = Number(f[8]);
    versions[n] = Number(f[9]);
    n++;
  };
  for (let lo = 0; lo < maxId; lo += CHUNK_IDS) {
    const [count, text] = joined.raw().get(lo, lo + CHUNK_IDS, cutoff) as [number, string | null];
    if (count === 0) continue;
    const lines = text!.split(RS);
    const split = lines.length === count ? lines.map((l) => l.split(FS)) : null;
    if (split && split.every((f) => f.length === FIELDS)) for (const f of split) put(f);
    else for (const r of rowwise.raw().iterate(lo, lo + CHUNK_IDS, cutoff) as IterableIterator<(string | number)[]>) put(r);
    onChunk?.(n, total);
  }
  if (n !== total) throw new Error('applicants changed while being read');
  return { columns: { registration_id, nik, kk, birth_date, gender, registered_at }, provinceCode, employmentStatus, ids, versions };
}
