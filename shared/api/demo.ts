import { z } from 'zod';
import { method } from './define';

export const DEMO_MIN_APPLICANTS = 1_000;
export const DEMO_MAX_APPLICANTS = 200_000;
/** The seed when none is given: the same demo register on every machine. */
export const DEMO_DEFAULT_SEED = 'prakerja-demo';

export const DemoSeedInput = z.object({
  applicants: z.number().int().min(DEMO_MIN_APPLICANTS).max(DEMO_MAX_APPLICANTS).default(10_000),
  seed: z.union([z.string().trim().min(1).max(100), z.number().int()]).optional(),
});

/** The finished `demo.seed` job's result: what the two imports did. */
export const DemoSeedResult = z.object({
  seed: z.string(),
  referenceDate: z.string(),
  applicants: z.object({ runId: z.number().int(), rows: z.number().int(), inserted: z.number().int(), rejected: z.number().int() }),
  exclusions: z.object({ runId: z.number().int(), rows: z.number().int(), inserted: z.number().int(), rejected: z.number().int() }),
});
export type DemoSeedResult = z.infer<typeof DemoSeedResult>;

export const demoMethods = {
  /** Fills an empty register with synthetic applicants and exclusion lists through the ordinary import (a job). */
  'demo.seed': method({ input: DemoSeedInput, output: z.object({ jobId: z.string() }), access: ['admin'], mutates: false }),
};
