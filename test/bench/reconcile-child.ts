/**
 * Child process for the bench: one reconciliation as a job worker runs it — a fresh process (cold JIT,
 * a new SQLite connection), the job body only — and one JSON line with its time, CPU and phases.
 * Usage: tsx test/bench/reconcile-child.ts DB INVOICE_NO USER_ID
 */
import { reconcileInvoiceJob } from '../../electron/core/invoices/reconcile-job';

const [dbPath, invoiceNo, userId] = process.argv.slice(2);
if (!dbPath || !invoiceNo || !userId) throw new Error('usage: reconcile-child.ts DB INVOICE_NO USER_ID');
const cpu = process.cpuUsage();
const started = performance.now();
const outcome = reconcileInvoiceJob(
  { dbPath, owner: { userId: Number(userId), username: 'bench' }, progress() {}, checkCancelled() {} },
  { invoiceNo },
);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ seconds, cpuSeconds: (used.user + used.system) / 1e6, timings: outcome.timings, statuses: outcome.statuses, lines: outcome.lines }));
