import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, openSqlite } from '../../electron/core/db/connection';
import { migrateToLatest } from '../../electron/core/db/migrate';

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
 * the database and in a fresh process (select-child.ts, as the app runs each job in a fresh worker);
 * figures of the median run (wall time), and of selecting the last copy's wave again.
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
  const select = (file: string): SelectionFigures => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'select-child.ts'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`selection child failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as SelectionFigures;
  };
  // A copy's pages are flushed before it is timed: the kernel writing 600 MB back meanwhile is not the job's.
  const copyOf = (from: string, to: string) => {
    fs.copyFileSync(from, to);
    const fd = fs.openSync(to, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  };
  const copy = path.join(path.dirname(dbPath), 'bench-selection.sqlite');
  const runs: SelectionFigures[] = [];
  let again: SelectionFigures;
  try {
    for (let r = 0; r < (options.repeat ?? 3); r++) {
      copyOf(dbPath, copy);
      runs.push(select(copy));
    }
    again = select(copy);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
  runs.sort((a, b) => a.seconds - b.seconds);
  return { ...runs[Math.floor(runs.length / 2)]!, again };
}
