import { z } from 'zod';
import { method } from './define';
import { Empty } from './common';

export const Locale = z.enum(['id', 'en']);
export type Locale = z.infer<typeof Locale>;

export const systemMethods = {
  /** Public: tells the login page whether this is the first run (no user yet). */
  'system.status': method({
    input: Empty,
    output: z.object({ firstRun: z.boolean(), version: z.string(), schemaVersion: z.string() }),
    access: 'public',
    mutates: false,
  }),
  'system.verify': method({
    input: Empty,
    output: z.object({ jobId: z.string() }),
    access: ['admin', 'manager'],
    mutates: false,
  }),
};
