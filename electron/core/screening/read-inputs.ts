import type BetterSqlite3 from 'better-sqlite3';
import type { ExclusionRow, ParticipantRow, RegistrationColumns } from '../../../shared/eligibility';
import { readRegisterUntil } from './read-register';

/** The register as the engine wants it, plus what the core needs to write results back by row id. */
export interface Register {
  columns: RegistrationColumns;
  /** applicants.id per registration, in the same order as the columns. */
  ids: Int32Array;
  versions: Int32Array;
  /** Province code as a number (two digits), for the summary by province. */
  provinces: Uint8Array;
}

/** Later than any stored registered_at (`YYYY-MM-DDTHH:MM:SS.sssZ`, compared as text): the whole register. */
const EVERY_REGISTRATION = '9999-12-31T23:59:59.999Z';

/**
 * Every registration in rowid order (the engine sorts by instant itself), read in SQLite-joined chunks
 * as the wave selection reads its pool (read-register.ts).
 */
export function readRegister(sqlite: BetterSqlite3.Database, onChunk?: (done: number, total: number) => void): Register {
  const register = readRegisterUntil(sqlite, EVERY_REGISTRATION, onChunk);
  const n = register.ids.length;
  const provinces = new Uint8Array(n);
  for (let i = 0; i < n; i++) provinces[i] = Number(register.provinceCode[i]);
  return { columns: register.columns, ids: register.ids, versions: register.versions, provinces };
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
