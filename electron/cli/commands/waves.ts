import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, InvalidArgumentError, Option, type Command } from 'commander';
import { ApiError } from '../../../shared/api/errors';
import type { ExpiryResult, ProofVerification, Wave } from '../../../shared/api/waves';
import { DEFAULT_BALANCE, formatCardNumber } from '../../../shared/waves';
import { registerLocalFile } from '../../core/files/registry';
import type { PublicationOutcome } from '../../core/waves/run-publication';
import type { SelectionOutcome } from '../../core/waves/run-selection';
import { actAs, withCore, type ActingSession, type CliContext } from '../context';
import { waitForJob } from '../jobs';
import { EXIT_USAGE, type Outcome } from '../outcome';
import type { Act } from '../program';

function waveNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 9999) throw new InvalidArgumentError('nomor gelombang 1–9999.');
  return Number(value);
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('harus bilangan bulat 0 atau lebih.');
  return Number(value);
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('tanggal YYYY-MM-DD.');
  return value;
}

const QUOTA_NOTE: Record<ProofVerification['quotaSource'], (wave: number | null) => string> = {
  given: (wave) => (wave === null ? '(kuota yang disebutkan)' : `(kuota gelombang ${wave})`),
  inferred: () => '(kuota nasional disimpulkan dari jumlah terpilih dalam bukti)',
  inferredProvinces: () => '(kuota tiap provinsi disimpulkan dari jumlah terpilihnya dalam bukti: kunci dan peringkat diperiksa, jumlah kursinya tidak)',
};
const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
const usage = (message: string) => new CommanderError(EXIT_USAGE, 'prakerja.usage', message);

export function registerWaveCommands(program: Command, act: Act): void {
  const wave = program.command('wave').description('gelombang seleksi (DESIGN 3.3)');
  wave
    .command('create')
    .requiredOption('--number <N>', 'nomor gelombang (1–9999)', waveNumber)
    .requiredOption('--name <TEXT>', 'nama gelombang')
    .addOption(new Option('--quota <N>', 'kuota nasional, dibagi ke provinsi menurut sisa terbesar atas besar pool').argParser(wholeNumber).conflicts('provinceQuotas'))
    .addOption(new Option('--province-quotas <FILE>', 'kuota per provinsi, CSV/XLSX province_code, quota (provinsi lain mendapat 0)').conflicts('quota'))
    .option('--weights <FILE>', 'bobot per employment_status, CSV/XLSX employment_status, weight (bawaan 1.0)')
    .requiredOption('--opens <DATE>', 'tanggal buka YYYY-MM-DD', isoDate)
    .requiredOption('--closes <DATE>', 'tanggal tutup YYYY-MM-DD (pendaftaran sampai akhir hari itu, WIB)', isoDate)
    .requiredOption('--seed-commitment <HEX>', 'sha256_hex(seed), 64 karakter heksadesimal; seed-nya disimpan di luar aplikasi')
    .option('--balance <RUPIAH>', `saldo pelatihan per peserta, Rupiah bulat (bawaan: ${DEFAULT_BALANCE}, yaitu ${rupiah(DEFAULT_BALANCE)})`, wholeNumber)
    .description('buat gelombang berstatus draft; perlu --user reviewer atau admin')
    .action(act(createCommand));
  wave.command('open').argument('<N>', 'nomor gelombang', waveNumber).description('buka gelombang (seed commitment diumumkan); perlu --user reviewer atau admin').action(act(transition('waves.open', 'dibuka')));
  wave.command('close').argument('<N>', 'nomor gelombang', waveNumber).description('tutup gelombang sesudah tanggal tutupnya; perlu --user reviewer atau admin').action(act(transition('waves.close', 'ditutup')));
  wave
    .command('select')
    .argument('<N>', 'nomor gelombang', waveNumber)
    .requiredOption('--seed <SEED>', 'seed yang sha256-nya adalah seed commitment gelombang')
    .description('saring pool per tanggal tutup dan seleksi dengan seed; perlu --user reviewer atau admin')
    .action(act(selectCommand));
  wave
    .command('publish')
    .argument('<N>', 'nomor gelombang', waveNumber)
    .option('--date <YYYY-MM-DD>', 'tanggal pengumuman (bawaan: hari ini, WIB)', isoDate)
    .description('umumkan hasil seleksi: peserta mendapat nomor kartu dan saldo; perlu --user admin')
    .action(act(publishCommand));
  wave
    .command('verify')
    .argument('[N]', 'nomor gelombang di basis data ini (kuota, besar pool dan seed commitment ikut diperiksa)', waveNumber)
    .requiredOption('--proof <FILE>', 'bukti seleksi (CSV wave-proof)')
    .requiredOption('--seed <SEED>', 'seed gelombang')
    .addOption(new Option('--quota <N>', 'tanpa N: kuota nasional yang diumumkan').argParser(wholeNumber).conflicts('provinceQuotas'))
    .addOption(new Option('--province-quotas <FILE>', 'tanpa N: kuota per provinsi yang diumumkan (CSV/XLSX)').conflicts('quota'))
    .description('hitung ulang seleksi dari bukti dan seed, lalu laporkan cocok atau tidak (tanpa kuota: kuota disimpulkan dari bukti); semua peran boleh (perlu --user)')
    .action(act(verifyCommand));
  wave.command('show').argument('<N>', 'nomor gelombang', waveNumber).description('tampilkan gelombang dan hasil seleksinya; perlu --user').action(act(showCommand));

  const participants = program.command('participants').description('peserta');
  participants
    .command('expire')
    .option('--as-of <YYYY-MM-DD>', 'tanggal acuan (bawaan: hari ini, WIB)', isoDate)
    .description('cabut peserta tanpa pembelian dalam 30 hari sejak pengumuman gelombangnya (berlaku sejak hari berikutnya); perlu --user admin')
    .action(act(expireCommand));
}

async function settingsFile(session: ActingSession, file: string, kind: 'weights' | 'provinceQuotas') {
  const full = path.resolve(file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new ApiError('NOT_FOUND', `File ${full} tidak ditemukan atau bukan file biasa.`);
  const ref = await registerLocalFile(session.core, full, session.user.id);
  return session.call('waves.readSettingsFile', { fileRef: ref.ref, kind });
}

function waveLines(w: Wave): string[] {
  const r = w.result;
  return [
    `Gelombang ${w.number} "${w.name}": ${w.status}; pendaftaran ${w.opensOn} s.d. ${w.closesOn}; kuota ${w.quotaTotal}${'provinces' in w.quota ? ' (per provinsi)' : ''}; saldo ${rupiah(w.balance)}.`,
    `Seed commitment ${w.seedCommitment}${w.seed ? `; seed ${w.seed}` : ''}.`,
    ...(r ? [`Seleksi: pool ${r.pool}, terpilih ${r.selected}, kursi tidak terisi ${r.unfilled} (disaring per ${r.screenedAsOf}).`] : []),
    ...(w.publishedOn ? [`Diumumkan ${w.publishedOn}: ${w.participants.total} peserta, ${w.participants.revoked} dicabut.`] : []),
  ];
}

async function createCommand(ctx: CliContext, _args: string[], o: Record<string, unknown>): Promise<Outcome> {
  if (o.quota === undefined && o.provinceQuotas === undefined) throw usage('Sebutkan kuota: --quota N atau --province-quotas FILE.');
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Membuat gelombang', async (session) => {
      const quota = o.quota !== undefined ? { national: o.quota as number } : { provinces: (await settingsFile(session, o.provinceQuotas as string, 'provinceQuotas')).provinces! };
      const weights = o.weights === undefined ? {} : (await settingsFile(session, o.weights as string, 'weights')).weights!;
      const w = await session.call('waves.create', {
        number: o.number as number,
        name: o.name as string,
        quota,
        weights,
        opensOn: o.opens as string,
        closesOn: o.closes as string,
        seedCommitment: o.seedCommitment as string,
        ...(o.balance === undefined ? {} : { balance: o.balance as number }),
      });
      return { data: { wave: w.number, status: w.status, quota: w.quota, quotaTotal: w.quotaTotal, weights: w.weights, opensOn: w.opensOn, closesOn: w.closesOn, balance: w.balance, seedCommitment: w.seedCommitment }, lines: waveLines(w) };
    }),
  );
}

function transition(method: 'waves.open' | 'waves.close', word: string) {
  return async (ctx: CliContext, [n]: string[]): Promise<Outcome> =>
    withCore(ctx, (core) =>
      actAs(ctx, core, `Gelombang ${word}`, async (session) => {
        const w = await session.call(method, { number: Number(n) });
        return { data: { wave: w.number, status: w.status, seedCommitment: w.seedCommitment, closesOn: w.closesOn }, lines: [`Gelombang ${w.number} ${word}.`, ...waveLines(w)] };
      }),
    );
}

async function selectCommand(ctx: CliContext, [n]: string[], o: Record<string, unknown>): Promise<Outcome> {
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Seleksi gelombang', async (session) => {
      const { jobId } = await session.call('waves.select', { number: Number(n), seed: o.seed as string });
      const r = (await waitForJob(ctx, core, jobId)) as SelectionOutcome;
      const provinces = Object.fromEntries(Object.entries(r.provinces).map(([code, p]) => [code, { quota: p.quota, pool: p.pool, selected: p.selected, unfilled: p.unfilled }]));
      return {
        data: { wave: r.wave, pool: r.pool, selected: r.selected, unfilled: r.unfilled, provinces, quota: r.quota, reselected: r.reselected, seconds: r.seconds },
        lines: [
          `Gelombang ${r.wave}${r.reselected ? ' (seleksi ulang)' : ''}: pool ${r.pool}, terpilih ${r.selected} dari kuota ${r.quota}, tidak terisi ${r.unfilled}.`,
          ...Object.entries(provinces)
            .filter(([, p]) => p.quota || p.pool)
            .map(([code, p]) => `  ${code}: kuota ${p.quota}, pool ${p.pool}, terpilih ${p.selected}${p.unfilled ? `, tidak terisi ${p.unfilled}` : ''}`),
        ],
      };
    }),
  );
}

async function publishCommand(ctx: CliContext, [n]: string[], o: Record<string, unknown>): Promise<Outcome> {
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Mengumumkan gelombang', async (session) => {
      const { jobId } = await session.call('waves.publish', { number: Number(n), ...(o.date === undefined ? {} : { date: o.date as string }) });
      const r = (await waitForJob(ctx, core, jobId)) as PublicationOutcome;
      return {
        data: { ...r },
        lines: [
          `Gelombang ${r.wave} diumumkan ${r.publishedOn}: ${r.participants} peserta, saldo ${rupiah(r.balance)} masing-masing.`,
          ...(r.firstCard ? [`Nomor kartu ${formatCardNumber(r.firstCard)} s.d. ${formatCardNumber(r.lastCard!)}.`] : []),
          `Batas pembelian pertama ${r.purchaseDeadline}; tanpa pembelian, kepesertaan dicabut mulai ${r.revokedFrom}.`,
        ],
      };
    }),
  );
}

async function verifyCommand(ctx: CliContext, [n]: string[], o: Record<string, unknown>): Promise<Outcome> {
  if (n !== undefined && (o.quota !== undefined || o.provinceQuotas !== undefined)) throw usage('Dengan nomor gelombang, kuotanya diambil dari gelombang itu: jangan sebutkan --quota atau --province-quotas.');
  const full = path.resolve(o.proof as string);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new ApiError('NOT_FOUND', `File ${full} tidak ditemukan atau bukan file biasa.`);
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Memeriksa bukti seleksi', async (session) => {
      const quota =
        o.quota !== undefined ? { national: o.quota as number } : o.provinceQuotas !== undefined ? { provinces: (await settingsFile(session, o.provinceQuotas as string, 'provinceQuotas')).provinces! } : undefined;
      const ref = await registerLocalFile(core, full, session.user.id);
      const { jobId } = await session.call('waves.verifyProof', { fileRef: ref.ref, seed: o.seed as string, ...(n === undefined ? {} : { number: Number(n) }), ...(quota ? { quota } : {}) });
      const v = (await waitForJob(ctx, core, jobId)) as ProofVerification;
      const where = (m: ProofVerification['mismatches'][number]) => (m.row === null ? 'seluruh bukti' : `baris ${m.row}${m.registrationId ? ` (${m.registrationId})` : ''}`);
      return {
        data: { match: v.ok, ...v },
        exitCode: v.ok ? 0 : 1,
        lines: v.ok
          ? [`COCOK: ${v.rows} baris bukti ${v.fileName} (sha256 ${v.sha256}) sama dengan hasil hitung ulang dari seed; terpilih ${v.recomputed!.selected} ${QUOTA_NOTE[v.quotaSource](v.wave)}.`]
          : [
              `TIDAK COCOK: ${v.fileName}${v.problems.length ? ` tidak dapat dibaca sebagai bukti seleksi` : `: ${v.mismatchCount} perbedaan`}.`,
              ...v.problems.map((p) => `  baris ${p.row}${p.column ? `, kolom ${p.column}` : ''}: ${p.reason}`),
              ...v.mismatches.map((m) => `  ${where(m)}: ${m.field} seharusnya ${m.expected}, tertulis ${m.actual}`),
            ],
      };
    }),
  );
}

async function showCommand(ctx: CliContext, [n]: string[]): Promise<Outcome> {
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Melihat gelombang', async (session) => {
      const w = await session.call('waves.get', { number: Number(n) });
      return { data: { ...w }, lines: waveLines(w) };
    }),
  );
}

async function expireCommand(ctx: CliContext, _args: string[], o: Record<string, unknown>): Promise<Outcome> {
  return withCore(ctx, (core) =>
    actAs(ctx, core, 'Mencabut peserta', async (session) => {
      const r: ExpiryResult = await session.call('participants.expire', o.asOf === undefined ? {} : { asOf: o.asOf as string });
      return {
        data: { ...r },
        lines: [
          `Per ${r.asOf}: ${r.revoked} peserta dicabut${Object.keys(r.byWave).length ? ` (${Object.entries(r.byWave).map(([w, c]) => `gelombang ${w}: ${c}`).join(', ')})` : ''}.`,
          `Tempat yang kembali ke kuota program untuk gelombang berikutnya: ${r.freedPlaces.total}${Object.keys(r.freedPlaces.byWave).length ? ` (${Object.entries(r.freedPlaces.byWave).map(([w, c]) => `gelombang ${w}: ${c}`).join(', ')})` : ''}.`,
        ],
      };
    }),
  );
}
