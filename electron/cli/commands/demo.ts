import { InvalidArgumentError, type Command } from 'commander';
import { DEMO_DEFAULT_SEED, DEMO_MAX_APPLICANTS, DEMO_MIN_APPLICANTS } from '../../../shared/api/demo';
import { LINE_STATUSES, formatRupiah, type LineStatus } from '../../../shared/reconciliation';
import type { DemoSeedOutcome } from '../../core/demo/seed-job';
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
    .description(
      'isi basis data yang masih kosong dengan program contoh: pendaftar dan daftar pengecualian, gelombang 1 yang sudah diumumkan dan gelombang 2 yang masih dibuka, katalog, pembelian pelatihan dan tagihan — semuanya melalui impor, gelombang dan rekonsiliasi biasa; perlu --user admin',
    )
    .action(act(seedCommand));
}

async function seedCommand(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<Outcome> {
  const applicants = options.applicants as number;
  const seed = options.seed as string | undefined;
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Mengisi data demo', async (session) => {
      const { jobId } = await session.call('demo.seed', { applicants, ...(seed === undefined ? {} : { seed }) });
      const r = (await waitForJob(ctx, core, jobId)) as DemoSeedOutcome;
      const total = core.db.sqlite.prepare('SELECT count(*) FROM applicants').pluck().get() as number;
      return { data: { ...r, total }, lines: summaryLines(r, total, session.user.username) };
    }),
  );
}

const statusText = (statuses: Partial<Record<LineStatus, number>>) =>
  LINE_STATUSES.filter((s) => statuses[s])
    .map((s) => `${statuses[s]} ${s}`)
    .join(', ');

function summaryLines(r: DemoSeedOutcome, total: number, user: string): string[] {
  const lines = [
    `Data demo (benih "${r.seed}", tanggal acuan ${r.referenceDate}): ${r.applicants.inserted} pendaftar dan ${r.exclusions.inserted} entri daftar pengecualian diimpor (impor nomor ${r.applicants.runId} dan ${r.exclusions.runId}).`,
  ];
  for (const w of r.waves) {
    if (w.status === 'published') {
      lines.push(
        `Gelombang ${w.number} diumumkan ${w.publishedOn}: ${w.participants} peserta dari pool ${w.pool} (kuota ${w.quota}); pembelian pertama paling lambat ${w.purchaseDeadline}.`,
        `  Seed seleksinya "${w.seed}" (sha256-nya adalah seed commitment ${w.seedCommitment.slice(0, 12)}…). Untuk memeriksa: prakerja-office --user ${user} export wave-proof --wave ${w.number} --out bukti.csv, lalu prakerja-office --user ${user} wave verify ${w.number} --proof bukti.csv --seed ${w.seed}`,
      );
    } else {
      lines.push(`Gelombang ${w.number} ${w.status === 'open' ? 'dibuka' : w.status}: pendaftaran ${w.opensOn} s.d. ${w.closesOn}, kuota ${w.quota}; seed seleksinya "${w.seed}".`);
    }
  }
  const e = r.enrollments;
  lines.push(
    `Katalog: ${r.catalog.institutions.inserted} lembaga pelatihan, ${r.catalog.trainings.inserted} pelatihan. Pembelian: ${e.inserted} (${e.completed} selesai, ${e.cancelled} dibatalkan, ${e.inProgress} berjalan); ${e.participantsWithoutPurchase} peserta belum membeli.`,
  );
  for (const inv of r.invoices.invoices) {
    const head = `Tagihan ${inv.invoiceNo} (${inv.institutionId}, ${inv.invoiceDate}, ${inv.lines} baris, ${formatRupiah(inv.claimedAmount)})`;
    lines.push(
      inv.reconciliation
        ? `${head} direkonsiliasi: ${statusText(inv.reconciliation.statuses)}; disetujui ${formatRupiah(inv.reconciliation.approvedAmount)}. Menunggu persetujuan pengguna keuangan lain.`
        : `${head} diimpor, belum direkonsiliasi.`,
    );
  }
  lines.push(`Register kini berisi ${total} pendaftar. Selesai dalam ${r.seconds.toLocaleString('id-ID', { maximumFractionDigits: 1 })} detik.`);
  return lines;
}
