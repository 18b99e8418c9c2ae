import { addDays } from '../../../shared/waves';

/**
 * The demo programme's calendar, all relative to the reference date R (the demo's "today"):
 * registrations run from R−42 to R−1 (applicants.ts), so
 *
 *   R−43  wave 1 created and opened (seed commitment announced)     wave 1 registration R−42 … R−22
 *   R−21  wave 1 closed and selected                                 R−20 wave 1 announced (cards, balances)
 *   R−20  wave 2 created and opened (registration R−19 … R+10)       R−20 … R−4 purchases, then completions
 *   R−7   invoice A, R−2 invoice B, R−1 invoice C                    R+10 first-purchase deadline of wave 1
 *
 * Nobody is past the purchase deadline on R (publication + 30 days = R+10): no participant is revoked,
 * and the ~12% of participants without a purchase show up in the expiry preview only from R+11 on.
 */
export interface DemoTimeline {
  reference: string;
  wave1: { opensOn: string; closesOn: string; openedAt: Date; closedAt: Date; selectedAt: Date; publishedOn: string; publishedAt: Date };
  wave2: { opensOn: string; closesOn: string; openedAt: Date };
  /** First and last day a purchase may fall on; completions and cancellations end on the day before R. */
  purchases: { first: string; last: string };
  lastActivity: string;
  invoices: { a: string; b: string; c: string };
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** `day` at `hour`:`minute` in Asia/Jakarta (UTC+7, no daylight saving). */
export function jakartaInstant(day: string, hour: number, minute = 0): Date {
  return new Date(`${day}T${pad2(hour)}:${pad2(minute)}:00+07:00`);
}

export function demoTimeline(reference: string): DemoTimeline {
  const day = (n: number) => addDays(reference, n);
  return {
    reference,
    wave1: {
      opensOn: day(-42),
      closesOn: day(-22),
      openedAt: jakartaInstant(day(-43), 10),
      closedAt: jakartaInstant(day(-21), 8, 30),
      selectedAt: jakartaInstant(day(-21), 9),
      publishedOn: day(-20),
      publishedAt: jakartaInstant(day(-20), 9),
    },
    wave2: { opensOn: day(-19), closesOn: day(10), openedAt: jakartaInstant(day(-20), 10) },
    purchases: { first: day(-20), last: day(-4) },
    lastActivity: day(-1),
    invoices: { a: day(-7), b: day(-2), c: day(-1) },
  };
}
