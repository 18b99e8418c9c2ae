import type { Handler } from '../api/router';
import { requireUser, type HandlerContext } from '../api/context';
import { previewTable } from '../applicants/imports';
import { resolveFileRef } from '../files/registry';
import { INVOICE_COLUMNS } from '../invoices/import-invoices';
import { ENROLLMENT_COLUMNS, ENROLLMENT_REQUIRED, INSTITUTION_COLUMNS, TRAINING_COLUMNS } from './import/catalog-specs';
import type { FinanceImportParams } from './import/table-import';
import { catalogOptions, listEnrollments, listInstitutions, listTrainings } from './lists';

/** DESIGN 3.6: finance and admin need NIKs whole to check invoice lines; managers and reviewers see them masked. */
export const masksNik = (ctx: HandlerContext) => !['admin', 'finance'].includes(requireUser(ctx).role);

const PREVIEW_COLUMNS = {
  institutions: [INSTITUTION_COLUMNS, INSTITUTION_COLUMNS],
  trainings: [TRAINING_COLUMNS, TRAINING_COLUMNS],
  enrollments: [ENROLLMENT_COLUMNS, ENROLLMENT_REQUIRED],
  invoices: [INVOICE_COLUMNS, INVOICE_COLUMNS],
} as const;

/** Starts an import job of a finance file for the caller. */
export async function startFinanceImport(ctx: HandlerContext, fileRef: string, kind: 'institutions' | 'trainings' | 'enrollments' | 'invoices') {
  const user = requireUser(ctx);
  const file = await resolveFileRef(ctx.db, fileRef, user);
  const params: FinanceImportParams = { path: file.path, fileName: file.originalName };
  return { jobId: ctx.core.jobs.start(`import.${kind}`, params, { userId: user.id, username: user.username }).id };
}

export const catalogHandlers = {
  'catalog.importPreview': (async (input, ctx) => {
    const file = await resolveFileRef(ctx.db, input.fileRef, requireUser(ctx));
    const [expected, required] = PREVIEW_COLUMNS[input.kind];
    return previewTable({ path: file.path, name: file.originalName }, expected, required);
  }) satisfies Handler<'catalog.importPreview'>,
  'catalog.import': (async (input, ctx) => startFinanceImport(ctx, input.fileRef, input.kind)) satisfies Handler<'catalog.import'>,
  'catalog.institutions': (async (input, ctx) => listInstitutions(ctx.core.db.sqlite, input)) satisfies Handler<'catalog.institutions'>,
  'catalog.trainings': (async (input, ctx) => listTrainings(ctx.core.db.sqlite, input)) satisfies Handler<'catalog.trainings'>,
  'catalog.enrollments': (async (input, ctx) => listEnrollments(ctx.core.db.sqlite, input, masksNik(ctx))) satisfies Handler<'catalog.enrollments'>,
  'catalog.options': (async (_input, ctx) => catalogOptions(ctx.core.db.sqlite)) satisfies Handler<'catalog.options'>,
};
