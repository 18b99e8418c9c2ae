import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { isIsoDate } from '../../../shared/eligibility';
import { cardNumber, jakartaDate, purchaseDeadline, revocationDate } from '../../../shared/waves';
import { appendAuditSync } from '../audit/chain';
import { openSqlite } from '../db/connection';
import type { WaveJobContext } from './job-context';
import { getWaveRow, type WaveRow } from './wave-record';

export interface PublicationParams {
  number: number;
  /** The announcement date, `YYYY-MM-DD`; the handler fills in today (Asia/Jakarta). */
  date: string;
  /** When publication was asked for (the handler's clock), recorded as the publication time. */
  requestedAt?: string;
}

export interface PublicationOutcome {
  wave: number;
  publishedOn: string;
  participants: number;
  balance: number;
  /** The last day for a first purchase, and the day a participant without one is revoked from. */
  purchaseDeadline: string;
  revokedFrom: string;
  firstCard: string | null;
  lastCard: string | null;
}

const sample = (ids: string[]) => `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`;

/** The checks publication must pass; the handler runs them up front, the job again in its transaction. */
export function checkPublishable(sqlite: BetterSqlite3.Database, number: number, date: string): WaveRow {
  const row = getWaveRow(sqlite, number);
  if (row.status !== 'selected') {
    throw new ApiError('CONFLICT', row.status === 'published' ? `Gelombang ${number} sudah diumumkan pada ${row.published_on}.` : `Gelombang ${number} belum diseleksi; hanya hasil seleksi yang dapat diumumkan.`);
  }
  if (!isIsoDate(date)) throw new ApiError('VALIDATION', `Tanggal pengumuman ${date} tidak valid (format YYYY-MM-DD).`);
  if (date <= row.closes_on) throw new ApiError('VALIDATION', `Tanggal pengumuman harus sesudah tanggal tutup gelombang ${number} (${row.closes_on}).`);
  const selectedOn = jakartaDate(row.selected_at!);
  if (date < selectedOn) throw new ApiError('VALIDATION', `Tanggal pengumuman tidak boleh sebelum seleksi dilakukan (${selectedOn}).`);
  const changed = sqlite
    .prepare(
      `SELECT s.registration_id FROM wave_selections s LEFT JOIN applicants a ON a.id = s.applicant_id
       WHERE s.wave_id = ? AND (a.id IS NULL OR a.version <> s.applicant_version OR a.registration_id <> s.registration_id) ORDER BY s.seq`,
    )
    .pluck()
    .all(row.id) as string[];
  if (changed.length) {
    throw new ApiError(
      'CONFLICT',
      `Data ${changed.length} pendaftar terpilih berubah sejak seleksi (${sample(changed)}). Seleksi ulang gelombang ${number} dengan seed yang sama, lalu umumkan.`,
    );
  }
  const already = sqlite
    .prepare(
      `SELECT s.registration_id FROM wave_selections s JOIN applicants a ON a.id = s.applicant_id
       WHERE s.wave_id = ? AND EXISTS (SELECT 1 FROM participants p WHERE p.nik = a.nik OR p.registration_id = s.registration_id) ORDER BY s.seq`,
    )
    .pluck()
    .all(row.id) as string[];
  if (already.length) {
    throw new ApiError('CONFLICT', `${already.length} pendaftar terpilih sudah menjadi peserta (${sample(already)}). Seleksi ulang gelombang ${number}, lalu umumkan.`);
  }
  return row;
}

/**
 * Publishes a selected wave on its announcement date, in one transaction: every selected applicant
 * becomes a participant with a card number and the wave's training balance, the wave is frozen, one
 * audit record. Screening counts these participants from the announcement date on (KK_LIMIT,
 * ALREADY_PARTICIPANT), through participants.published_on.
 */
export function runPublication(ctx: WaveJobContext, params: PublicationParams): PublicationOutcome {
  const now = ctx.now ? ctx.now() : params.requestedAt ? new Date(params.requestedAt) : new Date();
  const sqlite = openSqlite(ctx.dbPath);
  sqlite.pragma('busy_timeout = 120000');
  sqlite.function('prakerja_card_number', { deterministic: true }, (wave, province, serial) => cardNumber(Number(wave), String(province), Number(serial)));
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const outcome = publishInTransaction(sqlite, ctx, params, now);
      ctx.checkCancelled();
      sqlite.exec('COMMIT');
      return outcome;
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw err;
    }
  } finally {
    sqlite.close();
  }
}

function publishInTransaction(sqlite: BetterSqlite3.Database, ctx: WaveJobContext, params: PublicationParams, now: Date): PublicationOutcome {
  const wave = checkPublishable(sqlite, params.number, params.date);
  ctx.progress(0, 2, 'Menerbitkan kartu peserta…');
  const at = now.toISOString();
  const inserted = sqlite
    .prepare(
      `INSERT INTO participants (registration_id, applicant_id, nik, kk, wave_number, published_on, revoked_at, version, updated_at, card_number, balance, province_code)
       SELECT s.registration_id, s.applicant_id, a.nik, a.kk, @number, @date, NULL, 1, @at, prakerja_card_number(@number, s.province_code, s.seq), @balance, s.province_code
       FROM wave_selections s JOIN applicants a ON a.id = s.applicant_id WHERE s.wave_id = @id ORDER BY s.seq`,
    )
    .run({ number: wave.number, date: params.date, at, balance: wave.balance, id: wave.id }).changes;
  ctx.checkCancelled();
  sqlite
    .prepare(`UPDATE waves SET status = 'published', published_on = ?, published_at = ?, published_by = ?, version = version + 1, updated_at = ? WHERE id = ?`)
    .run(params.date, at, ctx.owner.username, at, wave.id);
  const cards = sqlite.prepare('SELECT min(card_number) AS first, max(card_number) AS last FROM participants WHERE wave_number = ? AND card_number IS NOT NULL').get(wave.number) as {
    first: string | null;
    last: string | null;
  };
  const outcome: PublicationOutcome = {
    wave: wave.number,
    publishedOn: params.date,
    participants: inserted,
    balance: wave.balance,
    purchaseDeadline: purchaseDeadline(params.date),
    revokedFrom: revocationDate(params.date),
    firstCard: cards.first,
    lastCard: cards.last,
  };
  appendAuditSync(
    sqlite,
    { userId: ctx.owner.userId, username: ctx.owner.username, action: 'wave.publish', entity: 'wave', entityId: wave.number, before: { status: wave.status }, after: { status: 'published', ...outcome } },
    now,
  );
  ctx.progress(2, 2, 'Menerbitkan kartu peserta…');
  return outcome;
}
