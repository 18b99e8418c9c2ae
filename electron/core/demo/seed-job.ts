import { DEMO_DEFAULT_SEED, type DemoSeedResult } from '../../../shared/api/demo';
import { countProgrammeIn, refuseNonEmpty } from './empty-check';
import type { ImportCounts } from './programme';
import { seedDemo, type SeedOptions, type SeedResult } from './seed';

export interface DemoSeedParams {
  applicants: number;
  seed?: string | number;
}

type SeedContext = Pick<Required<SeedOptions>, 'owner' | 'progress' | 'checkCancelled'> & { dbPath: string; now?: () => Date };

/**
 * The finished `demo.seed` job's result: shared/api/demo.ts's DemoSeedResult (the register's two
 * imports) and what the programme steps made — the waves with their selection seeds, the catalog,
 * the purchases and the invoices with the statuses their lines are built to get.
 */
export type DemoSeedOutcome = DemoSeedResult & Omit<SeedResult, 'referenceDate' | 'applicants' | 'exclusions'>;

/** The `demo.seed` job: the generator's files through the ordinary paths, as the job's owner. */
export async function runDemoSeed(ctx: SeedContext, params: DemoSeedParams): Promise<DemoSeedOutcome> {
  // Checked again here: an import may have landed between the request and this worker's start.
  refuseNonEmpty(countProgrammeIn(ctx.dbPath));
  const seed = String(params.seed ?? DEMO_DEFAULT_SEED);
  const r = await seedDemo(ctx.dbPath, { applicants: params.applicants, seed, owner: ctx.owner, progress: ctx.progress, checkCancelled: ctx.checkCancelled, ...(ctx.now ? { now: ctx.now } : {}) });
  const counts = (x: typeof r.applicants): ImportCounts => ({ runId: x.runId, rows: x.rows, inserted: x.inserted, rejected: x.rejected });
  return {
    seed,
    referenceDate: r.referenceDate,
    applicants: counts(r.applicants),
    exclusions: counts(r.exclusions),
    waves: r.waves,
    catalog: r.catalog,
    enrollments: r.enrollments,
    invoices: r.invoices,
    seconds: r.seconds,
    steps: r.steps,
  };
}
