import { createRouter, type Router } from './api/router';
import type { CoreServices } from './api/context';
import { openDb, type Db } from './db/connection';
import { migrateToLatest, type MigrateResult } from './db/migrate';
import { createJobRunner, type JobRunner } from './jobs/runner';
import { APP_VERSION } from './version';

export interface Core {
  router: Router;
  db: Db;
  jobs: JobRunner;
  migration: MigrateResult;
  close(): Promise<void>;
}

/** Opens (and migrates) the database at dbPath and assembles the one router every transport uses. */
export async function createCore(dbPath: string, options: { now?: () => Date; log?: (msg: string, err?: unknown) => void } = {}): Promise<Core> {
  const db = openDb(dbPath);
  try {
    const migration = await migrateToLatest(db);
    const jobs = createJobRunner(dbPath);
    const services: CoreServices = { db, jobs, now: options.now ?? (() => new Date()), version: APP_VERSION };
    return {
      router: createRouter(services, options.log),
      db,
      jobs,
      migration,
      async close() {
        await jobs.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
