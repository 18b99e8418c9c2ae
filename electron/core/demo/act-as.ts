import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import { createRouter } from '../api/router';
import { openDb } from '../db/connection';
import { createJobRunner } from '../jobs/runner';
import { closeLocalSession, openLocalSession } from '../users/local-session';
import { APP_VERSION } from '../version';

/** The origin the demo's calls carry in the audit log (`auth.local_session`). */
export const DEMO_ORIGIN = 'demo';

export type Call = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<OutputOf<M>>;

/**
 * Calls the one router as `username`, on the job's own connection, with the clock standing at `at`:
 * the same roles, validation, transaction and audit as the UI and the CLI (a short local session, as
 * `actAs` in the CLI opens). The demo's wave steps happen on the dates of its calendar, so that the
 * lifecycle's own date rules (close only after the close date) hold as they would for a clerk.
 */
export async function actAt<T>(dbPath: string, username: string, at: Date, fn: (call: Call) => Promise<T>): Promise<T> {
  const db = openDb(dbPath);
  db.sqlite.pragma('busy_timeout = 120000');
  const jobs = createJobRunner(dbPath);
  try {
    const router = createRouter({ db, jobs, now: () => at, version: APP_VERSION });
    const { token } = await openLocalSession({ db }, username, { origin: DEMO_ORIGIN, now: at });
    try {
      return await fn((method, input) => router.invoke(method, input, { token, origin: DEMO_ORIGIN }));
    } finally {
      await closeLocalSession({ db }, token);
    }
  } finally {
    await jobs.close();
    await db.close();
  }
}
