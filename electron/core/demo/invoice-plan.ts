import type { LineStatus } from '../../../shared/reconciliation';
import type { DemoCatalog } from './catalog';
import type { DemoEnrollment } from './enrollments';
import { createRng, type Rng } from './prng';
import type { DemoTimeline } from './timeline';

export interface PlannedLine {
  lineNo: number;
  enrollmentId: string;
  nik: string;
  trainingId: string;
  amount: number;
  /** The DESIGN 3.4 status the line is built to get when its invoice is reconciled after the seed. */
  expected: LineStatus;
}

export interface PlannedInvoice {
  invoiceNo: string;
  institutionId: string;
  invoiceDate: string;
  /** Reconciled by the seeding user (and so waiting for a second user's approval), or left imported. */
  reconcile: boolean;
  lines: PlannedLine[];
  expected: Partial<Record<LineStatus, number>>;
}

type Draft = Omit<PlannedLine, 'lineNo'>;

const line = (e: DemoEnrollment, expected: LineStatus, changes: Partial<Draft> = {}): Draft => ({
  enrollmentId: e.enrollmentId,
  nik: e.nik,
  trainingId: e.trainingId,
  amount: e.pricePaid,
  expected,
  ...changes,
});

/** Up to n items taken (removed) from `from` at random positions. */
function take<T>(rng: Rng, from: T[], n: number): T[] {
  const out: T[] = [];
  while (out.length < n && from.length > 0) out.push(from.splice(rng.int(from.length), 1)[0]!);
  return out;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function invoice(invoiceNo: string, institutionId: string, invoiceDate: string, reconcile: boolean, drafts: Draft[]): PlannedInvoice {
  const lines = drafts.map((d, i) => ({ ...d, lineNo: i + 1 }));
  const expected: Partial<Record<LineStatus, number>> = {};
  for (const l of lines) expected[l.expected] = (expected[l.expected] ?? 0) + 1;
  return { invoiceNo, institutionId, invoiceDate, reconcile, lines, expected };
}

/**
 * Three invoices from the institutions with the most purchases (X, Y, Z), deterministic for the seed:
 * - A (X, dated R−7, reconciled by the seeding user): X's certified completions before its date, MATCHED,
 *   with two claims above the price paid (AMOUNT_MISMATCH), three unfinished trainings (NOT_COMPLETED),
 *   two cancelled purchases (CANCELLED) — one of each on a small demo's short invoice —, a line repeated
 *   (DUPLICATE_LINE) and an enrollment the platform never reported (UNKNOWN_ENROLLMENT);
 * - B (Y, dated R−2, left imported): Y's certified completions, one unfinished training, a wrong NIK
 *   (PARTICIPANT_MISMATCH), a wrong training (TRAINING_MISMATCH) and Z's purchase (INSTITUTION_MISMATCH);
 * - C (X, dated R−1, left imported): X's completions since A, and one line A already billed
 *   (ALREADY_BILLED once A's reconciliation stands).
 * `expected` is what a reconciliation after the seed gives: the facts do not change in between.
 */
export function demoInvoices(seed: string, enrollments: readonly DemoEnrollment[], catalog: DemoCatalog, timeline: DemoTimeline): PlannedInvoice[] {
  const rng = createRng(`${seed}:invoices`);
  const count = new Map<string, number>(catalog.institutions.map((i) => [i.institutionId, 0]));
  for (const e of enrollments) count.set(e.institutionId, (count.get(e.institutionId) ?? 0) + 1);
  const ranked = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const [x, y, z] = ranked as [string, string, string];
  const of = (institution: string) => enrollments.filter((e) => e.institutionId === institution);
  const certifiedBy = (e: DemoEnrollment, day: string) => e.cancelledAt === null && e.certificateNo !== null && e.completedOn! < day;
  const unfinished = (e: DemoEnrollment) => e.cancelledAt === null && (e.completedAt === null || e.certificateNo === null);
  const year = timeline.reference.slice(0, 4);
  const { a: dateA, b: dateB, c: dateC } = timeline.invoices;

  // A: X's invoice, reconciled by the seed.
  const xs = of(x);
  const aMatched = xs.filter((e) => certifiedBy(e, dateA));
  const aPool = [...aMatched];
  // Fewer problems on a small demo's short invoice, so that most lines still match.
  const large = aPool.length >= 30;
  const overClaimed = take(rng, aPool, large ? 2 : aPool.length >= 6 ? 1 : 0).map((e, i) => line(e, 'AMOUNT_MISMATCH', { amount: e.pricePaid + (i === 0 ? 100_000 : 50_000) }));
  const matchedA = aPool.map((e) => line(e, 'MATCHED'));
  const aDrafts = shuffle(rng, [
    ...matchedA,
    ...overClaimed,
    ...take(rng, xs.filter(unfinished), large ? 3 : 1).map((e) => line(e, 'NOT_COMPLETED')),
    ...take(rng, xs.filter((e) => e.cancelledAt !== null), large ? 2 : 1).map((e) => line(e, 'CANCELLED')),
    ...(xs.length ? [line(xs[rng.int(xs.length)]!, 'UNKNOWN_ENROLLMENT', { enrollmentId: `ENR-${year}-999999` })] : []),
  ]);
  const original = matchedA[0];
  if (original) {
    const at = aDrafts.indexOf(original);
    aDrafts.splice(at + 1 + rng.int(aDrafts.length - at), 0, { ...original, expected: 'DUPLICATE_LINE' });
  }

  // B: Y's invoice, left for the clerk to reconcile.
  const ys = of(y);
  const bPool = ys.filter((e) => certifiedBy(e, dateB));
  const yTrainings = catalog.trainings.filter((t) => t.institutionId === y).map((t) => t.trainingId);
  const otherNik = (e: DemoEnrollment) => enrollments.find((o) => o.nik !== e.nik)?.nik;
  const bAnomalies: Draft[] = [];
  for (const e of take(rng, bPool, bPool.length >= 6 ? 1 : 0)) {
    const nik = otherNik(e);
    if (nik) bAnomalies.push(line(e, 'PARTICIPANT_MISMATCH', { nik }));
  }
  for (const e of take(rng, bPool, bPool.length >= 6 ? 1 : 0)) {
    const other = yTrainings.find((t) => t !== e.trainingId);
    if (other) bAnomalies.push(line(e, 'TRAINING_MISMATCH', { trainingId: other }));
  }
  bAnomalies.push(...take(rng, ys.filter(unfinished), 1).map((e) => line(e, 'NOT_COMPLETED')));
  bAnomalies.push(...take(rng, of(z).filter((e) => certifiedBy(e, dateB)), 1).map((e) => line(e, 'INSTITUTION_MISMATCH')));
  const bDrafts = shuffle(rng, [...bPool.map((e) => line(e, 'MATCHED')), ...bAnomalies]);

  // C: X's later completions, and one line A holds MATCHED.
  const cDrafts = xs.filter((e) => certifiedBy(e, dateC) && e.completedOn! >= dateA).map((e) => line(e, 'MATCHED'));
  const billed = matchedA[matchedA.length - 1];
  if (billed && billed !== original) cDrafts.splice(rng.int(cDrafts.length + 1), 0, { ...billed, expected: 'ALREADY_BILLED' });

  return [
    invoice(`INV-${year}-0001`, x, dateA, true, aDrafts),
    invoice(`INV-${year}-0002`, y, dateB, false, bDrafts),
    invoice(`INV-${year}-0003`, x, dateC, false, cDrafts),
  ].filter((inv) => inv.lines.length > 0);
}

export const invoiceFields = (inv: PlannedInvoice, l: PlannedLine) => [inv.invoiceNo, inv.institutionId, inv.invoiceDate, String(l.lineNo), l.enrollmentId, l.nik, l.trainingId, String(l.amount)];
