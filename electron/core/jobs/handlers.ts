import { ApiError } from '../../../shared/api/errors';
import type { Handler } from '../api/router';
import type { HandlerContext } from '../api/context';
import type { JobRecord } from './runner';

/** A job is visible to whoever started it; admins see every job. */
function visibleJob(ctx: HandlerContext, id: string): JobRecord {
  const job = ctx.core.jobs.get(id);
  if (!job || (job.ownerId !== ctx.user!.id && ctx.user!.role !== 'admin')) throw new ApiError('NOT_FOUND', 'Pekerjaan tidak ditemukan (mungkin sudah lama selesai).');
  return job;
}

const strip = ({ ownerId: _ownerId, ...job }: JobRecord) => job;

export const jobsHandlers = {
  'jobs.get': (async (input, ctx) => strip(visibleJob(ctx, input.id))) satisfies Handler<'jobs.get'>,
  'jobs.list': (async (_input, ctx) =>
    ctx.core.jobs.list(ctx.user!.role === 'admin' ? null : ctx.user!.id).map(strip)) satisfies Handler<'jobs.list'>,
  'jobs.cancel': (async (input, ctx) => {
    visibleJob(ctx, input.id);
    ctx.core.jobs.cancel(input.id);
    return { ok: true as const };
  }) satisfies Handler<'jobs.cancel'>,
};
