import { DEMO_DEFAULT_SEED, type DemoSeedResult } from '../../../shared/api/demo';
import { ApiError } from '../../../shared/api/errors';
import { openSqlite } from '../db/connection';
import { seedDemo, type SeedOptions } from './seed';

export interface DemoSeedParams {
  applicants: number;
  seed?: string | number;
}

type SeedContext = Pick<Required<SeedOptions>, 'owner' | 'progress' | 'checkCancelled'> & { dbPath: string; now?: () => Date };

/** How many applicants the register holds; demo data goes only into an empty one. */
export function countApplicants(dbPath: string): number {
  const sqlite = openSqlite(dbPath, { readonly: true });
  try {
    return sqlite.prepare('SELECT count(*) FROM applicants').pluck().get() as number;
  } finally {
    sqlite.close();
  }
}

export function refuseNonEmpty(count: number): void {
  if (count > 0) {
    throw new ApiError('CONFLICT', `Data demo hanya dapat diisikan ke register yang masih kosong; register ini sudah berisi ${count.toLocaleString('id-ID')} pendaftar.`);
  }
}

/** The `demo.seed` job: the generator's files through the ordinary import, as the job's owner. */
export async function runDemoSeed(ctx: SeedContext, params: DemoSeedParams): Promise<DemoSeedResult> {
  // Checked again here: an import may have landed between the request and this worker's start.
  refuseNonEmpty(countApplicants(ctx.dbPath));
  const seed = String(params.seed ?? DEMO_DEFAULT_SEED);
  const r = await seedDemo(ctx.dbPath, { applicants: params.applicants, seed, owner: ctx.owner, progress: ctx.progress, checkCancelled: ctx.checkCancelled, ...(ctx.now ? { now: ctx.now } : {}) });
  const counts = (x: typeof r.applicants) => ({ runId: x.runId, rows: x.rows, inserted: x.inserted, rejected: x.rejected });
  return { seed, referenceDate: r.referenceDate, applicants: counts(r.applicants), exclusions: counts(r.exclusions) };
}
