import type { Command } from 'commander';
import type { ScreeningOutcome } from '../../core/screening/run-screening';
import { REASON_CODES } from '../../../shared/eligibility';
import { actAs, withCore, type CliContext } from '../context';
import { waitForJob } from '../jobs';
import type { Outcome } from '../outcome';
import type { Act } from '../program';

export function registerScreenCommand(program: Command, act: Act): void {
  program
    .command('screen')
    .option('--as-of <YYYY-MM-DD>', 'tanggal acuan (bawaan: hari ini, WIB)')
    .description('saring kelayakan seluruh pendaftar (DESIGN 3.2); perlu --user reviewer atau admin')
    .action(act(screenCommand));
}

async function screenCommand(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<Outcome> {
  const asOf = options.asOf as string | undefined;
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Penyaringan', async (session) => {
      const { jobId } = await session.call('screening.run', asOf === undefined ? {} : { asOf });
      const r = (await waitForJob(ctx, core, jobId)) as ScreeningOutcome;
      return {
        data: { asOf: r.asOf, total: r.total, eligible: r.eligible, ineligible: r.ineligible, reasons: r.reasons, runId: r.runId, effective: r.effective, overridden: r.overridden },
        lines: [
          `Penyaringan nomor ${r.runId}, tanggal acuan ${r.asOf}: ${r.total} pendaftar, ${r.eligible} layak, ${r.ineligible} tidak layak.`,
          ...REASON_CODES.filter((code) => r.reasons[code] > 0).map((code) => `  ${code}: ${r.reasons[code]}`),
          `Setelah koreksi yang disetujui: ${r.effective.eligible} layak, ${r.effective.ineligible} tidak layak (${r.overridden.lapsed} koreksi gugur).`,
        ],
      };
    }),
  );
}
