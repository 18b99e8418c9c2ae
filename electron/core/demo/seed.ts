import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { Core } from '../app';
import { runImport, type ImportResult } from '../applicants/import/run-import';
import { demoCatalog } from './catalog';
import { writeDemoCsvs } from './csv-files';
import { demoInvoices } from './invoice-plan';
import {
  closeAndSelectWave1,
  describeWaves,
  importEnrollments,
  importInstitutions,
  importInvoices,
  importTrainings,
  openWave1,
  openWave2,
  publishWave1,
  reconcile,
  type DemoInvoice,
  type DemoWave,
  type ImportCounts,
  type ProgrammeContext,
} from './programme';
import type { EnrollmentStats } from './enrollments';
import { stepRunner, type StepTiming } from './steps';
import { demoTimeline } from './timeline';

export interface SeedOptions {
  applicants: number;
  seed: string | number;
  /** `YYYY-MM-DD`; default today in Asia/Jakarta (from `now`). Ages, registrations and the programme's calendar hang on it. */
  referenceDate?: string;
  now?: () => Date;
  /** The admin the demo acts as; required (the wave steps go through the router as this user). */
  owner?: { userId: number | null; username: string | null };
  progress?: (done: number, total: number | null, message?: string) => void;
  checkCancelled?: () => void;
}

export interface SeedResult {
  referenceDate: string;
  applicants: ImportResult;
  exclusions: ImportResult;
  waves: DemoWave[];
  catalog: { institutions: ImportCounts; trainings: ImportCounts };
  enrollments: ImportCounts & EnrollmentStats;
  invoices: ImportCounts & { invoices: DemoInvoice[] };
  seconds: number;
  /** Wall seconds of each step, in order. */
  steps: StepTiming[];
}

/** Wave quotas: a tenth of the register each (wave 1 selects from the first half of the registrations). */
export const waveQuota = (applicants: number) => Math.max(1, Math.round(applicants / 10));

const STEPS = 12;

/**
 * `demo seed`: a programme in progress, built only through the app's own paths. The generated CSVs
 * (DESIGN 4 formats) go through the ordinary imports, the waves through the router (create, open,
 * close) and the `wave.select` / `wave.publish` job bodies, the invoice through the `invoice.reconcile`
 * job body: validated and audited like real work, as the seeding admin. See timeline.ts for the dates.
 * Every step is its own transaction; a failure names its step (the earlier steps stay).
 */
export async function seedDemo(target: Core | string, opts: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const dbPath = typeof target === 'string' ? target : target.db.path;
  const now = opts.now ?? (() => new Date());
  const owner = opts.owner ?? { userId: null, username: null };
  const username = owner.username;
  if (!username) throw new ApiError('VALIDATION', 'Data demo diisikan atas nama seorang admin; pengguna tidak diketahui.');
  const referenceDate = opts.referenceDate ?? new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const seed = String(opts.seed);
  const checkCancelled = opts.checkCancelled ?? (() => {});
  const { step, timings } = stepRunner(STEPS, (done, total, message) => opts.progress?.(done, total, message));
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'prakerja-demo-'));
  try {
    const files = await step('Membuat berkas data demo', () => writeDemoCsvs(dir, { count: opts.applicants, seed, referenceDate }), { writes: false });
    checkCancelled();
    const importCtx = (progress: (done: number, total: number | null) => void) => ({ dbPath, owner, progress, checkCancelled, now });
    const applicants = await step('Mengimpor pendaftar demo', (p) => runImport(importCtx(p), { kind: 'applicants', path: files.applicants.path, fileName: 'demo-applicants.csv' }));
    const exclusions = await step('Mengimpor daftar pengecualian demo', (p) => runImport(importCtx(p), { kind: 'exclusions', path: files.exclusions.path, fileName: 'demo-exclusions.csv' }));

    const ctx: ProgrammeContext = { dbPath, owner: { userId: owner.userId, username }, dir, seed, timeline: demoTimeline(referenceDate), checkCancelled, now };
    const quota = waveQuota(opts.applicants);
    await step('Membuat dan membuka gelombang 1', () => openWave1(ctx, quota));
    await step('Menutup dan menyeleksi gelombang 1', (p) => closeAndSelectWave1(ctx, p));
    await step('Mengumumkan gelombang 1 (kartu dan saldo peserta)', (p) => publishWave1(ctx, p));
    await step('Membuat dan membuka gelombang 2', () => openWave2(ctx, quota));

    const catalog = demoCatalog(seed);
    const institutions = await step('Mengimpor lembaga pelatihan demo', (p) => importInstitutions(ctx, catalog, p));
    const trainings = await step('Mengimpor pelatihan demo', (p) => importTrainings(ctx, catalog, p));
    const enrollments = await step('Mengimpor pembelian pelatihan demo', (p) => importEnrollments(ctx, catalog, p));
    const plan = demoInvoices(seed, enrollments.rows, catalog, ctx.timeline);
    const invoiceImport = await step('Mengimpor tagihan demo', (p) => importInvoices(ctx, plan, p));
    const reconciled = new Map<string, DemoInvoice['reconciliation']>();
    const toReconcile = plan.filter((inv) => inv.reconcile);
    await step(`Merekonsiliasi tagihan ${toReconcile.map((inv) => inv.invoiceNo).join(', ')}`, async (p) => {
      for (const inv of toReconcile) {
        const r = reconcile(ctx, inv.invoiceNo, p);
        reconciled.set(inv.invoiceNo, { runId: r.runId, statuses: nonZero(r.statuses), approvedAmount: r.approvedAmount, disputedAmount: r.disputedAmount });
      }
    });

    return {
      referenceDate,
      applicants,
      exclusions,
      waves: describeWaves(ctx),
      catalog: { institutions, trainings },
      enrollments: enrollments.result,
      invoices: {
        ...invoiceImport,
        invoices: plan.map((inv) => ({
          invoiceNo: inv.invoiceNo,
          institutionId: inv.institutionId,
          invoiceDate: inv.invoiceDate,
          lines: inv.lines.length,
          claimedAmount: inv.lines.reduce((s, l) => s + l.amount, 0),
          status: reconciled.has(inv.invoiceNo) ? 'reconciled' : 'imported',
          expected: inv.expected,
          reconciliation: reconciled.get(inv.invoiceNo) ?? null,
        })),
      },
      seconds: (Date.now() - started) / 1000,
      steps: timings,
    };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

function nonZero<K extends string>(counts: Record<K, number>): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => (n as number) > 0)) as Partial<Record<K, number>>;
}
