/**
 * The pure domain parts of two DESIGN 5 budgets, without the database: selecting 100,000 of a
 * 1,000,000 pool (hashing included) and reconciling a 100,000-line invoice.
 * Run: `npx tsx test/bench/domain-logic.ts`. The full figures (with SQLite) belong in `npm run bench`.
 */
import { reconcileInvoice, type EnrollmentFacts, type InvoiceLine } from '../../shared/reconciliation';
import { seedCommitment, selectWave, verifyProof, writeProofRows, parseProofCsv, type PoolMember } from '../../shared/selection';

const PROVINCES = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53'];
const STATUSES = ['unemployed', 'laid_off', 'informal', 'micro_business', 'employed'];

/** Wall and CPU milliseconds of each timed step, printed when this file runs on its own. */
export type Timings = Record<string, { wallMs: number; cpuMs: number }>;

function timed<T>(timings: Timings, label: string, run: () => T): T {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const used = process.cpuUsage(cpu);
  timings[label] = { wallMs: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000) };
  return result;
}

export function benchSelection(poolSize = 1_000_000, quota = 100_000): Timings {
  const t: Timings = {};
  const pool: PoolMember[] = Array.from({ length: poolSize }, (_, i) => ({
    registrationId: `REG-2026-${String(i).padStart(7, '0')}`,
    provinceCode: PROVINCES[(i * 7919) % PROVINCES.length]!,
    employmentStatus: STATUSES[i % STATUSES.length]!,
  }));
  const seed = 'f'.repeat(64);
  const result = timed(t, 'select', () =>
    selectWave({ seed, seedCommitment: seedCommitment(seed), pool, weights: { unemployed: 2, laid_off: 1.5 }, quota: { national: quota } }),
  );
  const text = timed(t, 'write proof', () => [...writeProofRows(result.rows)].join('\n'));
  const parsed = timed(t, 'parse proof', () => parseProofCsv(text));
  const check = timed(t, 'verify proof', () => verifyProof(parsed.rows, seed, { quota: { national: quota }, pool: poolSize }));
  if (!check.ok) throw new Error('proof did not verify');
  return t;
}

export function benchReconciliation(lineCount = 100_000): Timings {
  const t: Timings = {};
  const enrollments = new Map<string, EnrollmentFacts>();
  const lines: InvoiceLine[] = [];
  for (let i = 0; i < lineCount; i++) {
    const enrollmentId = `ENR-${i}`;
    enrollments.set(enrollmentId, {
      enrollmentId,
      nik: `32730141019${String(i % 100000).padStart(5, '0')}`,
      trainingId: `TR-${i % 500}`,
      institutionId: 'LPK-1',
      pricePaid: 1_000_000,
      purchasedAt: '2026-06-02T03:00:00Z',
      completedAt: i % 10 === 0 ? null : '2026-06-20T03:00:00Z',
      certificateNo: `C-${i}`,
      cancelledAt: null,
      participantRevokedAt: i % 97 === 0 ? '2026-06-01' : null,
    });
    lines.push({ invoiceNo: 'INV-B', lineNo: i + 1, enrollmentId, nik: enrollments.get(enrollmentId)!.nik, trainingId: `TR-${i % 500}`, amount: i % 13 === 0 ? 1_100_000 : 1_000_000 });
  }
  timed(t, 'reconcile', () =>
    reconcileInvoice({ invoice: { invoiceNo: 'INV-B', institutionId: 'LPK-1' }, lines, enrollments, billedElsewhere: new Map() }),
  );
  return t;
}

if (process.argv[1]?.endsWith('domain-logic.ts')) {
  console.table(benchSelection());
  console.table(benchReconciliation());
}
