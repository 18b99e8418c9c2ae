import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors';
import { LINE_STATUSES, STATUS_LABELS, formatRupiah } from '../../../shared/reconciliation';
import type { FinanceImportResult } from '../../core/catalog/import/table-import';
import type { ReconcileOutcome } from '../../core/invoices/reconcile-job';
import { registerLocalFile } from '../../core/files/registry';
import { actAs, withCore, type CliContext } from '../context';
import { waitForJob } from '../jobs';
import type { Outcome } from '../outcome';
import type { Act } from '../program';
import { allRejects } from './import';

const SHOWN_REJECTS = 20;

/** `invoice import FILE | reconcile INVOICE_NO | approve INVOICE_NO | reject INVOICE_NO --note TEXT` (DESIGN 7), as finance or admin. */
export function registerInvoiceCommands(program: Command, act: Act): void {
  const invoice = program.command('invoice').description('tagihan lembaga pelatihan: impor, rekonsiliasi, setujui atau tolak (DESIGN 3.4)');
  invoice
    .command('import')
    .argument('<FILE>', 'file tagihan CSV atau XLSX (DESIGN 4); satu file boleh berisi beberapa tagihan')
    .description('impor tagihan; perlu --user keuangan atau admin')
    .action(act(importCommand));
  invoice
    .command('reconcile')
    .argument('<INVOICE_NO>', 'nomor tagihan')
    .description('rekonsiliasi (ulang) tagihan: status tiap baris; pengguna ini menjadi pembuat (maker)')
    .action(act(reconcileCommand));
  invoice
    .command('approve')
    .argument('<INVOICE_NO>', 'nomor tagihan')
    .description('setujui rekonsiliasi terakhir; oleh keuangan atau admin lain selain yang merekonsiliasi')
    .action(act(decideCommand(true)));
  invoice
    .command('reject')
    .argument('<INVOICE_NO>', 'nomor tagihan')
    .requiredOption('--note <TEXT>', 'alasan penolakan untuk pembuat dan lembaga')
    .description('tolak rekonsiliasi terakhir dengan catatan; oleh keuangan atau admin lain selain yang merekonsiliasi')
    .action(act(decideCommand(false)));
}

async function importCommand(ctx: CliContext, [file]: string[]): Promise<Outcome> {
  const full = path.resolve(file!);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new ApiError('NOT_FOUND', `File ${full} tidak ditemukan atau bukan file biasa.`);
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Impor tagihan', async (session) => {
      const ref = await registerLocalFile(core, full, session.user.id);
      const { jobId } = await session.call('invoices.import', { fileRef: ref.ref });
      const r = (await waitForJob(ctx, core, jobId)) as FinanceImportResult & { invoices: string[]; invoiceOutcomes: Record<string, string>; removedLines: number };
      const rejects = await allRejects(session, r);
      const words = { inserted: 'baru', updated: 'diperbarui, rekonsiliasinya dikosongkan', unchanged: 'tidak berubah' } as Record<string, string>;
      return {
        data: {
          file: full, runId: r.runId, rows: r.rows, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected, rejects,
          invoices: r.invoices, invoiceOutcomes: r.invoiceOutcomes, removedLines: r.removedLines,
        },
        lines: [
          `Impor tagihan dari ${path.basename(full)} (impor nomor ${r.runId}): ${r.rows} baris — ${r.inserted} baru, ${r.updated} diperbarui, ${r.unchanged} tidak berubah, ${r.rejected} ditolak.`,
          ...r.invoices.map((no) => `  tagihan ${no}: ${words[r.invoiceOutcomes[no]!] ?? r.invoiceOutcomes[no]}`),
          ...rejects.slice(0, SHOWN_REJECTS).map((x) => `  baris ${x.row}, kolom ${x.column}: ${x.reason}`),
          ...(rejects.length > SHOWN_REJECTS ? [`  … dan ${rejects.length - SHOWN_REJECTS} penolakan lain (lihat --json).`] : []),
        ],
      };
    }),
  );
}

async function reconcileCommand(ctx: CliContext, [invoiceNo]: string[]): Promise<Outcome> {
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Rekonsiliasi tagihan', async (session) => {
      const { jobId } = await session.call('invoices.reconcile', { invoiceNo: invoiceNo! });
      const r = (await waitForJob(ctx, core, jobId)) as ReconcileOutcome;
      return {
        data: {
          invoice: r.invoice, lines: r.lines, statuses: r.statuses, approvedAmount: r.approvedAmount, disputedAmount: r.disputedAmount,
          claimedAmount: r.claimedAmount, runId: r.runId,
        },
        lines: [
          `Tagihan ${r.invoice} direkonsiliasi (rekonsiliasi nomor ${r.runId}): ${r.lines} baris, ditagih ${formatRupiah(r.claimedAmount)}, disetujui ${formatRupiah(r.approvedAmount)}, disengketakan ${formatRupiah(r.disputedAmount)}.`,
          ...LINE_STATUSES.filter((s) => r.statuses[s] > 0).map((s) => `  ${s} (${STATUS_LABELS[s]}): ${r.statuses[s]}`),
          'Persetujuan atau penolakan harus oleh pengguna keuangan atau admin lain.',
        ],
      };
    }),
  );
}

function decideCommand(approve: boolean) {
  return async (ctx: CliContext, [invoiceNo]: string[], options: Record<string, unknown>): Promise<Outcome> =>
    withCore(ctx, (core) =>
      actAs(ctx, core, approve ? 'Persetujuan tagihan' : 'Penolakan tagihan', async (session) => {
        const d = approve
          ? await session.call('invoices.approve', { invoiceNo: invoiceNo! })
          : await session.call('invoices.reject', { invoiceNo: invoiceNo!, note: String(options.note ?? '') });
        return {
          data: {
            invoice: d.invoiceNo, status: d.status, institutionId: d.institutionId, lines: d.lines, claimedAmount: d.claimedAmount,
            approvedAmount: d.approvedAmount, disputedAmount: d.disputedAmount, reconciledBy: d.reconciledBy, decidedBy: d.decidedBy, decidedAt: d.decidedAt,
            runId: d.latestRunId, ...(approve ? {} : { note: d.decisionNote }),
          },
          lines: approve
            ? [`Tagihan ${d.invoiceNo} disetujui oleh ${d.decidedBy}: dibayar ${formatRupiah(d.approvedAmount ?? 0)} dari ${formatRupiah(d.claimedAmount)} yang ditagih. Tagihan terkunci; nota pembayaran: export payment-advice --invoice ${d.invoiceNo}.`]
            : [`Tagihan ${d.invoiceNo} ditolak oleh ${d.decidedBy}: ${d.decisionNote}. Tagihan terkunci.`],
        };
      }),
    );
}
