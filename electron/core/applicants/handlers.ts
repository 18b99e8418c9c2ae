import { ApiError } from '../../../shared/api/errors';
import type { Handler } from '../api/router';
import { requireUser, type HandlerContext } from '../api/context';
import { exportsDir, registerFile, resolveFileRef } from '../files/registry';
import type { ImportParams } from './import/run-import';
import { applicantDetail } from './detail';
import type { ApplicantExportParams } from './export-applicants';
import { previewImport, toImportRun, writeRejectsCsv } from './imports';
import { listApplicants } from './list';

/** DESIGN 3.6: managers see NIK (and KK) masked; reviewers and admins need them whole. */
const masksPersonalData = (ctx: HandlerContext) => requireUser(ctx).role !== 'admin' && requireUser(ctx).role !== 'reviewer';

async function startImport(ctx: HandlerContext, fileRef: string, kind: 'applicants' | 'exclusions') {
  const user = requireUser(ctx);
  const file = await resolveFileRef(ctx.db, fileRef, user);
  const params: ImportParams = { kind, path: file.path, fileName: file.originalName };
  const job = ctx.core.jobs.start(`import.${kind}`, params, { userId: user.id, username: user.username });
  return { jobId: job.id };
}

const SORT_RUNS = { id: 'id', startedAt: 'id', fileName: 'file_name', kind: 'kind', rows: 'rows_total', rejected: 'rejected' } as const;

export const applicantsHandlers = {
  'applicants.import': (async (input, ctx) => startImport(ctx, input.fileRef, 'applicants')) satisfies Handler<'applicants.import'>,
  'exclusions.import': (async (input, ctx) => startImport(ctx, input.fileRef, 'exclusions')) satisfies Handler<'exclusions.import'>,

  'imports.preview': (async (input, ctx) => {
    const file = await resolveFileRef(ctx.db, input.fileRef, requireUser(ctx));
    return previewImport({ path: file.path, name: file.originalName }, input.kind);
  }) satisfies Handler<'imports.preview'>,

  'imports.get': (async (input, ctx) => {
    const run = await ctx.db.selectFrom('import_runs').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!run) throw new ApiError('NOT_FOUND', `Impor nomor ${input.id} tidak ditemukan.`);
    return toImportRun(run);
  }) satisfies Handler<'imports.get'>,

  'imports.list': (async (input, ctx) => {
    let q = ctx.db.selectFrom('import_runs');
    if (input.kind) q = q.where('kind', '=', input.kind);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const col = SORT_RUNS[input.sortField as keyof typeof SORT_RUNS] ?? 'id';
    const dir = input.sortField ? input.sortDir : 'desc';
    const rows = await q.selectAll().orderBy(col, dir).orderBy('id', dir).limit(input.pageSize).offset(input.page * input.pageSize).execute();
    return { total, rows: rows.map(toImportRun) };
  }) satisfies Handler<'imports.list'>,

  'imports.rejects': (async (input, ctx) => {
    const base = ctx.db.selectFrom('import_rejects').where('run_id', '=', input.id);
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const byRow = input.sortField === 'column' ? 'column_name' : input.sortField === 'reason' ? 'reason' : 'seq';
    const rows = await base
      .select(['row', 'column_name', 'reason', 'value'])
      .orderBy(byRow, input.sortDir)
      .orderBy('seq', 'asc')
      .limit(input.pageSize)
      .offset(input.page * input.pageSize)
      .execute();
    return { total, rows: rows.map((r) => ({ row: r.row, column: r.column_name, reason: r.reason, value: r.value })) };
  }) satisfies Handler<'imports.rejects'>,

  'imports.rejectsCsv': (async (input, ctx) => {
    const user = requireUser(ctx);
    const { file, fileName } = writeRejectsCsv(ctx.core.db.sqlite, input.id, exportsDir(ctx.core.db.path));
    const record = await registerFile(ctx.db, { path: file, originalName: fileName, ownerUserId: user.id, origin: 'export' }, ctx.now);
    return { fileRef: record.ref, fileName };
  }) satisfies Handler<'imports.rejectsCsv'>,

  'applicants.list': (async (input, ctx) => listApplicants(ctx.core.db.sqlite, input, ctx.now, masksPersonalData(ctx))) satisfies Handler<'applicants.list'>,

  'applicants.export': (async (input, ctx) => {
    const user = requireUser(ctx);
    const { format, sortField, sortDir, ...filters } = input;
    const params: ApplicantExportParams = { format, filters, sortDir, requestedAt: ctx.now.toISOString(), ...(sortField ? { sortField } : {}) };
    return { jobId: ctx.core.jobs.start('export.applicants', params, { userId: user.id, username: user.username }).id };
  }) satisfies Handler<'applicants.export'>,

  'applicants.get': (async (input, ctx) => applicantDetail(ctx.core.db.sqlite, input.registrationId, ctx.now, masksPersonalData(ctx))) satisfies Handler<'applicants.get'>,
};
