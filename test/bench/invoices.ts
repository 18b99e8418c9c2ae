/**
 * Reconciling a 100,000-line invoice through the real path (DESIGN 5: <= 3 s): the job body, each time in
 * a fresh child process as a job worker runs it (cold JIT, its own SQLite connection), reads the
 * lines and their enrollments, participants and trainings from SQLite, gives every line its status with
 * the shared logic, and writes each line's result, the run, the invoice and the audit record in one
 * transaction. On its own database with 100,000 participants and 100,000 enrollments (imported through
 * the real enrollments import), and a second invoice already holding 5,000 of them (ALREADY_BILLED).
 * Run alone: `npx tsx test/bench/invoices.ts [--lines N] [--repeat N]`; `npm run bench` includes it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/app';
import { enrollmentsSpec } from '../../electron/core/catalog/import/catalog-specs';
import { runFinanceImport } from '../../electron/core/catalog/import/table-import';
import { openSqlite } from '../../electron/core/db/connection';
import { invoicesSpec } from '../../electron/core/invoices/import-invoices';
import { reconcileInvoiceJob, type ReconcileOutcome } from '../../electron/core/invoices/reconcile-job';

/** One reconciliation in a fresh child process, as a job worker runs it (cold JIT, its own connection). */
function reconcileInChild(dbPath: string, invoiceNo: string, userId: number): { seconds: number; cpuSeconds: number; timings: ReconcileOutcome['timings']; statuses: ReconcileOutcome['statuses']; lines: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'reconcile-child.ts'), dbPath, invoiceNo, String(userId)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`reconcile child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

export interface ReconcileFigures {
  lines: number;
  participants: number;
  enrollments: number;
  /** Median over the repeats of a first reconciliation, wall seconds of the whole job body (read, logic, write, run, audit, commit). */
  seconds: number;
  /** Reconciling again after 1,000 purchases were completed late (most results unchanged), wall seconds. */
  againSeconds: number;
  cpuSeconds: number;
  /** Medians, milliseconds. */
  phases: { readMs: number; logicMs: number; writeMs: number; finishAndCommitMs: number };
  repeats: number;
  statuses: ReconcileOutcome['statuses'];
  /** The setup's real imports, for reference (not budgeted). */
  enrollmentImportRowsPerSecond: number;
  invoiceImportRowsPerSecond: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const nikOf = (i: number) => `3273${pad(i, 12)}`;

const ctx = (dbPath: string, userId: number) => ({
  dbPath,
  owner: { userId, username: 'bench' },
  progress() {},
  checkCancelled() {},
});

export async function benchReconcileDb(options: { lines?: number; repeat?: number; dir?: string } = {}): Promise<ReconcileFigures> {
  const lines = options.lines ?? 100_000;
  const people = Math.max(lines, 100_000);
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-bench-invoices-'));
  const dbPath = path.join(dir, 'invoices.sqlite');
  const core = await createCore(dbPath, { log: () => {} });
  const setup = await core.router.invoke('auth.setup', { username: 'bench', displayName: 'Bench', password: 'bench-password-123' }, { origin: 'bench' });
  const userId = setup.user.id;
  await core.close();

  // Fixture (not timed): participants of a published wave, one institution and 500 trainings.
  const sqlite = openSqlite(dbPath);
  sqlite.exec('BEGIN');
  const participant = sqlite.prepare(`INSERT INTO participants (registration_id, nik, kk, wave_number, published_on, revoked_at, version, updated_at) VALUES (?, ?, ?, 1, '2026-12-01', ?, 1, 'x')`);
  for (let i = 0; i < people; i++) participant.run(`B-${pad(i, 7)}`, nikOf(i), `3273${pad(i, 12)}`, i % 997 === 0 ? '2026-12-15' : null);
  sqlite.prepare(`INSERT INTO institutions (institution_id, name, npwp, platform, bank_account, version, updated_at) VALUES ('LPK-B', 'Bench', '-', 'Tokopedia', 'BNI 1', 1, 'x')`).run();
  const training = sqlite.prepare(`INSERT INTO trainings (training_id, institution_id, title, category, price, mode, hours, version, updated_at) VALUES (?, ?, ?, 'x', 1000000, 'online', 10, 1, 'x')`);
  for (let t = 0; t < 500; t++) training.run(`TR-${t}`, t === 499 ? 'LPK-OTHER' : 'LPK-B', `Training ${t}`);
  sqlite.exec('COMMIT');
  sqlite.close();

  // Enrollments and invoices through the real imports.
  const enrollmentsCsv = path.join(dir, 'enrollments.csv');
  const rows = ['enrollment_id,nik,training_id,platform,price_paid,purchased_at,completed_at,certificate_no,cancelled_at'];
  for (let i = 0; i < people; i++) {
    const day = 2 + (i % 27);
    const completed = i % 10 !== 0;
    rows.push(
      `ENR-${pad(i, 7)},${nikOf(i)},TR-${i % 500},Tokopedia,1000000,2026-12-${pad(day, 2)}T09:00:00+07:00,${completed ? `2027-01-${pad(1 + (i % 28), 2)}T10:00:00+07:00` : ''},${completed && i % 50 !== 1 ? `C-${i}` : ''},${i % 101 === 0 ? '2026-12-30' : ''}`,
    );
  }
  fs.writeFileSync(enrollmentsCsv, `${rows.join('\n')}\n`);
  const enrollmentImport = await runFinanceImport(ctx(dbPath, userId), enrollmentsSpec, { path: enrollmentsCsv, fileName: 'enrollments.csv' });

  const invoiceCsv = path.join(dir, 'invoices.csv');
  const inv = ['invoice_no,institution_id,invoice_date,line_no,enrollment_id,nik,training_id,amount'];
  // An earlier invoice holding 5,000 enrollments the big one bills again.
  for (let i = 0; i < 5000; i++) inv.push(`INV-EARLY,LPK-B,2027-01-15,${i + 1},ENR-${pad(i * 3, 7)},${nikOf(i * 3)},TR-${(i * 3) % 500},1000000`);
  for (let n = 1; n <= lines; n++) {
    const i = n - 1;
    const enrollment = n % 1000 === 0 ? `ENR-X${n}` : n % 777 === 0 ? `ENR-${pad(i - 1, 7)}` : `ENR-${pad(i, 7)}`;
    const nik = n % 643 === 0 ? nikOf(i + 1) : nikOf(i);
    const trainingId = n % 569 === 0 ? `TR-${(i + 1) % 500}` : `TR-${i % 500}`;
    inv.push(`INV-BIG,LPK-B,2027-01-31,${n},${enrollment},${nik},${trainingId},${n % 211 === 0 ? 1100000 : 1000000}`);
  }
  fs.writeFileSync(invoiceCsv, `${inv.join('\n')}\n`);
  const invoiceImport = await runFinanceImport(ctx(dbPath, userId), invoicesSpec, { path: invoiceCsv, fileName: 'invoices.csv' });
  reconcileInvoiceJob(ctx(dbPath, userId), { invoiceNo: 'INV-EARLY' });

  const runs: { seconds: number; cpu: number; t: ReconcileOutcome['timings']; statuses: ReconcileOutcome['statuses']; lines: number }[] = [];
  // Each timed run is a first reconciliation: the previous result is cleared (untimed) as a re-import would.
  const reset = openSqlite(dbPath);
  const clear = () => {
    const id = reset.prepare(`SELECT id FROM invoices WHERE invoice_no = 'INV-BIG'`).pluck().get() as number;
    reset.transaction(() => {
      reset.prepare('DELETE FROM invoice_line_results WHERE invoice_id = ?').run(id);
      reset.prepare(`UPDATE invoices SET status = 'imported', reconciled_by = NULL, reconciled_by_name = NULL, reconciled_at = NULL WHERE id = ?`).run(id);
    })();
    reset.pragma('wal_checkpoint(TRUNCATE)');
  };
  for (let r = 0; r < (options.repeat ?? 5); r++) {
    clear();
    const r = reconcileInChild(dbPath, 'INV-BIG', userId);
    runs.push({ seconds: r.seconds, cpu: r.cpuSeconds, t: r.timings, statuses: r.statuses, lines: r.lines });
  }
  // A late completion of 1,000 purchases, then the same invoice reconciled again.
  reset.prepare(`UPDATE enrollments SET completed_at = '2027-02-01T03:00:00.000Z', certificate_no = 'LATE-' || id, version = version + 1 WHERE id IN (SELECT id FROM enrollments WHERE completed_at IS NULL LIMIT 1000)`).run();
  reset.close();
  const againSeconds = reconcileInChild(dbPath, 'INV-BIG', userId).seconds;
  if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
  const last = runs.at(-1)!;
  return {
    lines: last.lines,
    participants: people,
    enrollments: people,
    seconds: median(runs.map((r) => r.seconds)),
    againSeconds,
    cpuSeconds: median(runs.map((r) => r.cpu)),
    phases: {
      readMs: median(runs.map((r) => r.t.readMs)),
      logicMs: median(runs.map((r) => r.t.logicMs)),
      writeMs: median(runs.map((r) => r.t.writeMs)),
      finishAndCommitMs: median(runs.map((r) => r.seconds * 1000 - r.t.readMs - r.t.logicMs - r.t.writeMs)),
    },
    repeats: runs.length,
    statuses: last.statuses,
    enrollmentImportRowsPerSecond: enrollmentImport.rowsPerSecond,
    invoiceImportRowsPerSecond: invoiceImport.rowsPerSecond,
  };
}

if (process.argv[1]?.endsWith('invoices.ts')) {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
  const f = await benchReconcileDb({ lines: arg('--lines'), repeat: arg('--repeat') });
  console.log(JSON.stringify(f, null, 2));
}
