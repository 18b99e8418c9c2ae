import path from 'node:path';
import type { LineStatus } from '../../../shared/reconciliation';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { purchaseDeadline } from '../../../shared/waves';
import { ENROLLMENT_COLUMNS, INSTITUTION_COLUMNS, TRAINING_COLUMNS, enrollmentsSpec, institutionsSpec, trainingsSpec } from '../catalog/import/catalog-specs';
import { runFinanceImport, type FinanceImportContext, type FinanceImportResult, type ImportSpec } from '../catalog/import/table-import';
import { openSqlite } from '../db/connection';
import { INVOICE_COLUMNS, invoicesSpec } from '../invoices/import-invoices';
import { reconcileInvoiceJob } from '../invoices/reconcile-job';
import { runPublication } from '../waves/run-publication';
import { runSelection } from '../waves/run-selection';
import { waveDetail } from '../waves/wave-record';
import { actAt } from './act-as';
import { institutionFields, trainingFields, type DemoCatalog } from './catalog';
import { writeLines } from './csv-files';
import { demoEnrollments, enrollmentFields, type DemoEnrollment, type DemoParticipant, type EnrollmentStats } from './enrollments';
import { invoiceFields, type PlannedInvoice } from './invoice-plan';
import type { StepProgress } from './steps';
import type { DemoTimeline } from './timeline';

/** What every step gets: the database, the acting admin, the folder for the files, the cancel check. */
export interface ProgrammeContext {
  dbPath: string;
  owner: { userId: number | null; username: string };
  dir: string;
  seed: string;
  timeline: DemoTimeline;
  checkCancelled(): void;
  /** The clock of the imports and the reconciliation (the seeding time); the wave steps use the calendar's. */
  now?: () => Date;
}

export interface ImportCounts {
  runId: number;
  rows: number;
  inserted: number;
  rejected: number;
}

export interface DemoWave {
  number: number;
  name: string;
  status: string;
  /** The selection seed: demo data, published so that anyone can re-check the selection (`wave verify`). */
  seed: string;
  seedCommitment: string;
  opensOn: string;
  closesOn: string;
  publishedOn: string | null;
  purchaseDeadline: string | null;
  quota: number;
  pool: number | null;
  selected: number | null;
  participants: number;
}

export interface DemoInvoice {
  invoiceNo: string;
  institutionId: string;
  invoiceDate: string;
  lines: number;
  claimedAmount: number;
  status: 'imported' | 'reconciled';
  /** The statuses its lines are built to get (DESIGN 3.4) when reconciled after the seed. */
  expected: Partial<Record<LineStatus, number>>;
  /** The seed's own reconciliation, for the invoice it reconciles. */
  reconciliation: { runId: number; statuses: Partial<Record<LineStatus, number>>; approvedAmount: number; disputedAmount: number } | null;
}

const counts = (r: { runId: number; rows: number; inserted: number; rejected: number }): ImportCounts => ({ runId: r.runId, rows: r.rows, inserted: r.inserted, rejected: r.rejected });

export const waveSeed = (demoSeed: string, number: number) => `${demoSeed}-gelombang-${number}`;

/** Employment statuses the demo waves favour (DESIGN 3.3 weights; the rest weigh 1). */
const WEIGHTS = { laid_off: 1.5, unemployed: 1.25 };

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "Gelombang Oktober–November 2026": named for its registration months, as offices name their waves. */
export function waveName(opensOn: string, closesOn: string): string {
  const month = (d: string) => MONTHS[Number(d.slice(5, 7)) - 1]!;
  const [y1, y2] = [opensOn.slice(0, 4), closesOn.slice(0, 4)];
  if (y1 !== y2) return `Gelombang ${month(opensOn)} ${y1}–${month(closesOn)} ${y2}`;
  return month(opensOn) === month(closesOn) ? `Gelombang ${month(opensOn)} ${y1}` : `Gelombang ${month(opensOn)}–${month(closesOn)} ${y1}`;
}

function waveInput(ctx: ProgrammeContext, number: number, quota: number, dates: { opensOn: string; closesOn: string }) {
  const { opensOn, closesOn } = dates;
  return { number, name: waveName(opensOn, closesOn), quota: { national: quota }, weights: WEIGHTS, opensOn, closesOn, seedCommitment: sha256Hex(waveSeed(ctx.seed, number)) };
}

/** Wave 1 created and opened the day before its registration opens: its seed commitment is public from then. */
export async function openWave1(ctx: ProgrammeContext, quota: number): Promise<void> {
  const w = ctx.timeline.wave1;
  await actAt(ctx.dbPath, ctx.owner.username, w.openedAt, async (call) => {
    await call('waves.create', waveInput(ctx, 1, quota, w));
    await call('waves.open', { number: 1 });
  });
}

/** Closed the day after its close date, then selected with its seed through the `wave.select` job body. */
export async function closeAndSelectWave1(ctx: ProgrammeContext, progress: StepProgress) {
  const w = ctx.timeline.wave1;
  await actAt(ctx.dbPath, ctx.owner.username, w.closedAt, (call) => call('waves.close', { number: 1 }));
  return runSelection(
    { dbPath: ctx.dbPath, owner: ctx.owner, progress: (done, total) => progress(done, total), checkCancelled: ctx.checkCancelled },
    { number: 1, seed: waveSeed(ctx.seed, 1), requestedAt: w.selectedAt.toISOString() },
  );
}

/** Announced through the `wave.publish` job body: cards and balances for the selected. */
export function publishWave1(ctx: ProgrammeContext, progress: StepProgress) {
  const w = ctx.timeline.wave1;
  return runPublication(
    { dbPath: ctx.dbPath, owner: ctx.owner, progress: (done, total) => progress(done, total), checkCancelled: ctx.checkCancelled },
    { number: 1, date: w.publishedOn, requestedAt: w.publishedAt.toISOString() },
  );
}

/** Wave 2 opened the day after wave 1's announcement and still taking registrations on the reference date. */
export async function openWave2(ctx: ProgrammeContext, quota: number): Promise<void> {
  const w = ctx.timeline.wave2;
  await actAt(ctx.dbPath, ctx.owner.username, w.openedAt, async (call) => {
    await call('waves.create', waveInput(ctx, 2, quota, w));
    await call('waves.open', { number: 2 });
  });
}

async function importFile<V extends object>(ctx: ProgrammeContext, progress: StepProgress, spec: ImportSpec<V>, fileName: string, header: readonly string[], rows: Iterable<readonly string[]>): Promise<FinanceImportResult> {
  const file = path.join(ctx.dir, fileName);
  await writeLines(file, header, rows);
  ctx.checkCancelled();
  const importCtx: FinanceImportContext = { dbPath: ctx.dbPath, owner: ctx.owner, progress: (done, total) => progress(done, total), checkCancelled: ctx.checkCancelled, ...(ctx.now ? { now: ctx.now } : {}) };
  return runFinanceImport(importCtx, spec, { path: file, fileName });
}

export async function importInstitutions(ctx: ProgrammeContext, catalog: DemoCatalog, progress: StepProgress): Promise<ImportCounts> {
  return counts(await importFile(ctx, progress, institutionsSpec, 'demo-institutions.csv', INSTITUTION_COLUMNS, catalog.institutions.map(institutionFields)));
}

export async function importTrainings(ctx: ProgrammeContext, catalog: DemoCatalog, progress: StepProgress): Promise<ImportCounts> {
  return counts(await importFile(ctx, progress, trainingsSpec, 'demo-trainings.csv', TRAINING_COLUMNS, catalog.trainings.map(trainingFields)));
}

/** Wave 1's participants as the publication left them, in card order. */
function readParticipants(dbPath: string): DemoParticipant[] {
  const sqlite = openSqlite(dbPath, { readonly: true });
  try {
    return sqlite.prepare('SELECT nik, card_number AS cardNumber, balance FROM participants WHERE wave_number = 1 AND card_number IS NOT NULL ORDER BY card_number').all() as DemoParticipant[];
  } finally {
    sqlite.close();
  }
}

export async function importEnrollments(ctx: ProgrammeContext, catalog: DemoCatalog, progress: StepProgress): Promise<{ rows: DemoEnrollment[]; result: ImportCounts & EnrollmentStats }> {
  const { rows, stats } = demoEnrollments(ctx.seed, readParticipants(ctx.dbPath), catalog, ctx.timeline);
  const r = await importFile(ctx, progress, enrollmentsSpec, 'demo-enrollments.csv', ENROLLMENT_COLUMNS, rows.map(enrollmentFields));
  return { rows, result: { ...counts(r), ...stats } };
}

export async function importInvoices(ctx: ProgrammeContext, plan: PlannedInvoice[], progress: StepProgress): Promise<ImportCounts> {
  const lines = plan.flatMap((inv) => inv.lines.map((l) => invoiceFields(inv, l)));
  return counts(await importFile(ctx, progress, invoicesSpec, 'demo-invoices.csv', INVOICE_COLUMNS, lines));
}

/** The `invoice.reconcile` job body, as the seeding user: they become the invoice's maker. */
export function reconcile(ctx: ProgrammeContext, invoiceNo: string, progress: StepProgress) {
  return reconcileInvoiceJob(
    { dbPath: ctx.dbPath, owner: ctx.owner, progress: (done, total) => progress(done, total), checkCancelled: ctx.checkCancelled, ...(ctx.now ? { now: ctx.now } : {}) },
    { invoiceNo },
  );
}

/** The waves as stored after the seed, with the seeds a user needs to re-check them. */
export function describeWaves(ctx: ProgrammeContext): DemoWave[] {
  const sqlite = openSqlite(ctx.dbPath, { readonly: true });
  try {
    return [1, 2].map((number) => {
      const w = waveDetail(sqlite, number);
      return {
        number,
        name: w.name,
        status: w.status,
        seed: waveSeed(ctx.seed, number),
        seedCommitment: w.seedCommitment,
        opensOn: w.opensOn,
        closesOn: w.closesOn,
        publishedOn: w.publishedOn,
        purchaseDeadline: w.publishedOn ? purchaseDeadline(w.publishedOn) : null,
        quota: w.quotaTotal,
        pool: w.result?.pool ?? null,
        selected: w.result?.selected ?? null,
        participants: w.participants.total,
      };
    });
  } finally {
    sqlite.close();
  }
}
