import type { JobContext } from '../jobs/kinds';

/** What an export body needs of its job; `now` lets tests fix the clock. */
export type ExportJobContext = Pick<JobContext, 'dbPath' | 'owner' | 'progress' | 'checkCancelled'> & { now?: () => Date };
