import { ApiError } from '../../../shared/api/errors';
import type { Handler } from '../api/router';
import { requireUser, type HandlerContext } from '../api/context';
import { jakartaToday } from '../applicants/list-query';
import type { EligibilityExportParams } from './export-eligibility';
import { exclusionLists } from './exclusion-lists';
import { approveMany, decideOverride, listOverrides, proposeOverride } from './overrides';
import { screeningResult } from './result';
import { listRuns, runOrLatest } from './runs';
import type { ScreeningParams } from './run-screening';
import { screeningSummary } from './summary';

/** DESIGN 3.6: NIKs are masked for roles that do not need them (everyone but admin and reviewer). */
const masksPersonalData = (ctx: HandlerContext) => !['admin', 'reviewer'].includes(requireUser(ctx).role);

function startJob(ctx: HandlerContext, kind: string, params: unknown) {
  const user = requireUser(ctx);
  return { jobId: ctx.core.jobs.start(kind, params, { userId: user.id, username: user.username }).id };
}

export const screeningHandlers = {
  'screening.run': (async (input, ctx) => {
    // Two runs would only queue on the write lock; say so instead.
    const running = ctx.core.jobs.list(null).find((j) => j.kind === 'screen' && j.state === 'running');
    if (running) throw new ApiError('CONFLICT', 'Penyaringan lain sedang berjalan. Tunggu sampai selesai, lalu jalankan lagi bila perlu.');
    return startJob(ctx, 'screen', { asOf: input.asOf ?? jakartaToday(ctx.now) } satisfies ScreeningParams);
  }) satisfies Handler<'screening.run'>,

  'screening.runs': (async (input, ctx) => listRuns(ctx.core.db.sqlite, input)) satisfies Handler<'screening.runs'>,

  'screening.summary': (async (input, ctx) => screeningSummary(runOrLatest(ctx.core.db.sqlite, input.runId))) satisfies Handler<'screening.summary'>,

  'screening.result': (async (input, ctx) => screeningResult(ctx.core.db.sqlite, input.registrationId, masksPersonalData(ctx))) satisfies Handler<'screening.result'>,

  'screening.exportEligibility': (async (input, ctx) => {
    runOrLatest(ctx.core.db.sqlite, undefined); // refuse up front when nothing was screened yet
    return startJob(ctx, 'export.eligibility', { format: input.format, maskNik: masksPersonalData(ctx) } satisfies EligibilityExportParams);
  }) satisfies Handler<'screening.exportEligibility'>,

  'screening.exportSummary': (async (input, ctx) => {
    runOrLatest(ctx.core.db.sqlite, input.runId); // refuse up front rather than in the job
    return startJob(ctx, 'export.screeningSummary', { runId: input.runId });
  }) satisfies Handler<'screening.exportSummary'>,

  'overrides.propose': (async (input, ctx) => proposeOverride(ctx, input)) satisfies Handler<'overrides.propose'>,
  'overrides.decide': (async (input, ctx) => decideOverride(ctx, input)) satisfies Handler<'overrides.decide'>,
  'overrides.decideMany': (async (input, ctx) => approveMany(ctx, input)) satisfies Handler<'overrides.decideMany'>,
  'overrides.list': (async (input, ctx) => listOverrides(ctx.core.db.sqlite, input)) satisfies Handler<'overrides.list'>,

  'exclusions.lists': (async (_input, ctx) => exclusionLists(ctx.core.db.sqlite, jakartaToday(ctx.now))) satisfies Handler<'exclusions.lists'>,
};
