import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import type { Wave, WaveSettings } from '../../../shared/api/waves';
import { editableFields, jakartaDate } from '../../../shared/waves';
import type { HandlerContext } from '../api/context';
import { auditView, findWave, getWaveRow, toWave, waveDetail, type WaveRow } from './wave-record';

type Settings = WaveSettings;

const STATUS_WORD: Record<WaveRow['status'], string> = {
  draft: 'draf',
  open: 'dibuka',
  closed: 'ditutup',
  selected: 'sudah diseleksi',
  published: 'sudah diumumkan',
};

function columns(w: Settings) {
  const provinces = 'provinces' in w.quota ? w.quota.provinces : null;
  return {
    number: w.number,
    name: w.name,
    national_quota: 'national' in w.quota ? w.quota.national : null,
    province_quotas_json: provinces ? JSON.stringify(Object.fromEntries(Object.entries(provinces).sort(([a], [b]) => (a < b ? -1 : 1)))) : null,
    weights_json: JSON.stringify(Object.fromEntries(Object.entries(w.weights).sort(([a], [b]) => (a < b ? -1 : 1)))),
    opens_on: w.opensOn,
    closes_on: w.closesOn,
    balance: w.balance,
    seed_commitment: w.seedCommitment,
  };
}

/** A seed used twice would make the later wave's order known to whoever saw the earlier proof. */
function checkCommitmentUnused(sqlite: BetterSqlite3.Database, commitment: string, exceptId: number | null) {
  const other = sqlite.prepare('SELECT number FROM waves WHERE seed_commitment = ? AND id IS NOT ?').pluck().get(commitment, exceptId) as number | undefined;
  if (other !== undefined) {
    throw new ApiError('CONFLICT', `Seed commitment ini sudah dipakai gelombang ${other}. Setiap gelombang memerlukan seed baru.`);
  }
}

export async function createWave(ctx: HandlerContext, input: Settings): Promise<Wave> {
  const sqlite = ctx.core.db.sqlite;
  if (findWave(sqlite, input.number)) throw new ApiError('CONFLICT', `Gelombang ${input.number} sudah ada.`);
  checkCommitmentUnused(sqlite, input.seedCommitment, null);
  const at = ctx.now.toISOString();
  const c = columns(input);
  sqlite
    .prepare(
      `INSERT INTO waves (number, name, national_quota, province_quotas_json, weights_json, opens_on, closes_on, balance, seed_commitment, status, created_at, created_by, updated_at)
       VALUES (@number, @name, @national_quota, @province_quotas_json, @weights_json, @opens_on, @closes_on, @balance, @seed_commitment, 'draft', @at, @by, @at)`,
    )
    .run({ ...c, at, by: ctx.user!.username });
  const row = getWaveRow(sqlite, input.number);
  await ctx.audit({ action: 'wave.create', entity: 'wave', entityId: input.number, after: auditView(row) });
  return toWave(row);
}

/**
 * Settings change only while nothing has been announced: a draft changes freely (its number too);
 * once open, the quotas, weights, dates, balance and seed commitment are public, so only the name
 * may be corrected; from selection on, nothing.
 */
export async function updateWave(ctx: HandlerContext, number: number, input: Settings): Promise<Wave> {
  const sqlite = ctx.core.db.sqlite;
  const row = getWaveRow(sqlite, number);
  const editable = editableFields(row.status);
  if (editable === 'none') throw new ApiError('CONFLICT', `Gelombang ${number} ${STATUS_WORD[row.status]}; pengaturannya tidak dapat diubah lagi.`);
  const next = columns(input);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
  if (changed.length === 0) return waveDetail(sqlite, number);
  if (editable === 'name' && changed.some((k) => k !== 'name')) {
    throw new ApiError(
      'CONFLICT',
      `Gelombang ${number} ${STATUS_WORD[row.status]}: kuota, bobot, tanggal, saldo dan seed commitment sudah diumumkan dan tidak dapat diubah; hanya nama yang dapat diperbaiki.`,
    );
  }
  if (next.number !== row.number && findWave(sqlite, next.number)) throw new ApiError('CONFLICT', `Gelombang ${next.number} sudah ada.`);
  if (next.seed_commitment !== row.seed_commitment) checkCommitmentUnused(sqlite, next.seed_commitment, row.id);
  const at = ctx.now.toISOString();
  sqlite
    .prepare(
      `UPDATE waves SET number = @number, name = @name, national_quota = @national_quota, province_quotas_json = @province_quotas_json,
       weights_json = @weights_json, opens_on = @opens_on, closes_on = @closes_on, balance = @balance, seed_commitment = @seed_commitment,
       version = version + 1, updated_at = @at WHERE id = @id`,
    )
    .run({ ...next, at, id: row.id });
  const after = getWaveRow(sqlite, next.number);
  await ctx.audit({ action: 'wave.update', entity: 'wave', entityId: next.number, before: auditView(row), after: auditView(after) });
  return waveDetail(sqlite, next.number);
}

function requireStatus(row: WaveRow, status: WaveRow['status'], action: string) {
  if (row.status !== status) throw new ApiError('CONFLICT', `Gelombang ${row.number} ${STATUS_WORD[row.status]}; ${action} hanya dari status ${STATUS_WORD[status]}.`);
}

/** Opening publishes the seed commitment: from now on the settings that decide the selection are fixed. */
export async function openWave(ctx: HandlerContext, number: number): Promise<Wave> {
  const sqlite = ctx.core.db.sqlite;
  const row = getWaveRow(sqlite, number);
  requireStatus(row, 'draft', 'membuka gelombang');
  const at = ctx.now.toISOString();
  sqlite.prepare(`UPDATE waves SET status = 'open', opened_at = ?, opened_by = ?, version = version + 1, updated_at = ? WHERE id = ?`).run(at, ctx.user!.username, at, row.id);
  await ctx.audit({ action: 'wave.open', entity: 'wave', entityId: number, before: { status: row.status }, after: { status: 'open', seedCommitment: row.seed_commitment, closesOn: row.closes_on } });
  return waveDetail(sqlite, number);
}

/**
 * Closing fixes the pool's cut-off; so it is refused until the close date (Asia/Jakarta) has ended,
 * or registrations of that day could still arrive after the selection.
 */
export async function closeWave(ctx: HandlerContext, number: number): Promise<Wave> {
  const sqlite = ctx.core.db.sqlite;
  const row = getWaveRow(sqlite, number);
  requireStatus(row, 'open', 'menutup gelombang');
  const today = jakartaDate(ctx.now);
  if (today <= row.closes_on) {
    throw new ApiError('CONFLICT', `Pendaftaran gelombang ${number} berlangsung sampai ${row.closes_on} (WIB); gelombang dapat ditutup mulai hari sesudahnya.`);
  }
  const at = ctx.now.toISOString();
  sqlite.prepare(`UPDATE waves SET status = 'closed', closed_at = ?, closed_by = ?, version = version + 1, updated_at = ? WHERE id = ?`).run(at, ctx.user!.username, at, row.id);
  await ctx.audit({ action: 'wave.close', entity: 'wave', entityId: number, before: { status: row.status }, after: { status: 'closed', closesOn: row.closes_on } });
  return waveDetail(sqlite, number);
}
