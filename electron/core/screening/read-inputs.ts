import type BetterSqlite3 from 'better-sqlite3';
import { instantMs, type ExclusionRow, type ParticipantRow, type RegistrationColumns } from '../../../shared/eligibility';

/** The register as the engine wants it, plus what the core needs to write results back by row id. */
export interface Register {
  columns: RegistrationColumns;
  /** applicants.id per registration, in the same order as the columns. */
  ids: Int32Array;
  versions: Int32Array;
  /** Province code as a number (two digits), for the summary by province. */
  provinces: Uint8Array;
}

const CHUNK = 65_536;

/**
 * Streams every registration in rowid order (a straight table scan; the engine sorts by instant itself).
 * Raw rows avoid an object per registration; registered_at is stored as the canonical UTC form.
 */
export function readRegister(sqlite: BetterSqlite3.Database, onChunk?: (done: number, total: number) => void): Register {
  const total = (sqlite.prepare('SELECT count(*) FROM applicants').pluck().get() as number) ?? 0;
  const registration_id: string[] = new Array(total);
  const nik: string[] = new Array(total);
  const kk: string[] = new Array(total);
  const birth_date: string[] = new Array(total);
  const gender: string[] = new Array(total);
  const registered_at = new Float64Array(total);
  const ids = new Int32Array(total);
  const versions = new Int32Array(total);
  const provinces = new Uint8Array(total);
  const rows = sqlite
    .prepare('SELECT id, registration_id, nik, kk, birth_date, gender, registered_at, version, province_code FROM applicants ORDER BY id')
    .raw()
    .iterate() as IterableIterator<[number, string, string, string, string, string, string, number, string]>;
  let i = 0;
  for (const r of rows) {
    if (i === total) throw new Error('applicants changed while being read');
    ids[i] = r[0];
    registration_id[i] = r[1];
    nik[i] = r[2];
    kk[i] = r[3];
    birth_date[i] = r[4];
    gender[i] = r[5];
    registered_at[i] = instantMs(r[6]);
    versions[i] = r[7];
    provinces[i] = Number(r[8]);
    if (++i % CHUNK === 0) onChunk?.(i, total);
  }
  if (i !== total) throw new Error('applicants changed while being read');
  return { columns: { registration_id, nik, kk, birth_date, gender, registered_at }, ids, versions, provinces };
}

/** Participants of published waves (the engine itself decides which count as of the date). */
export function readParticipants(sqlite: BetterSqlite3.Database): ParticipantRow[] {
  return (
    sqlite.prepare('SELECT nik, kk, wave_number, published_on, revoked_at FROM participants WHERE published_on IS NOT NULL ORDER BY id').all() as {
      nik: string;
      kk: string;
      wave_number: number;
      published_on: string;
      revoked_at: string | null;
    }[]
  ).map((p) => ({ nik: p.nik, kk: p.kk, wave: p.wave_number, published_on: p.published_on, revoked_at: p.revoked_at }));
}

/** Every exclusion entry, only its rule fields (they end up in details and fingerprints); the engine picks the active ones. */
export function readExclusions(sqlite: BetterSqlite3.Database): ExclusionRow[] {
  return sqlite.prepare('SELECT nik, list, valid_from, valid_to FROM exclusions ORDER BY id').all() as ExclusionRow[];
}

/** Which exclusion imports the run reads: every import whose entries are in the table now, with its entry count. */
export function exclusionImports(sqlite: BetterSqlite3.Database): { id: number; fileName: string | null; entries: number }[] {
  return sqlite
    .prepare(
      `SELECT e.import_run_id AS id, r.file_name AS fileName, count(*) AS entries FROM exclusions e
       LEFT JOIN import_runs r ON r.id = e.import_run_id WHERE e.import_run_id IS NOT NULL GROUP BY e.import_run_id ORDER BY e.import_run_id`,
    )
    .all() as { id: number; fileName: string | null; entries: number }[];
}
