import { ApiError, ERROR_CODES, type ErrorCode } from '../../shared/api/errors';
import type { JobRecord } from '../core/jobs/runner';
import type { Core } from '../core/app';
import type { CliContext } from './context';

/** Waits for a job the CLI started, notes its progress on a terminal's stderr (never stdout), and returns its result or throws its error. */
export async function waitForJob(ctx: CliContext, core: Core, jobId: string): Promise<unknown> {
  let lastNote = 0;
  // For people watching a terminal only: never under --json, nor into a pipe or a log file.
  const showProgress = !ctx.globals.json && (ctx.io.stderr as { isTTY?: boolean }).isTTY === true;
  const stop = core.jobs.subscribe((job: JobRecord) => {
    if (job.id !== jobId || job.state !== 'running' || !showProgress) return;
    const now = Date.now();
    if (now - lastNote < 1000) return;
    lastNote = now;
    const pct = job.total ? ` ${Math.floor((100 * job.done) / job.total)}%` : '';
    ctx.out.note(`${job.message ?? 'Bekerja…'}${pct}`);
  });
  try {
    const job = await core.jobs.wait(jobId);
    if (job.state === 'done') return job.result;
    const code = (ERROR_CODES as readonly string[]).includes(job.error?.code ?? '') ? (job.error!.code as ErrorCode) : job.state === 'cancelled' ? 'CONFLICT' : 'INTERNAL';
    throw new ApiError(code, job.error?.message ?? 'Pekerjaan gagal.');
  } finally {
    stop();
  }
}
