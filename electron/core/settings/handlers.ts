import type { Handler } from '../api/router';
import { latestSchemaVersion } from '../db/migrate';

export const systemHandlers = {
  'system.status': (async (_input, ctx) => {
    const row = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    return { firstRun: !row, version: ctx.core.version, schemaVersion: latestSchemaVersion() };
  }) satisfies Handler<'system.status'>,
  'system.verify': (async (_input, ctx) => {
    const job = ctx.core.jobs.start('verify', {}, { userId: ctx.user!.id, username: ctx.user!.username });
    return { jobId: job.id };
  }) satisfies Handler<'system.verify'>,
};
