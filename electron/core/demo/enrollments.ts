import type { EnrollmentValues } from '../catalog/import/catalog-specs';
import { formatDate, fromDayNumber, parseDate, toDayNumber } from './calendar';
import type { DemoCatalog, DemoTraining } from './catalog';
import { createRng, cumulative, pickWeighted } from './prng';
import type { DemoTimeline } from './timeline';

/** A participant of the published wave, as the publication left them. */
export interface DemoParticipant {
  nik: string;
  cardNumber: string;
  balance: number;
}

/** One row of the enrollments file (DESIGN 4), with the days the invoice plan needs. */
export interface DemoEnrollment extends Omit<EnrollmentValues, 'participantId'> {
  institutionId: string;
  /** Jakarta date of the completion, for the invoice plan. */
  completedOn: string | null;
}

export interface EnrollmentStats {
  enrollments: number;
  completed: number;
  completedWithoutCertificate: number;
  cancelled: number;
  inProgress: number;
  participantsWithPurchase: number;
  participantsWithoutPurchase: number;
}

/** Shares behind the demo's purchases: most participants buy soon after the announcement. */
const NO_PURCHASE = 0.12;
const CANCEL = 0.07;
const REPLACE_AFTER_CANCEL = 0.6;
const COMPLETE_IF_TIME = 0.9;
const CERTIFICATE = 0.96;
const SECOND_TRAINING = 0.18;

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const at = (day: string, hour: number, minute: number) => `${day}T${pad2(hour)}:${pad2(minute)}:00+07:00`;

interface Draft extends Omit<DemoEnrollment, 'enrollmentId' | 'certificateNo'> {
  certified: boolean;
  card: string;
}

/**
 * Purchases, completions and cancellations of the participants, deterministic for the seed and the
 * participants: ~88% buy a first training between the announcement and R−4 (within their balance), ~7% of
 * purchases are cancelled (most then buy another), most others are completed when their hours allow it
 * before R, nearly all with a certificate number; some buy a second training after the first.
 */
export function demoEnrollments(seed: string, participants: readonly DemoParticipant[], catalog: DemoCatalog, timeline: DemoTimeline): { rows: DemoEnrollment[]; stats: EnrollmentStats } {
  const rng = createRng(`${seed}:enrollments`);
  const dayOf = (text: string) => {
    const c = parseDate(text);
    return toDayNumber(c.y, c.m, c.d);
  };
  const text = (day: number) => formatDate(fromDayNumber(day));
  const first = dayOf(timeline.purchases.first);
  const last = dayOf(timeline.purchases.last);
  const lastActivity = dayOf(timeline.lastActivity);
  const platformOf = new Map(catalog.institutions.map((i) => [i.institutionId, i.platform]));
  const trainings = catalog.trainings;
  const cum = cumulative(trainings.map((t) => t.popularity));

  const pickTraining = (budget: number): DemoTraining | null => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const t = trainings[pickWeighted(rng, cum)]!;
      if (t.price <= budget) return t;
    }
    return trainings.filter((t) => t.price <= budget).sort((a, b) => a.price - b.price)[0] ?? null;
  };

  const drafts: Draft[] = [];
  for (const p of participants) {
    if (rng.chance(NO_PURCHASE)) continue;
    let budget = p.balance;
    // Front-loaded: half of the first purchases fall in the first quarter of the window.
    let day = first + Math.floor(Math.pow(rng.next(), 1.6) * (last - first + 1));
    for (let purchases = 0; purchases < 3 && day <= last; purchases++) {
      const t = pickTraining(budget);
      if (!t) break;
      budget -= t.price;
      const hour = day === first ? rng.between(10, 21) : rng.between(8, 21);
      const minute = rng.int(60);
      const draft: Draft = {
        nik: p.nik,
        card: p.cardNumber,
        trainingId: t.trainingId,
        institutionId: t.institutionId,
        platform: platformOf.get(t.institutionId)!,
        pricePaid: t.price,
        purchasedAt: at(text(day), hour, minute),
        completedAt: null,
        completedOn: null,
        cancelledAt: null,
        certified: false,
      };
      drafts.push(draft);
      if (rng.chance(CANCEL)) {
        const cancelDay = Math.min(lastActivity, day + rng.between(0, 2));
        draft.cancelledAt = at(text(cancelDay), cancelDay === day ? Math.min(23, hour + 1 + rng.int(2)) : rng.between(8, 21), rng.int(60));
        budget += t.price;
        if (!rng.chance(REPLACE_AFTER_CANCEL)) break;
        day = cancelDay + rng.between(0, 3);
        continue;
      }
      const completeDay = day + Math.ceil(t.hours / 6) + rng.between(0, 8);
      if (completeDay > lastActivity || !rng.chance(COMPLETE_IF_TIME)) break;
      draft.completedAt = at(text(completeDay), rng.between(9, 20), rng.int(60));
      draft.completedOn = text(completeDay);
      draft.certified = rng.chance(CERTIFICATE);
      if (!rng.chance(SECOND_TRAINING)) break;
      day = completeDay + rng.between(0, 3);
    }
  }

  // Ids follow the purchases' order, certificate numbers each institution's completions.
  drafts.sort((a, b) => (a.purchasedAt < b.purchasedAt ? -1 : a.purchasedAt > b.purchasedAt ? 1 : a.card < b.card ? -1 : a.card > b.card ? 1 : 0));
  const year = timeline.reference.slice(0, 4);
  const rows: DemoEnrollment[] = drafts.map(({ card: _card, certified: _certified, ...d }, i) => ({ ...d, enrollmentId: `ENR-${year}-${String(i + 1).padStart(6, '0')}`, certificateNo: null }));
  const certificates = new Map<string, number>();
  const byCompletion = rows
    .map((row, i) => ({ row, certified: drafts[i]!.certified }))
    .filter((x) => x.row.completedAt !== null && x.certified)
    .sort((a, b) => (a.row.completedAt! < b.row.completedAt! ? -1 : a.row.completedAt! > b.row.completedAt! ? 1 : a.row.enrollmentId < b.row.enrollmentId ? -1 : 1));
  for (const { row } of byCompletion) {
    const n = (certificates.get(row.institutionId) ?? 0) + 1;
    certificates.set(row.institutionId, n);
    row.certificateNo = `SERT/${row.institutionId}/${row.completedOn!.slice(0, 4)}/${String(n).padStart(5, '0')}`;
  }

  const completed = rows.filter((r) => r.completedAt !== null).length;
  const cancelled = rows.filter((r) => r.cancelledAt !== null).length;
  // What the purchase deadline counts: an enrollment not cancelled.
  const withPurchase = new Set(rows.filter((r) => r.cancelledAt === null).map((r) => r.nik)).size;
  return {
    rows,
    stats: {
      enrollments: rows.length,
      completed,
      completedWithoutCertificate: rows.filter((r) => r.completedAt !== null && r.certificateNo === null).length,
      cancelled,
      inProgress: rows.length - completed - cancelled,
      participantsWithPurchase: withPurchase,
      participantsWithoutPurchase: participants.length - withPurchase,
    },
  };
}

export const enrollmentFields = (e: DemoEnrollment) => [
  e.enrollmentId, e.nik, e.trainingId, e.platform, String(e.pricePaid), e.purchasedAt, e.completedAt ?? '', e.certificateNo ?? '', e.cancelledAt ?? '',
];
