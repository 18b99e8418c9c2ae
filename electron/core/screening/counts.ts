import { REASON_CODES, emptyReasonCounts, type ReasonCounts, type ScreeningSummary } from '../../../shared/eligibility';

export interface ProvinceCounts {
  total: number;
  eligible: number;
  ineligible: number;
  reasons: ReasonCounts;
}

/** What a run stores in counts_json: the rules' counts (DESIGN 7 keys), the overrides, and the same by province. */
export interface RunCounts {
  total: number;
  eligible: number;
  ineligible: number;
  reasons: ReasonCounts;
  effective: { eligible: number; ineligible: number };
  overridden: { toEligible: number; toIneligible: number; lapsed: number };
  byProvince: Record<string, ProvinceCounts>;
}

const REASONS = REASON_CODES.length;

/** Counts by province in one pass over typed arrays (province codes are two digits). */
export function countByProvince(masks: Uint8Array, provinces: Uint8Array): Record<string, ProvinceCounts> {
  const total = new Uint32Array(100);
  const ineligible = new Uint32Array(100);
  const reasons = new Uint32Array(100 * REASONS);
  for (let i = 0; i < masks.length; i++) {
    const p = provinces[i]!;
    total[p]!++;
    const mask = masks[i]!;
    if (mask === 0) continue;
    ineligible[p]!++;
    for (let b = 0; b < REASONS; b++) if (mask & (1 << b)) reasons[p * REASONS + b]!++;
  }
  const out: Record<string, ProvinceCounts> = {};
  for (let p = 0; p < 100; p++) {
    if (!total[p]) continue;
    const r = emptyReasonCounts();
    REASON_CODES.forEach((code, b) => (r[code] = reasons[p * REASONS + b]!));
    out[String(p).padStart(2, '0')] = { total: total[p]!, eligible: total[p]! - ineligible[p]!, ineligible: ineligible[p]!, reasons: r };
  }
  return out;
}

export function runCounts(
  summary: ScreeningSummary,
  overridden: RunCounts['overridden'],
  byProvince: RunCounts['byProvince'],
): RunCounts {
  const eligible = summary.eligible + overridden.toEligible - overridden.toIneligible;
  return {
    total: summary.total,
    eligible: summary.eligible,
    ineligible: summary.ineligible,
    reasons: summary.reasons,
    effective: { eligible, ineligible: summary.total - eligible },
    overridden,
    byProvince,
  };
}
