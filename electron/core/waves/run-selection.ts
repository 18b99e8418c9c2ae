import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import type { SelectionSummary } from '../../../shared/api/waves';
import { compareCodes, invalidWeights, rankColumns, verifySeed, type Ranking } from '../../../shared/selection';
import { endOfJakartaDay } from '../../../shared/waves';
import { appendAuditSync } from '../audit/chain';
import { openSqlite } from '../db/connection';
import { inSnapshotThenWrite, type WaveJobContext } from './job-context';
import { keyPool, type KeyedPool } from './keys';
import { computePool, readPoolInputs, type Pool, type PoolInputs } from './pool';
import { readRegisterInParallel } from './register-reader';
import { savePool } from './pool-store';
import { getWaveRow, quotaSpecOf, weightsOf, type WaveRow } from './wave-record';

export interface SelectionParams {
  number: number;
  seed: string;
  /** When the selection was asked for (the handler's clock), recorded as the selection time. */
  requestedAt?: string;
}

/** DESIGN 7's `wave select --json` keys first, then the rest of the summary. */
export interface SelectionOutcome {
  wave: number;
  pool: number;
  selected: number;
  unfilled: number;
  provinces: Record<string, { quota: number; pool: number; selected: number; unfilled: number }>;
  quota: number;
  reselected: boolean;
  seconds: number;
  /** Wall seconds of the job's phases, for the bench. */
  phases: { read: number; screen: number; keys: number; write: number };
}

const STATUS_WORD: Record<WaveRow['status'], string> = { draft: 'masih draf', open: 'masih dibuka', closed: 'ditutup', selected: 'sudah diseleksi', published: 'sudah diumumkan' };

/** The checks a selection must pass, run by the handler up front and again in the job's transaction. */
export function checkSelectable(sqlite: BetterSqlite3.Database, number: number, seed: string): WaveRow {
  const row = getWaveRow(sqlite, number);
  if (row.status !== 'closed' && row.status !== 'selected') {
    throw new ApiError('CONFLICT', `Gelombang ${number} ${STATUS_WORD[row.status]}; seleksi hanya untuk gelombang yang sudah ditutup (atau diseleksi ulang sebelum diumumkan).`);
  }
  if (!verifySeed(seed, row.seed_commitment)) {
    throw new ApiError('VALIDATION', `Seed ditolak: sha256 dari seed ini tidak sama dengan seed commitment gelombang ${number} (${row.seed_commitment.slice(0, 12)}…).`);
  }
  const pending = sqlite.prepare(`SELECT number FROM waves WHERE status = 'selected' AND id <> ?`).pluck().get(row.id) as number | undefined;
  if (pending !== undefined) {
    throw new ApiError('CONFLICT', `Hasil seleksi gelombang ${pending} belum diumumkan. Umumkan gelombang itu dulu, agar peserta terpilihnya tidak ikut terpilih di gelombang ${number}.`);
  }
  const bad = invalidWeights(weightsOf(row) as Record<string, number>);
  if (bad.length) throw new ApiError('VALIDATION', `Bobot gelombang ${number} harus lebih dari 0 (status: ${bad.join(', ')}).`);
  return row;
}

/**
 * Selects a wave (DESIGN 3.3) in one transaction on the job's own connection: screens the pool as of
 * the close date, keys every member from the seed, fills the province quotas by rank, and stores the
 * pool (the proof), the selected applicants and the summary, with one audit record. Reading and
 * computing happen in a read snapshot, so the UI's writes wait only for the writing itself.
 */
export async function runSelection(ctx: WaveJobContext, params: SelectionParams): Promise<SelectionOutcome> {
  const started = Date.now();
  const now = ctx.now ? ctx.now() : params.requestedAt ? new Date(params.requestedAt) : new Date();
  const sqlite = openSqlite(ctx.dbPath);
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('busy_timeout = 120000');
  try {
    return await inSnapshotThenWrite(sqlite, () => selectInTransaction(sqlite, ctx, params, now, started));
  } finally {
    sqlite.close();
  }
}

async function selectInTransaction(sqlite: BetterSqlite3.Database, ctx: WaveJobContext, params: SelectionParams, now: Date, started: number): Promise<SelectionOutcome> {
  // This read starts the transaction's snapshot, which the register reader's must not precede.
  const wave = checkSelectable(sqlite, params.number, params.seed);
  const t0 = Date.now();
  const phases = { read: 0, screen: 0, keys: 0, write: 0 };
  // Progress in per-mille of the whole job: reading 35%, screening 35%, keys 15%, writing 15%.
  const progress = (from: number, span: number, done: number, total: number, message: string) => ctx.progress(Math.round(from + (span * done) / Math.max(total, 1)), 1000, message);
  progress(0, 0, 0, 1, 'Membaca data pendaftar…');
  let inputs: PoolInputs | undefined;
  const read = await readRegisterInParallel(
    sqlite,
    ctx.dbPath,
    endOfJakartaDay(wave.closes_on),
    params.seed,
    wave.closes_on,
    (done, total) => {
      progress(0, 350, done, total, 'Membaca data pendaftar…');
      ctx.checkCancelled();
    },
    () => (inputs = readPoolInputs(sqlite, wave.closes_on)),
  );
  try {
    // The reader works each registration's own rules out after reading; screening waits for them when it gets there.
    const register = { ...read.register, rowRules: read.rowRules };
    const t1 = Date.now();
    phases.read = (t1 - t0) / 1000;
    const pool = computePool(
      wave.closes_on,
      register,
      inputs ?? readPoolInputs(sqlite, wave.closes_on),
      (done, total) => progress(350, 350, done, total, 'Menyaring pool per tanggal tutup…'),
      () => ctx.checkCancelled(),
    );
    const t2 = Date.now();
    phases.screen = (t2 - t1) / 1000;
    ctx.checkCancelled();

    progress(700, 0, 0, 1, 'Menghitung kunci seleksi…');
    const hashes = read.hashes();
    const keyed = keyPool(pool.members, register, hashes, weightsOf(wave) as Record<string, number>);
    const ranking = rankColumns(keyed, quotaSpecOf(wave));
    const t3 = Date.now();
    phases.keys = (t3 - t2) / 1000;
    ctx.checkCancelled();

    progress(850, 0, 0, 1, 'Menyimpan hasil seleksi…');
    const result = writeSelection(sqlite, ctx, wave, params, now, started, pool, keyed, ranking);
    phases.write = (Date.now() - t3) / 1000;
    return { ...result, seconds: (Date.now() - started) / 1000, phases };
  } finally {
    await read.close();
  }
}

/** Stores the pool in proof order, the selected applicants, the summary and one audit record. */
function writeSelection(
  sqlite: BetterSqlite3.Database,
  ctx: WaveJobContext,
  wave: WaveRow,
  params: SelectionParams,
  now: Date,
  started: number,
  pool: Pool,
  keyed: KeyedPool,
  ranking: Ranking,
): Omit<SelectionOutcome, 'seconds' | 'phases'> {
  const { register, members } = pool;
  const m = members.length;
  const employment: SelectionSummary['employment'] = {};
  const registrationIds: string[] = new Array(m);
  const provinceCodes: string[] = new Array(m);
  const weightColumn = new Float64Array(m);
  const keyColumn = new Float64Array(m);
  const selectedColumn = new Uint8Array(m);
  for (let r = 0; r < m; r++) {
    const k = ranking.order[r]!;
    registrationIds[r] = keyed.registrationIds[k]!;
    provinceCodes[r] = keyed.provinceCodes[k]!;
    weightColumn[r] = keyed.weights[k]!;
    keyColumn[r] = keyed.keys[k]!;
    selectedColumn[r] = ranking.selected[k]!;
  }
  // Counted in register order, apart from the loop above: that one reads the pool in proof order, at random.
  for (let k = 0; k < m; k++) {
    const status = register.employmentStatus[members[k]!]!;
    const e = (employment[status] ??= { pool: 0, selected: 0 });
    e.pool++;
    e.selected += ranking.selected[k]!;
  }

  // The first write: here the read snapshot becomes the write transaction.
  sqlite.prepare('DELETE FROM wave_selections WHERE wave_id = ?').run(wave.id);
  savePool(sqlite, wave.id, { registrationIds, provinceCodes, weights: weightColumn, keys: keyColumn, selected: selectedColumn });
  writeSelections(sqlite, wave.id, ranking, keyed, pool);
  ctx.progress(1000, 1000, 'Menyimpan hasil seleksi…');

  const { summary } = ranking;
  const result: SelectionSummary = {
    ...summary,
    employment: Object.fromEntries(Object.entries(employment).sort(([a], [b]) => compareCodes(a, b))),
    screenedAsOf: wave.closes_on,
    registeredBy: endOfJakartaDay(wave.closes_on),
    registrations: pool.registrations,
    eligible: pool.eligible,
    alreadyParticipants: pool.alreadyParticipants,
    overridesApplied: pool.overridesApplied,
    reasons: pool.reasons,
    seconds: (Date.now() - started) / 1000,
  };
  const reselected = wave.status === 'selected';
  sqlite
    .prepare(`UPDATE waves SET status = 'selected', seed = ?, result_json = ?, selected_at = ?, selected_by = ?, version = version + 1, updated_at = ? WHERE id = ?`)
    .run(params.seed, JSON.stringify(result), now.toISOString(), ctx.owner.username, now.toISOString(), wave.id);
  appendAuditSync(
    sqlite,
    {
      userId: ctx.owner.userId,
      username: ctx.owner.username,
      action: reselected ? 'wave.reselect' : 'wave.select',
      entity: 'wave',
      entityId: wave.number,
      before: reselected ? { status: wave.status, result: summaryForAudit(JSON.parse(wave.result_json ?? 'null') as SelectionSummary | null) } : { status: wave.status },
      after: { status: 'selected', seed: params.seed, ...summaryForAudit(result) },
    },
    now,
  );
  return { wave: wave.number, pool: summary.pool, selected: summary.selected, unfilled: summary.unfilled, provinces: summary.provinces, quota: summary.quota, reselected };
}

function summaryForAudit(s: SelectionSummary | null) {
  if (!s) return null;
  return { quota: s.quota, pool: s.pool, selected: s.selected, unfilled: s.unfilled, screenedAsOf: s.screenedAsOf, registeredBy: s.registeredBy, overridesApplied: s.overridesApplied, provinces: s.provinces };
}

const ROWS_PER_STATEMENT = 100;
const COLUMNS = '(wave_id, seq, province_rank, applicant_id, applicant_version, registration_id, province_code, employment_status, weight, key)';

/** The selected rows in proof order, numbered 1… (seq) and by rank within their province. */
function writeSelections(sqlite: BetterSqlite3.Database, waveId: number, ranking: Ranking, keyed: KeyedPool, pool: Pool) {
  const { order, selected } = ranking;
  const { register, members } = pool;
  const tuple = `(${Number(waveId)}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const many = sqlite.prepare(`INSERT INTO wave_selections ${COLUMNS} VALUES ${new Array(ROWS_PER_STATEMENT).fill(tuple).join(',')}`);
  const one = sqlite.prepare(`INSERT INTO wave_selections ${COLUMNS} VALUES ${tuple}`);
  const params: unknown[] = [];
  let seq = 0;
  let province = '';
  let rank = 0;
  for (let r = 0; r < order.length; r++) {
    const k = order[r]!;
    const provinceCode = keyed.provinceCodes[k]!;
    if (provinceCode !== province) {
      province = provinceCode;
      rank = 0;
    }
    rank++;
    if (!selected[k]) continue;
    const i = members[k]!;
    params.push(++seq, rank, register.ids[i], register.versions[i], keyed.registrationIds[k], provinceCode, register.employmentStatus[i], keyed.weights[k], keyed.keys[k]);
    if (params.length === ROWS_PER_STATEMENT * 9) {
      many.run(params);
      params.length = 0;
    }
  }
  for (let p = 0; p < params.length; p += 9) one.run(params.slice(p, p + 9));
}
