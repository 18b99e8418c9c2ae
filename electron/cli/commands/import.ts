import fs from 'node:fs';
import path from 'node:path';
import { Argument, type Command } from 'commander';
import { ApiError } from '../../../shared/api/errors';
import type { ImportResult } from '../../core/applicants/import/run-import';
import { registerLocalFile } from '../../core/files/registry';
import { actAs, withCore, type ActingSession, type CliContext } from '../context';
import { waitForJob } from '../jobs';
import type { Outcome } from '../outcome';
import type { Act } from '../program';

type Reject = { row: number; column: string; reason: string };

/** Each importable file kind and the method that imports it. Another kind (institutions, …) is one more entry. */
const IMPORTS: Record<string, { what: string; start: (s: ActingSession, fileRef: string) => Promise<{ jobId: string }> }> = {
  applicants: { what: 'pendaftar', start: (s, fileRef) => s.call('applicants.import', { fileRef }) },
  exclusions: { what: 'daftar pengecualian', start: (s, fileRef) => s.call('exclusions.import', { fileRef }) },
  institutions: { what: 'lembaga pelatihan', start: (s, fileRef) => s.call('catalog.import', { fileRef, kind: 'institutions' }) },
  trainings: { what: 'pelatihan', start: (s, fileRef) => s.call('catalog.import', { fileRef, kind: 'trainings' }) },
  enrollments: { what: 'pembelian pelatihan (enrollment)', start: (s, fileRef) => s.call('catalog.import', { fileRef, kind: 'enrollments' }) },
};

const SHOWN_REJECTS = 20;

export function registerImportCommand(program: Command, act: Act): void {
  program
    .command('import')
    .addArgument(new Argument('<KIND>', 'jenis file').choices(Object.keys(IMPORTS)))
    .argument('<FILE>', 'file CSV atau XLSX (DESIGN 4)')
    .description('impor file pendaftar atau daftar pengecualian (--user reviewer atau admin), lembaga, pelatihan atau pembelian (--user keuangan atau admin)')
    .action(act(importCommand));
}

/** Every reject of the run: the job's result carries the first ones, the run keeps them all. */
export async function allRejects(session: ActingSession, result: Pick<ImportResult, 'runId' | 'rejects' | 'rejectsTruncated'>): Promise<Reject[]> {
  if (!result.rejectsTruncated) return result.rejects;
  const rejects: Reject[] = [];
  for (let page = 0; ; page++) {
    const { rows, total } = await session.call('imports.rejects', { id: result.runId, page, pageSize: 500 });
    rejects.push(...rows.map(({ row, column, reason }) => ({ row, column, reason })));
    if (rows.length === 0 || rejects.length >= total) return rejects;
  }
}

async function importCommand(ctx: CliContext, [kind, file]: string[]): Promise<Outcome> {
  const spec = IMPORTS[kind!]!;
  const full = path.resolve(file!);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new ApiError('NOT_FOUND', `File ${full} tidak ditemukan atau bukan file biasa.`);
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Impor', async (session) => {
      const ref = await registerLocalFile(core, full, session.user.id);
      const { jobId } = await spec.start(session, ref.ref);
      const r = (await waitForJob(ctx, core, jobId)) as ImportResult;
      const rejects = await allRejects(session, r);
      return {
        data: { kind, file: full, runId: r.runId, rows: r.rows, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected, rejects },
        lines: [
          `Impor ${spec.what} dari ${path.basename(full)} (impor nomor ${r.runId}): ${r.rows} baris — ${r.inserted} baru, ${r.updated} diperbarui, ${r.unchanged} tidak berubah, ${r.rejected} ditolak.`,
          ...rejects.slice(0, SHOWN_REJECTS).map((x) => `  baris ${x.row}, kolom ${x.column}: ${x.reason}`),
          ...(rejects.length > SHOWN_REJECTS ? [`  … dan ${rejects.length - SHOWN_REJECTS} penolakan lain (lihat --json).`] : []),
        ],
      };
    }),
  );
}
