import { openDb } from '../../electron/core/db/connection';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { runScreening } from '../../electron/core/screening/run-screening';

/** Screening of a whole database (DESIGN 5: ≤ 10 s for 1M), as the `screen` job runs it, for the bench runner. */
export interface ScreeningFigures {
  rows: number;
  /** Wall time of the whole job: read, screen, write the results, record the run. */
  seconds: number;
  /** This process's CPU time over the same span (what to trust on a busy machine). */
  cpuSeconds: number;
  /** The job's phases, wall seconds. */
  phases: Record<string, number>;
  eligible: number;
  ineligible: number;
}

/** Screens the database at dbPath (migrated first) as of asOf, as the job does, `repeat` times; figures of the median run. */
export async function benchScreening(dbPath: string, options: { asOf?: string; repeat?: number } = {}): Promise<ScreeningFigures> {
  const db = openDb(dbPath);
  await migrateToLatest(db);
  await db.close();
  const runs: ScreeningFigures[] = [];
  for (let r = 0; r < (options.repeat ?? 1); r++) {
    const phases: Record<string, number> = {};
    let phase = '';
    let phaseStart = 0;
    const cpu0 = process.cpuUsage();
    const started = process.hrtime.bigint();
    const outcome = runScreening(
      {
        dbPath,
        owner: { userId: null, username: 'bench' },
        checkCancelled() {},
        progress(_done, _total, message) {
          if (!message || message === phase) return;
          const t = Number(process.hrtime.bigint() - started) / 1e9;
          if (phase) phases[phase] = t - phaseStart;
          phase = message;
          phaseStart = t;
        },
      },
      { asOf: options.asOf ?? '2026-05-10' },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (phase) phases[phase] = seconds - phaseStart;
    const cpu = process.cpuUsage(cpu0);
    runs.push({ rows: outcome.total, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, phases, eligible: outcome.eligible, ineligible: outcome.ineligible });
  }
  runs.sort((a, b) => a.cpuSeconds - b.cpuSeconds);
  return runs[Math.floor(runs.length / 2)]!;
}
