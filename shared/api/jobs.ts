import { z } from 'zod';
import { method } from './define';
import { Ok } from './common';

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export const JobInfo = z.object({
  id: z.string(),
  kind: z.string(),
  state: JobState,
  done: z.number(),
  total: z.number().nullable(),
  message: z.string().nullable(),
  startedAt: z.string(),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobInfo = z.infer<typeof JobInfo>;

export const jobsMethods = {
  'jobs.get': method({ input: z.object({ id: z.string().max(64) }), output: JobInfo, access: 'authenticated', mutates: false }),
  'jobs.list': method({ input: z.object({}), output: z.array(JobInfo), access: 'authenticated', mutates: false }),
  'jobs.cancel': method({ input: z.object({ id: z.string().max(64) }), output: Ok, access: 'authenticated', mutates: false }),
};

/** Events pushed to a session over every transport. */
export type ApiEvent = { type: 'job'; job: JobInfo };
