import { birthDayNumberForAge, formatDate, fromDayNumber, toDayNumber, type CivilDate } from './calendar';
import { makeName, pickCulture, pickFamilyName, withTitle, type Culture, type PersonName, type Sex } from './names';
import { encodeNik, invalidNik, mismatchedBirth, type InvalidNikKind } from './nik';
import { resolveOptions, type DemoOptions, type ResolvedOptions } from './options';
import { PendingQueue } from './pending-queue';
import { createRng, pickWeighted, weightedTable, type Rng } from './prng';
import { loadDemoRegions, type DemoProvince, type DemoRegency, type DemoRegions } from './regions';

/** One applicants row, exactly the DESIGN 4 columns, as the text a CSV file holds ('' = empty). */
export interface ApplicantRow {
  registration_id: string;
  nik: string;
  kk: string;
  full_name: string;
  birth_date: string;
  gender: Sex;
  phone: string;
  email: string;
  province_code: string;
  regency_code: string;
  education: string;
  employment_status: string;
  registered_at: string;
  test_score: string;
}

export const APPLICANT_COLUMNS = [
  'registration_id', 'nik', 'kk', 'full_name', 'birth_date', 'gender', 'phone', 'email',
  'province_code', 'regency_code', 'education', 'employment_status', 'registered_at', 'test_score',
] as const satisfies readonly (keyof ApplicantRow)[];

/** What was deliberately planted in a row, so tests (and curious staff) can check the screening. */
export type Anomaly =
  | InvalidNikKind
  | 'nik_birth_mismatch'
  | 'nik_gender_mismatch'
  | 'under_age'
  | 'over_age'
  | 'excluded'
  | 'excluded_inactive';

export interface ApplicantRecord {
  row: ApplicantRow;
  /** The person's own planted anomaly (a duplicate row repeats its original's, which is always null). */
  anomaly: Anomaly | null;
  /** This row repeats an earlier registration's NIK. */
  duplicate: boolean;
  /** The row's KK has three or more applicants. */
  largeKk: boolean;
}

interface Household {
  kk: string;
  province: DemoProvince;
  regency: DemoRegency;
  district: string;
  culture: Culture;
  familyName: string | null;
  large: boolean;
}

interface Person {
  household: Household;
  nik: string;
  name: string;
  emailBase: string;
  birth: CivilDate;
  sex: Sex;
  age: number;
  education: string;
  employment: string;
  anomaly: Anomaly | null;
}

const AGE_BANDS = weightedTable<readonly [number, number]>([
  [[18, 24], 0.32], [[25, 29], 0.2], [[30, 34], 0.15], [[35, 39], 0.11], [[40, 44], 0.09],
  [[45, 49], 0.06], [[50, 54], 0.04], [[55, 59], 0.02], [[60, 64], 0.01],
]);
const EDUCATION_TEEN = weightedTable([['SD', 0.08], ['SMP', 0.17], ['SMA', 0.45], ['SMK', 0.3]]);
const EDUCATION_YOUNG = weightedTable([['SD', 0.05], ['SMP', 0.1], ['SMA', 0.38], ['SMK', 0.3], ['D1', 0.04], ['D2', 0.03], ['D3', 0.1]]);
const EDUCATION_ADULT = weightedTable([
  ['SD', 0.06], ['SMP', 0.11], ['SMA', 0.33], ['SMK', 0.2], ['D1', 0.02], ['D2', 0.01], ['D3', 0.06],
  ['D4', 0.03], ['S1', 0.16], ['S2', 0.017], ['S3', 0.002],
]);
const EMPLOYMENT_TEEN = weightedTable([['unemployed', 0.85], ['informal', 0.15]]);
const EMPLOYMENT_ADULT = weightedTable([['unemployed', 0.42], ['laid_off', 0.1], ['informal', 0.18], ['micro_business', 0.15], ['employed', 0.15]]);
const EMPLOYMENT_OLDER = weightedTable([['unemployed', 0.25], ['laid_off', 0.15], ['informal', 0.25], ['micro_business', 0.25], ['employed', 0.1]]);
const PHONE_PREFIXES = ['811', '812', '813', '821', '822', '823', '851', '852', '853', '856', '857', '858', '859', '817', '818', '819', '877', '878', '895', '896', '897', '898', '899', '881', '882', '831', '832', '838'];
const MAIL_DOMAINS = weightedTable([['gmail.com', 0.72], ['yahoo.com', 0.08], ['yahoo.co.id', 0.08], ['ymail.com', 0.03], ['outlook.com', 0.05], ['hotmail.com', 0.04]]);
/** Registrations per hour of the day in Jakarta: quiet at night, busy mornings and evenings. */
const HOURLY = [0.3, 0.2, 0.15, 0.15, 0.3, 0.8, 1.5, 2.2, 2.8, 3.2, 3.3, 3.1, 2.8, 2.9, 3.0, 2.8, 2.6, 2.5, 2.7, 3.2, 3.4, 3.0, 2.0, 0.9];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

type Roll = Anomaly | null;

/** Loads the region data, then streams the records: rows never all sit in memory. */
export async function* generateApplicantRecords(opts: DemoOptions): AsyncGenerator<ApplicantRecord> {
  const regions = await loadDemoRegions();
  yield* applicantRecords(regions, resolveOptions(opts));
}

/** The rows only: what goes into the applicants CSV. */
export async function* generateApplicants(opts: DemoOptions): AsyncGenerator<ApplicantRow> {
  for await (const record of generateApplicantRecords(opts)) yield record.row;
}

/** The synchronous core: deterministic for (regions, options). */
export function* applicantRecords(regions: DemoRegions, o: ResolvedOptions): Generator<ApplicantRecord> {
  const rng = createRng(`${o.seed}:applicants`);
  const refDay = toDayNumber(o.reference.y, o.reference.m, o.reference.d);
  const r = o.rates;
  const anomalies = weightedTable<Roll>([
    ['nik_bad_province', r.invalidNik / 4], ['nik_zero_serial', r.invalidNik / 4], ['nik_bad_date', r.invalidNik / 4], ['nik_wrong_length', r.invalidNik / 4],
    ['nik_birth_mismatch', r.nikMismatch / 2], ['nik_gender_mismatch', r.nikMismatch / 2],
    ['under_age', r.underAge], ['over_age', r.overAge], ['excluded', r.excluded], ['excluded_inactive', r.excludedInactive],
    [null, Math.max(0, 1 - r.invalidNik - r.nikMismatch - r.underAge - r.overAge - r.excluded - r.excludedInactive)],
  ]);
  // Normal households have 1.22 applicants on average, large ones 4: choose the share of large
  // households so that `largeKk` of the rows belong to one.
  const largeHousehold = (r.largeKk * 1.22) / (4 - r.largeKk * (4 - 1.22));
  const nikSerials = new Map<string, number>();
  const kkSerials = new Map<string, number>();
  const nextSerial = (serials: Map<string, number>, district: string) => {
    const n = serials.get(district) ?? rng.int(9999);
    serials.set(district, n + 1);
    return (n % 9999) + 1;
  };
  const registrationStartDay = refDay - o.registrationWeeks * 7;
  const registrationDays = o.registrationWeeks * 7;
  const familyDelay = Math.max(1, Math.min(2000, Math.floor(o.count / 50)));
  const duplicateDelay = [Math.max(1, Math.floor(o.count * 0.02)), Math.max(1, Math.floor(o.count * 0.4))] as const;
  const kkEarliestDay = toDayNumber(2000, 1, 1);

  const newHousehold = (): Household => {
    const province = regions.provinces[pickWeighted(rng, regions.provinceWeights)]!;
    const regency = rng.pick(province.regencies);
    const district = rng.pick(regency.districts);
    const culture = pickCulture(rng, province.code);
    const issued = fromDayNumber(kkEarliestDay + rng.int(refDay - 30 - kkEarliestDay));
    return {
      kk: encodeNik(district, issued, 'L', nextSerial(kkSerials, district)),
      province,
      regency,
      district,
      culture,
      familyName: pickFamilyName(rng, culture),
      large: false,
    };
  };

  const newPerson = (household: Household): Person => {
    const anomaly = anomalies.pick(rng);
    const sex: Sex = rng.chance(0.52) ? 'L' : 'P';
    let age: number;
    if (anomaly === 'under_age') age = rng.between(15, 17);
    else if (anomaly === 'over_age') age = rng.between(65, 70);
    else {
      const [lo, hi] = AGE_BANDS.pick(rng);
      age = rng.between(lo, hi);
    }
    const birth = fromDayNumber(birthDayNumberForAge(o.reference, age, rng.next()));
    const serial = nextSerial(nikSerials, household.district);
    let nik: string;
    if (anomaly === 'nik_birth_mismatch') nik = encodeNik(household.district, mismatchedBirth(rng, birth), sex, serial);
    else if (anomaly === 'nik_gender_mismatch') nik = encodeNik(household.district, birth, sex === 'L' ? 'P' : 'L', serial);
    else {
      nik = encodeNik(household.district, birth, sex, serial);
      if (anomaly?.startsWith('nik_')) nik = invalidNik(rng, anomaly as InvalidNikKind, nik, sex, regions.nonProvinceCodes);
    }
    const education = rng.chance(0.02) ? '' : (age < 19 ? EDUCATION_TEEN : age < 22 ? EDUCATION_YOUNG : EDUCATION_ADULT).pick(rng);
    const employment = (age < 18 ? EMPLOYMENT_TEEN : age >= 50 ? EMPLOYMENT_OLDER : EMPLOYMENT_ADULT).pick(rng);
    const baseName = makeName(rng, household.culture, sex, household.familyName);
    return {
      household,
      nik,
      name: withTitle(rng, baseName.full, education),
      emailBase: emailLocalPart(rng, baseName, birth),
      birth,
      sex,
      age,
      education,
      employment,
      anomaly,
    };
  };

  const toRecord = (p: Person, index: number, duplicate: boolean): ApplicantRecord => {
    const h = p.household;
    return {
      row: {
        registration_id: 'PRK' + String(index + 1).padStart(9, '0'),
        nik: p.nik,
        kk: h.kk,
        full_name: p.name,
        birth_date: formatDate(p.birth),
        gender: p.sex,
        phone: phone(rng),
        email: rng.chance(0.85) ? `${p.emailBase}@${MAIL_DOMAINS.pick(rng)}` : '',
        province_code: h.province.code,
        regency_code: h.regency.code,
        education: p.education,
        employment_status: duplicate && rng.chance(0.3) ? EMPLOYMENT_ADULT.pick(rng) : p.employment,
        registered_at: registeredAt(index),
        test_score: rng.chance(0.9) ? String(Math.max(0, Math.min(100, Math.round(64 + 14 * rng.normal())))) : '',
      },
      anomaly: p.anomaly,
      duplicate,
      largeKk: h.large,
    };
  };

  const dateText = new Map<number, string>();
  const dayText = (day: number) => {
    let text = dateText.get(day);
    if (text === undefined) dateText.set(day, (text = formatDate(fromDayNumber(day))));
    return text;
  };
  const registeredAt = (index: number): string => {
    // Monotonic in the row index, so registration ids follow registration order.
    const position = ((index + rng.next()) / o.count) * registrationDays;
    const dayOffset = Math.floor(position);
    let f = (position - dayOffset) * HOURLY_TOTAL;
    let hour = 0;
    while (hour < 23 && f >= HOURLY[hour]!) f -= HOURLY[hour++]!;
    const seconds = Math.min(3599, Math.floor((f / HOURLY[hour]!) * 3600));
    const day = registrationStartDay + dayOffset;
    const clock = (h: number) => `${pad2(h)}:${pad2(Math.floor(seconds / 60))}:${pad2(seconds % 60)}`;
    if (!rng.chance(0.12)) return `${dayText(day)}T${clock(hour)}+07:00`;
    return hour >= 7 ? `${dayText(day)}T${clock(hour - 7)}Z` : `${dayText(day - 1)}T${clock(hour + 17)}Z`;
  };

  const pending = new PendingQueue<{ person: Person; duplicate: boolean }>();
  for (let i = 0; i < o.count; i++) {
    const remaining = o.count - i;
    if (pending.size > 0 && (pending.peekDue() <= i || pending.size >= remaining)) {
      const next = pending.pop()!;
      yield toRecord(next.person, i, next.duplicate);
      continue;
    }
    const household = newHousehold();
    const free = remaining - 1 - pending.size;
    let members = rng.chance(0.22) ? 2 : 1;
    if (free >= 2 && rng.chance(largeHousehold)) {
      household.large = true;
      members = Math.min(rng.between(3, 5), free + 1);
    }
    members = Math.min(members, free + 1);
    for (let m = 1; m < members; m++) pending.push(i + rng.between(1, familyDelay), { person: newPerson(household), duplicate: false });
    const person = newPerson(household);
    if (person.anomaly === null && remaining - 1 - pending.size >= 1 && rng.chance(r.duplicate)) {
      pending.push(i + rng.between(duplicateDelay[0], duplicateDelay[1]), { person, duplicate: true });
    }
    yield toRecord(person, i, false);
  }
}

function phone(rng: Rng): string {
  if (rng.chance(0.03)) return '';
  const rest = rng.chance(0.6) ? String(rng.int(1e8)).padStart(8, '0') : String(rng.int(1e7)).padStart(7, '0');
  const prefix = rng.pick(PHONE_PREFIXES);
  // A few people write the country code; exports must keep "+62…" as text, not a formula.
  return rng.chance(0.02) ? `+62${prefix}${rest}` : `0${prefix}${rest}`;
}

function emailLocalPart(rng: Rng, { first, last }: PersonName, birth: CivilDate): string {
  const sep = rng.pick(['', '.', '_']);
  const base = last && rng.chance(0.7) ? first + sep + last : first;
  const suffix = rng.int(3);
  return suffix === 0 ? base : suffix === 1 ? base + pad2(birth.y % 100) : base + rng.between(1, 999);
}
