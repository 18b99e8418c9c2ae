import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, openSqlite } from '../../electron/core/db/connection';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { runSelection } from '../../electron/core/waves/run-selection';

/** Wave selection on a whole database (DESIGN 5: 100,000 of 1M in ≤ 5 s), as the `wave.select` job runs it, for the bench runner. */
export interface SelectionFigures {
  pool: number;
  selected: number;
  /** Wall seconds of the whole job: read and screen the pool, keys and quotas, write. */
  seconds: number;
  /** This process's CPU seconds over the same span. */
  cpuSeconds: number;
  phases: { read: number; screen: number; keys: number; write: number };
}

export const BENCH_SEED = 'bench-gelombang-rahasia';
export const BENCH_WAVE = 9001;

/**
 * Sets up a closed wave in the database at dbPath (migrated first) whose close date takes in the whole
 * register, with a national quota and weights, and selects it `repeat` times, each on a fresh copy of
 * the database; figures of the median run (wall time), and of selecting the last copy's wave again.
 */
export async function benchWaveSelection(dbPath: string, options: { closesOn: string; quota?: number; repeat?: number }): Promise<SelectionFigures & { again: SelectionFigures }> {
  const db = openDb(dbPath);
  await migrateToLatest(db);
  await db.close();
  const sqlite = openSqlite(dbPath);
  try {
    // A bench wave from an earlier run is selected again (a non-draft wave cannot be deleted).
    const existing = sqlite.prepare('SELECT status FROM waves WHERE number = ?').pluck().get(BENCH_WAVE) as string | undefined;
    if (existing === undefined) {
      const at = new Date().toISOString();
      sqlite
        .prepare(
          `INSERT INTO waves (number, name, national_quota, weights_json, opens_on, closes_on, balance, seed_commitment, status, created_at, updated_at)
           VALUES (?, 'Bench', ?, ?, '2020-01-01', ?, 3500000, ?, 'draft', ?, ?)`,
        )
        .run(BENCH_WAVE, options.quota ?? 100_000, JSON.stringify({ unemployed: 2, laid_off: 1.5 }), options.closesOn, createHash('sha256').update(BENCH_SEED).digest('hex'), at, at);
      sqlite.prepare(`UPDATE waves SET status = 'open' WHERE number = ?`).run(BENCH_WAVE);
      sqlite.prepare(`UPDATE waves SET status = 'closed' WHERE number = ?`).run(BENCH_WAVE);
    } else if (existing !== 'closed' && existing !== 'selected') {
      throw new Error(`bench wave ${BENCH_WAVE} is ${existing}`);
    }
    // The copies below take the database file alone: everything in it.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
  // Each run selects the closed wave for the first time, on a fresh copy of the database (a selected wave
  // can only be selected again, which also replaces the stored result); the last copy is then selected again.
  const select = async (file: string): Promise<SelectionFigures> => {
    const cpu0 = process.cpuUsage();
    const started = process.hrtime.bigint();
    const outcome = await runSelection({ dbPath: file, owner: { userId: null, username: 'bench' }, progress() {}, checkCancelled() {} }, { number: BENCH_WAVE, seed: BENCH_SEED });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    return { pool: outcome.pool, selected: outcome.selected, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, phases: outcome.phases };
  };
  const copy = path.join(path.dirname(dbPath), 'bench-selection.sqlite');
  const runs: SelectionFigures[] = [];
  let again: SelectionFigures;
  try {
    for (let r = 0; r < (options.repeat ?? 3); r++) {
      fs.copyFileSync(dbPath, copy);
      runs.push(await select(copy));
    }
    again = await select(copy);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
  runs.sort((a, b) => a.seconds - b.seconds);
  return { ...runs[Math.floor(runs.length / 2)]!, again };
}
