import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { quotaTotal, type SelectionSummary, type Wave, type WaveListRow, type WaveQuota, type Weights } from '../../../shared/api/waves';
import type { QuotaSpec } from '../../../shared/selection';
import type { WavesTable } from '../db/schema';

export type WaveRow = Omit<WavesTable, 'id'> & { id: number };

export function findWave(sqlite: BetterSqlite3.Database, number: number): WaveRow | undefined {
  return sqlite.prepare('SELECT * FROM waves WHERE number = ?').get(number) as WaveRow | undefined;
}

export function getWaveRow(sqlite: BetterSqlite3.Database, number: number): WaveRow {
  const row = findWave(sqlite, number);
  if (!row) throw new ApiError('NOT_FOUND', `Gelombang ${number} tidak ditemukan.`);
  return row;
}

export function quotaOf(row: Pick<WaveRow, 'national_quota' | 'province_quotas_json'>): WaveQuota {
  return row.national_quota !== null ? { national: row.national_quota } : { provinces: JSON.parse(row.province_quotas_json ?? '{}') as Record<string, number> };
}

/** The quota as the selection algorithm takes it. */
export const quotaSpecOf = (row: Pick<WaveRow, 'national_quota' | 'province_quotas_json'>): QuotaSpec => quotaOf(row);

export const weightsOf = (row: Pick<WaveRow, 'weights_json'>): Weights => JSON.parse(row.weights_json) as Weights;

export const resultOf = (row: Pick<WaveRow, 'result_json'>): SelectionSummary | null => (row.result_json ? (JSON.parse(row.result_json) as SelectionSummary) : null);

interface ParticipantCounts {
  total: number;
  active: number;
  revoked: number;
}

const NO_PARTICIPANTS: ParticipantCounts = { total: 0, active: 0, revoked: 0 };

/** Participants per wave number: how many, and how many revoked (places returned to the quota). */
export function participantCounts(sqlite: BetterSqlite3.Database, number?: number): Map<number, ParticipantCounts> {
  const rows = sqlite
    .prepare(
      `SELECT wave_number AS wave, count(*) AS total, count(revoked_at) AS revoked FROM participants
       WHERE card_number IS NOT NULL ${number === undefined ? '' : 'AND wave_number = ?'} GROUP BY wave_number`,
    )
    .all(...(number === undefined ? [] : [number])) as { wave: number; total: number; revoked: number }[];
  return new Map(rows.map((r) => [r.wave, { total: r.total, active: r.total - r.revoked, revoked: r.revoked }]));
}

const step = (at: string | null, by: string | null) => (at ? { at, by } : null);

export function toWave(row: WaveRow, counts: ParticipantCounts = NO_PARTICIPANTS): Wave {
  const quota = quotaOf(row);
  return {
    number: row.number,
    name: row.name,
    status: row.status,
    quota,
    quotaTotal: quotaTotal(quota),
    weights: weightsOf(row),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    balance: row.balance,
    seedCommitment: row.seed_commitment,
    seed: row.seed,
    created: step(row.created_at, row.created_by),
    opened: step(row.opened_at, row.opened_by),
    closed: step(row.closed_at, row.closed_by),
    selected: step(row.selected_at, row.selected_by),
    published: step(row.published_at, row.published_by),
    publishedOn: row.published_on,
    result: resultOf(row),
    participants: counts,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function waveDetail(sqlite: BetterSqlite3.Database, number: number): Wave {
  return toWave(getWaveRow(sqlite, number), participantCounts(sqlite, number).get(number));
}

export function listWaves(sqlite: BetterSqlite3.Database): { rows: WaveListRow[]; freedPlaces: number } {
  const counts = participantCounts(sqlite);
  const rows = (sqlite.prepare('SELECT * FROM waves ORDER BY number DESC').all() as WaveRow[]).map((row) => {
    const w = toWave(row, counts.get(row.number));
    return {
      number: w.number,
      name: w.name,
      status: w.status,
      quotaTotal: w.quotaTotal,
      opensOn: w.opensOn,
      closesOn: w.closesOn,
      balance: w.balance,
      publishedOn: w.publishedOn,
      participants: w.participants,
      pool: w.result?.pool ?? null,
      selectedCount: w.result?.selected ?? null,
      unfilled: w.result?.unfilled ?? null,
    };
  });
  let freed = 0;
  for (const c of counts.values()) freed += c.revoked;
  return { rows, freedPlaces: freed };
}

/** What the audit log keeps of a wave's settings. */
export function auditView(row: WaveRow) {
  return {
    number: row.number,
    name: row.name,
    status: row.status,
    quota: quotaOf(row),
    weights: weightsOf(row),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    balance: row.balance,
    seedCommitment: row.seed_commitment,
  };
}
