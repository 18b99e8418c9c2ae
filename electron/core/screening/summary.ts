import type { ScreeningSummary } from '../../../shared/api/screening';
import { provinceName } from '../../../shared/nik';
import { runCountsOf, toScreeningRun, type RunRow } from './runs';

/** A run's summary from its stored counts: the same figures the run produced, however the data moved since. */
export function screeningSummary(run: RunRow): ScreeningSummary {
  const counts = runCountsOf(run);
  return {
    run: toScreeningRun(run),
    total: counts.total,
    eligible: counts.eligible,
    ineligible: counts.ineligible,
    reasons: counts.reasons,
    effective: counts.effective,
    overridden: counts.overridden,
    byProvince: Object.entries(counts.byProvince)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, p]) => ({ provinceCode: code, provinceName: provinceName(code), ...p })),
  };
}
