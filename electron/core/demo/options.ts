import { parseDate, type CivilDate } from './calendar';

/** Shares (of all rows) of the records staff must catch. Defaults add up to a few percent. */
export interface AnomalyRates {
  /** NIK fails DESIGN 3.1: bad province, 0000 serial, impossible date or wrong length (split evenly). */
  invalidNik: number;
  /** Valid NIK disagreeing with the stated birth date or gender (split evenly). */
  nikMismatch: number;
  /** The same person registering again later with the same NIK (the later row is the duplicate). */
  duplicate: number;
  underAge: number;
  overAge: number;
  /** Rows belonging to a KK with three to five applicants. */
  largeKk: number;
  /** On an exclusion list entry active on the reference date. */
  excluded: number;
  /** On an exclusion list entry that has ended or not yet started: must NOT be caught. */
  excludedInactive: number;
}

export const DEFAULT_RATES: AnomalyRates = {
  invalidNik: 0.006,
  nikMismatch: 0.006,
  duplicate: 0.008,
  underAge: 0.004,
  overAge: 0.004,
  largeKk: 0.006,
  excluded: 0.01,
  excludedInactive: 0.003,
};

export interface DemoOptions {
  count: number;
  seed: string | number;
  /** `YYYY-MM-DD`: ages are counted on this day and registrations fall in the weeks before it. */
  referenceDate: string;
  /** How many weeks before the reference date registration opened (default 6). */
  registrationWeeks?: number;
  rates?: Partial<AnomalyRates>;
}

export interface ResolvedOptions {
  count: number;
  seed: string;
  reference: CivilDate;
  registrationWeeks: number;
  rates: AnomalyRates;
}

export function resolveOptions(opts: DemoOptions): ResolvedOptions {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new Error(`count must be a whole number >= 0, got ${opts.count}`);
  const rates = { ...DEFAULT_RATES, ...opts.rates };
  const total = Object.values(rates).reduce((a, b) => a + b, 0);
  if (Object.values(rates).some((r) => !(r >= 0)) || total > 0.5) throw new Error('anomaly rates must be >= 0 and add up to at most 0.5');
  return {
    count: opts.count,
    seed: String(opts.seed),
    reference: parseDate(opts.referenceDate),
    registrationWeeks: opts.registrationWeeks ?? 6,
    rates,
  };
}
