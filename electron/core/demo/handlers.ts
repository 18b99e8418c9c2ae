import { ApiError } from '../../../shared/api/errors';
import type { Handler } from '../api/router';
import { requireUser } from '../api/context';
import { countProgramme, refuseNonEmpty } from './empty-check';
import type { DemoSeedParams } from './seed-job';

const IMPORTING = new Set(['demo.seed', 'import.applicants']);

export const demoHandlers = {
  'demo.seed': (async (input, ctx) => {
    const user = requireUser(ctx);
    refuseNonEmpty(countProgramme(ctx.core.db.sqlite));
    if (ctx.core.jobs.list(null).some((j) => j.state === 'running' && IMPORTING.has(j.kind))) {
      throw new ApiError('CONFLICT', 'Impor pendaftar sedang berjalan; tunggu sampai selesai sebelum mengisi data demo.');
    }
    const params: DemoSeedParams = { applicants: input.applicants, ...(input.seed === undefined ? {} : { seed: input.seed }) };
    return { jobId: ctx.core.jobs.start('demo.seed', params, { userId: user.id, username: user.username }).id };
  }) satisfies Handler<'demo.seed'>,
};
