import { InvalidArgumentError, type Command } from 'commander';
import { DEMO_DEFAULT_SEED, DEMO_MAX_APPLICANTS, DEMO_MIN_APPLICANTS, type DemoSeedResult } from '../../../shared/api/demo';
import { actAs, withCore, type CliContext } from '../context';
import { waitForJob } from '../jobs';
import type { Outcome } from '../outcome';
import type { Act } from '../program';

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('harus bilangan bulat.');
  return Number(value);
}

export function registerDemoCommands(program: Command, act: Act): void {
  const demo = program.command('demo').description('data demo');
  demo
    .command('seed')
    .option('--applicants <N>', `jumlah pendaftar (${DEMO_MIN_APPLICANTS}–${DEMO_MAX_APPLICANTS})`, wholeNumber, 10_000)
    .option('--seed <S>', `benih acak; benih yang sama memberi data yang sama (bawaan: ${DEMO_DEFAULT_SEED})`)
    .description('isi register yang masih kosong dengan pendaftar dan daftar pengecualian sintetis melalui impor biasa; perlu --user admin')
    .action(act(seedCommand));
}

async function seedCommand(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<Outcome> {
  const applicants = options.applicants as number;
  const seed = options.seed as string | undefined;
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Mengisi data demo', async (session) => {
      const { jobId } = await session.call('demo.seed', { applicants, ...(seed === undefined ? {} : { seed }) });
      const r = (await waitForJob(ctx, core, jobId)) as DemoSeedResult;
      const total = core.db.sqlite.prepare('SELECT count(*) FROM applicants').pluck().get() as number;
      return {
        data: { ...r, total },
        lines: [
          `Data demo (benih "${r.seed}", tanggal acuan ${r.referenceDate}): ${r.applicants.inserted} pendaftar dan ${r.exclusions.inserted} entri daftar pengecualian diimpor (impor nomor ${r.applicants.runId} dan ${r.exclusions.runId}).`,
          `Register kini berisi ${total} pendaftar.`,
        ],
      };
    }),
  );
}
