/**
 * Participants for the invoices tests and e2e, until waves publication (branch `waves`, migration 0006,
 * `wave publish`) creates them. Applicants come in through the real import; this one helper then turns
 * chosen registrations into participants of a published wave, the way publication would, and revokes
 * some. When waves lands, switch markParticipants to the real commands (create, open, close, select,
 * publish, participants expire) and keep the callers as they are.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export interface ParticipantSpec {
  registrationId: string;
  waveNumber?: number;
  /** The wave's publication date; default 2026-12-01. */
  publishedOn?: string;
  /** The date the revocation takes effect (the day after the 30-day deadline), if revoked. */
  revokedAt?: string | null;
}

/** Makes already imported applicants participants of a published wave (on the caller's connection, in one transaction). */
export function markParticipants(sqlite: BetterSqlite3.Database, specs: readonly ParticipantSpec[], now = new Date()): number {
  const insert = sqlite.prepare(
    `INSERT INTO participants (registration_id, applicant_id, nik, kk, wave_number, published_on, revoked_at, version, updated_at)
     SELECT registration_id, id, nik, kk, ?, ?, ?, 1, ? FROM applicants WHERE registration_id = ?`,
  );
  return sqlite.transaction(() => {
    let n = 0;
    for (const s of specs) {
      const r = insert.run(s.waveNumber ?? 1, s.publishedOn ?? '2026-12-01', s.revokedAt ?? null, now.toISOString(), s.registrationId);
      if (r.changes !== 1) throw new Error(`markParticipants: no applicant ${s.registrationId}`);
      n++;
    }
    return n;
  })();
}

/** markParticipants on a database file another process (the browser shell) has open: WAL lets both write. */
export function markParticipantsInFile(dbPath: string, specs: readonly ParticipantSpec[]): number {
  const sqlite = new BetterSqlite3(dbPath);
  try {
    sqlite.pragma('busy_timeout = 10000');
    return markParticipants(sqlite, specs);
  } finally {
    sqlite.close();
  }
}

/** Revokes a participant from a date (what `participants expire` will do). */
export function revokeParticipant(sqlite: BetterSqlite3.Database, registrationId: string, revokedAt: string): void {
  const r = sqlite.prepare('UPDATE participants SET revoked_at = ?, version = version + 1 WHERE registration_id = ?').run(revokedAt, registrationId);
  if (r.changes !== 1) throw new Error(`revokeParticipant: no participant ${registrationId}`);
}

export const SAMPLES = path.join(import.meta.dirname, '..', '..', 'resources', 'samples');
/** The sample participant with no purchase by the deadline (2026-12-31), revoked from 2027-01-01, who still bought on 2027-01-05. */
export const SAMPLE_REVOKED = 'PRK000000070';

/**
 * Wave 1 of the samples (scripts/generate-finance-samples.ts): every sample applicant whose NIK the
 * enrollments sample names, published 2026-12-01, and SAMPLE_REVOKED revoked from 2027-01-01.
 */
export function sampleWave(): ParticipantSpec[] {
  const rows = (file: string) =>
    fs
      .readFileSync(path.join(SAMPLES, file), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim() !== '');
  const niks = new Set(rows('enrollments-sample.csv').map((l) => l.split(',')[1]!));
  const specs: ParticipantSpec[] = [];
  for (const line of rows('applicants-sample.csv')) {
    const [registrationId, nik] = line.split(',');
    if (niks.has(nik!)) specs.push({ registrationId: registrationId!, publishedOn: '2026-12-01', revokedAt: registrationId === SAMPLE_REVOKED ? '2027-01-01' : null });
  }
  return specs;
}
