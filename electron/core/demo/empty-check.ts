import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { openSqlite } from '../db/connection';

/** What the demo fills, in the words the refusal uses: demo data goes only into a database without any of it. */
const PROGRAMME_TABLES = [
  ['applicants', 'pendaftar'],
  ['exclusions', 'entri daftar pengecualian'],
  ['waves', 'gelombang'],
  ['institutions', 'lembaga pelatihan'],
  ['trainings', 'pelatihan'],
  ['enrollments', 'pembelian pelatihan'],
  ['invoices', 'tagihan'],
] as const;

export type ProgrammeCounts = Record<(typeof PROGRAMME_TABLES)[number][0], number>;

export function countProgramme(sqlite: BetterSqlite3.Database): ProgrammeCounts {
  const counts = {} as ProgrammeCounts;
  for (const [table] of PROGRAMME_TABLES) counts[table] = sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return counts;
}

/** The same counts from a file, on a read-only connection of its own (the seed job's first check). */
export function countProgrammeIn(dbPath: string): ProgrammeCounts {
  const sqlite = openSqlite(dbPath, { readonly: true });
  try {
    return countProgramme(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * Demo data goes only into an empty database, so that it never mixes with real work and a failed seed
 * is never "retried" on top of its own remains.
 */
export function refuseNonEmpty(counts: ProgrammeCounts): void {
  if (counts.applicants > 0) {
    throw new ApiError('CONFLICT', `Data demo hanya dapat diisikan ke register yang masih kosong; register ini sudah berisi ${counts.applicants.toLocaleString('id-ID')} pendaftar.`);
  }
  const present = PROGRAMME_TABLES.filter(([table]) => counts[table] > 0).map(([table, word]) => `${counts[table].toLocaleString('id-ID')} ${word}`);
  if (present.length) {
    throw new ApiError('CONFLICT', `Data demo hanya dapat diisikan ke basis data yang masih kosong; basis data ini sudah berisi ${present.join(', ')}.`);
  }
}
