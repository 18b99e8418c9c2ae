import { applicantRecords, type ApplicantRecord } from './applicants';
import { formatDate, fromDayNumber, toDayNumber } from './calendar';
import { encodeNik } from './nik';
import { resolveOptions, type DemoOptions, type ResolvedOptions } from './options';
import { createRng, pickWeighted, weightedTable } from './prng';
import { loadDemoRegions, type DemoRegions } from './regions';

/** DESIGN 3.2 exclusion lists (contract values). */
export const EXCLUSION_LISTS = ['ASN', 'TNI', 'POLRI', 'VILLAGE_OFFICIAL', 'LEGISLATOR', 'SOE_BOARD', 'PKH', 'BPNT', 'BSU', 'STUDENT'] as const;
export type ExclusionList = (typeof EXCLUSION_LISTS)[number];

export interface ExclusionRow {
  nik: string;
  list: ExclusionList;
  valid_from: string;
  /** '' = open-ended. */
  valid_to: string;
  source: string;
}

export const EXCLUSION_COLUMNS = ['nik', 'list', 'valid_from', 'valid_to', 'source'] as const satisfies readonly (keyof ExclusionRow)[];

export interface ExclusionOptions extends DemoOptions {
  /** Entries for people who did not apply, per applicant row (real lists are long). Default 0.05. */
  othersPerApplicant?: number;
}

const LISTS = weightedTable<ExclusionList>([
  ['ASN', 0.25], ['TNI', 0.06], ['POLRI', 0.06], ['VILLAGE_OFFICIAL', 0.08], ['LEGISLATOR', 0.01],
  ['SOE_BOARD', 0.01], ['PKH', 0.2], ['BPNT', 0.15], ['BSU', 0.1], ['STUDENT', 0.08],
]);

const SOURCES: Record<ExclusionList, string> = {
  ASN: 'BKN - data ASN',
  TNI: 'Mabes TNI',
  POLRI: 'Mabes Polri',
  VILLAGE_OFFICIAL: 'Kemendesa PDTT - Sistem Informasi Desa',
  LEGISLATOR: 'KPU - anggota DPR, DPD, DPRD',
  SOE_BOARD: 'Kementerian BUMN',
  PKH: 'Kemensos - DTKS',
  BPNT: 'Kemensos - DTKS',
  BSU: 'Kemnaker - penerima BSU',
  STUDENT: 'Kemendikbudristek - PDDikti',
};

/**
 * Exclusion entries that hit the applicants generated with the same options: an active entry for every
 * `excluded` applicant, an ended or not-yet-started one for every `excluded_inactive` applicant, and
 * entries for people who never applied. Replays the applicant generator, so it streams too.
 */
export async function* generateExclusions(opts: ExclusionOptions): AsyncGenerator<ExclusionRow> {
  const regions = await loadDemoRegions();
  yield* exclusionRows(regions, resolveOptions(opts), opts.othersPerApplicant ?? 0.05);
}

export function* exclusionRows(regions: DemoRegions, o: ResolvedOptions, othersPerApplicant: number): Generator<ExclusionRow> {
  const next = exclusionPicker(regions, o, othersPerApplicant);
  for (const record of applicantRecords(regions, o)) yield* next(record);
}

/**
 * The exclusion entries that go with each applicant record, in order (0, 1 or 2 per record), so one
 * pass over the applicants can write both files.
 */
export function exclusionPicker(regions: DemoRegions, o: ResolvedOptions, othersPerApplicant: number): (record: ApplicantRecord) => ExclusionRow[] {
  const rng = createRng(`${o.seed}:exclusions`);
  const ref = toDayNumber(o.reference.y, o.reference.m, o.reference.d);
  const day = (n: number) => formatDate(fromDayNumber(n));
  const entry = (nik: string, active: boolean): ExclusionRow => {
    const list = LISTS.pick(rng);
    let from: number, to: number | null;
    if (active) {
      from = ref - rng.between(30, 1500);
      to = rng.chance(0.45) ? null : ref + rng.between(0, 700);
    } else if (rng.chance(0.6)) {
      to = ref - rng.between(1, 400); // ended before the reference date
      from = to - rng.between(90, 1500);
    } else {
      from = ref + rng.between(1, 90); // starts after it
      to = rng.chance(0.5) ? null : from + rng.between(180, 720);
    }
    return { nik, list, valid_from: day(from), valid_to: to === null ? '' : day(to), source: SOURCES[list] };
  };
  return (record) => {
    const out: ExclusionRow[] = [];
    if (!record.duplicate && record.anomaly === 'excluded') out.push(entry(record.row.nik, true));
    else if (!record.duplicate && record.anomaly === 'excluded_inactive') out.push(entry(record.row.nik, false));
    if (rng.chance(othersPerApplicant)) {
      // Someone who never applied (a fresh NIK; a clash with an applicant's is vanishingly unlikely).
      const province = regions.provinces[pickWeighted(rng, regions.provinceWeights)]!;
      const district = rng.pick(rng.pick(province.regencies).districts);
      const birth = fromDayNumber(ref - rng.between(18 * 365, 64 * 365));
      out.push(entry(encodeNik(district, birth, rng.chance(0.5) ? 'L' : 'P', rng.between(1, 9999)), rng.chance(0.85)));
    }
    return out;
  };
}
