import type BetterSqlite3 from 'better-sqlite3';
import type { JobContext } from '../jobs/kinds';

/** What a wave job needs of its worker; `now` lets tests fix the clock. */
export type WaveJobContext = Pick<JobContext, 'dbPath' | 'owner' | 'progress' | 'checkCancelled'> & { now?: () => Date };

const SNAPSHOT_ATTEMPTS = 3;
const isStaleSnapshot = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_BUSY';
};

/**
 * Runs `work` in one transaction that reads in a snapshot and takes the write lock only at its first
 * write (as screening does), so that the UI's short writes wait only for the writing. Should another
 * writer commit in between, the snapshot is stale and the upgrade fails: the work runs again, the last
 * time holding the write lock from the start. A throw (a cancel included) rolls everything back.
 */
export async function inSnapshotThenWrite<T>(sqlite: BetterSqlite3.Database, work: () => T | Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const exclusive = attempt === SNAPSHOT_ATTEMPTS;
    sqlite.exec(exclusive ? 'BEGIN IMMEDIATE' : 'BEGIN');
    try {
      const result = await work();
      sqlite.exec('COMMIT');
      return result;
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      if (!exclusive && isStaleSnapshot(err)) continue;
      throw err;
    }
  }
}
