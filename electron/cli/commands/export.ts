import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import { ApiError } from '../../../shared/api/errors';
import { resolveFileRef } from '../../core/files/registry';
import { actAs, withCore, type ActingSession, type CliContext } from '../context';
import { waitForJob } from '../jobs';
import type { Outcome } from '../outcome';
import type { Act } from '../program';

type Format = 'csv' | 'xlsx';

/** Each report: which formats it comes in and how to start its job. Another report is one more entry. */
const REPORTS: Record<string, { formats: readonly Format[]; needsInvoice?: boolean; start: (session: ActingSession, format: Format, options: Record<string, unknown>) => Promise<{ jobId: string }> }> = {
  applicants: { formats: ['csv', 'xlsx'], start: (s, format) => s.call('applicants.export', { format }) },
  eligibility: { formats: ['csv', 'xlsx'], start: (s, format) => s.call('screening.exportEligibility', { format }) },
  'screening-summary': { formats: ['xlsx'], start: (s) => s.call('screening.exportSummary', {}) },
  'wave-proof': { formats: ['csv'], start: (s, _format, o) => s.call('waves.exportProof', { number: waveOption(o) }) },
  'wave-selection': {
    formats: ['csv', 'xlsx'],
    start: (s, format, o) => s.call('waves.exportSelection', { number: waveOption(o), format, ...(o.province === undefined ? {} : { provinceCode: String(o.province) }) }),
  },
  reconciliation: {
    formats: ['csv', 'xlsx'],
    start: (s, format, o) => s.call('invoices.exportReconciliation', { format, ...(o.invoice === undefined ? {} : { invoiceNo: String(o.invoice) }) }),
  },
  'invoice-workbook': { formats: ['xlsx'], needsInvoice: true, start: (s, _format, o) => s.call('invoices.exportWorkbook', { invoiceNo: String(o.invoice) }) },
  'payment-advice': { formats: ['xlsx'], needsInvoice: true, start: (s, _format, o) => s.call('invoices.exportPaymentAdvice', { invoiceNo: String(o.invoice) }) },
};

/** `--wave N` for the wave reports. */
function waveOption(options: Record<string, unknown>): number {
  const value = String(options.wave ?? '');
  if (!/^\d+$/.test(value)) throw new ApiError('VALIDATION', 'Laporan gelombang memerlukan --wave N (nomor gelombang).');
  return Number(value);
}

export function registerExportCommand(program: Command, act: Act): void {
  program
    .command('export')
    .argument('<REPORT>', `laporan: ${Object.keys(REPORTS).join(', ')}`)
    .requiredOption('--out <FILE>', 'file hasil, .xlsx atau .csv')
    .option('--wave <N>', 'nomor gelombang (laporan gelombang)')
    .option('--invoice <INVOICE_NO>', 'nomor tagihan (laporan rekonsiliasi)')
    .option('--province <CODE>', 'satu provinsi saja (wave-selection)')
    .description('ekspor laporan ke XLSX atau CSV; perlu --user (semua peran boleh mengekspor yang boleh dibacanya)')
    .action(act(exportCommand));
}

async function exportCommand(ctx: CliContext, [report]: string[], options: Record<string, unknown>): Promise<Outcome> {
  const spec = REPORTS[report!];
  if (!spec) throw new ApiError('VALIDATION', `Laporan "${report}" tidak dikenal; pilihan: ${Object.keys(REPORTS).join(', ')}.`);
  const out = path.resolve(options.out as string);
  const format = path.extname(out).slice(1).toLowerCase() as Format;
  if (!spec.formats.includes(format)) throw new ApiError('VALIDATION', `Laporan ${report} dapat ditulis sebagai ${spec.formats.map((f) => `.${f}`).join(' atau ')}, bukan ${path.basename(out)}.`);
  if (spec.needsInvoice && (typeof options.invoice !== 'string' || options.invoice === '')) {
    throw new CommanderError(2, 'commander.missingMandatoryOptionValue', `error: required option '--invoice <INVOICE_NO>' not specified for the ${report} report`);
  }
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Ekspor', async (session) => {
      const { jobId } = await spec.start(session, format, options);
      const result = (await waitForJob(ctx, core, jobId)) as { fileRef: string; rows?: number; sha256?: string };
      const file = await resolveFileRef(core.db.kysely, result.fileRef, session.user);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.copyFileSync(file.path, out);
      return {
        data: { report, out, format, ...(result.rows === undefined ? {} : { rows: result.rows }), ...(result.sha256 === undefined ? {} : { sha256: result.sha256 }) },
        lines: [`Laporan ${report} ditulis ke ${out}${result.rows === undefined ? '' : ` (${result.rows} baris)`}.`, ...(result.sha256 ? [`sha256 ${result.sha256}`] : [])],
      };
    }),
  );
}
