import type BetterSqlite3 from 'better-sqlite3';
import type { ApplicantFilters } from '../../../shared/api/applicants';
import { APPLICANT_INDEXES, APPLICANT_KEY_INDEX } from '../db/migrations/0002_applicants';
import { REASON_BIT, REASON_CODES, type ReasonCode } from '../../../shared/eligibility/reasons';

/** The grid's field names → columns; nullable columns cannot use the keyset step (NULL breaks row-value order). */
export const SORT_COLUMNS = {
  registrationId: 'registration_id',
  nik: 'nik',
  kk: 'kk',
  fullName: 'full_name',
  birthDate: 'birth_date',
  gender: 'gender',
  phone: 'phone',
  email: 'email',
  provinceCode: 'province_code',
  regencyCode: 'regency_code',
  education: 'education',
  employmentStatus: 'employment_status',
  registeredAt: 'registered_at',
  testScore: 'test_score',
  updatedAt: 'updated_at',
} as const;
const NULLABLE = new Set(['phone', 'email', 'education', 'test_score']);
export const isNullableColumn = (c: string) => NULLABLE.has(c);

const JAKARTA_MS = 7 * 3600_000;

/** Today's date in Asia/Jakarta. */
export function jakartaToday(now: Date): string {
  return new Date(now.getTime() + JAKARTA_MS).toISOString().slice(0, 10);
}

function minusYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) - years).padStart(4, '0')}${isoDate.slice(4)}`;
}

const jakartaDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`)).toISOString();

/** Name-search match expression: every word as a prefix, all words required. */
export function ftsPrefixQuery(q: string): string | null {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.slice(0, 8).map((w) => `"${w}"*`).join(' ');
}

export type QuickSearch = { kind: 'nik'; value: string } | { kind: 'registration'; value: string } | { kind: 'name'; match: string } | { kind: 'none' };

/** Decides what a quick search means: an exact NIK, an exact registration id, or name prefixes. */
export function classifySearch(sqlite: BetterSqlite3.Database, raw: string | undefined): QuickSearch {
  const q = raw?.trim() ?? '';
  if (q === '') return { kind: 'none' };
  if (/^\d{16}$/.test(q)) return { kind: 'nik', value: q };
  if (sqlite.prepare('SELECT 1 FROM applicants WHERE registration_id = ?').get(q)) return { kind: 'registration', value: q };
  const match = ftsPrefixQuery(q);
  return match ? { kind: 'name', match } : { kind: 'registration', value: q };
}

/** The masks that hold a reason's bit: the status index (status, mask) answers a reason filter by seeks. */
const masksWith = (code: ReasonCode) => Array.from({ length: 1 << REASON_CODES.length }, (_, m) => m).filter((m) => m & REASON_BIT[code]);

/**
 * The latest screening's filters. A page walks its sort index and probes each row's result by key
 * (EXISTS), stopping after a page; a count reads the status index (IN), far cheaper than probing a
 * million rows.
 */
function screeningCondition(filters: ApplicantFilters, purpose: 'page' | 'count'): { sql: string; params: unknown[] } | null {
  const { screeningStatus: status, screeningReason: reason } = filters;
  if (!status && !reason) return null;
  if (status === 'unscreened') {
    // A run writes a result for every applicant there is, so the unscreened are exactly those added
    // since: ids above the highest screened one. Said to be rare, so the planner reads that rowid range
    // and sorts it rather than walking the sort index through a million screened rows.
    return { sql: `likelihood(id > (SELECT coalesce(max(applicant_id), 0) FROM screening_results), 0.001)${reason ? ' AND 0' : ''}`, params: [] };
  }
  const parts = [status ? 'r.status = ?' : "r.status IN ('eligible','ineligible')"];
  if (reason) parts.push(`r.mask IN (${masksWith(reason).join(',')})`);
  const params = status ? [status] : [];
  return purpose === 'page'
    ? { sql: `EXISTS (SELECT 1 FROM screening_results r WHERE r.applicant_id = applicants.id AND ${parts.join(' AND ')})`, params }
    : { sql: `id IN (SELECT r.applicant_id FROM screening_results r WHERE ${parts.join(' AND ')})`, params };
}

export const hasScreeningFilter = (filters: ApplicantFilters) => Boolean(filters.screeningStatus || filters.screeningReason);

/** WHERE clause and parameters for the list's filters and quick search; `screeningFor: 'count'` shapes the screening filter for counting. */
export function buildWhere(
  filters: ApplicantFilters,
  search: QuickSearch,
  now: Date,
  options: { provinceIndexed?: boolean; screeningFor?: 'page' | 'count'; indexable?: boolean } = {},
): { sql: string; params: unknown[] } {
  // `indexable`: the caller names the index itself (INDEXED BY), so every filter may constrain it.
  const plus = options.indexable ? '' : '+';
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (search.kind === 'nik') add('nik = ?', search.value);
  else if (search.kind === 'registration') add('registration_id = ?', search.value);
  else if (search.kind === 'name') add('id IN (SELECT rowid FROM applicants_fts WHERE applicants_fts MATCH ?)', search.match);
  if (filters.regencyCode) add('regency_code = ?', filters.regencyCode);
  // A province is a few percent of the register: for a page sorted by something other than its index's
  // registered_at, walking the sort index and checking the province beats sorting the whole province.
  if (filters.provinceCode) add(options.provinceIndexed === false && !options.indexable ? '+province_code = ?' : 'province_code = ?', filters.provinceCode);
  // Broad filters (half the register or more) are written `+column` so that the planner keeps walking the
  // sort order's index and checks them per row, instead of reading most of the table through their index
  // and sorting it.
  if (filters.gender) add(`${plus}gender = ?`, filters.gender);
  if (filters.employmentStatus) add(`${plus}employment_status = ?`, filters.employmentStatus);
  if (filters.education) add(`${plus}education = ?`, filters.education);
  const today = jakartaToday(now);
  // Age in whole years as of today: at least ageMin means born on or before today minus ageMin years.
  if (filters.ageMin !== undefined) add(`${plus}birth_date <= ?`, minusYears(today, filters.ageMin));
  if (filters.ageMax !== undefined) add(`${plus}birth_date > ?`, minusYears(today, filters.ageMax + 1));
  if (filters.registeredFrom) add('registered_at >= ?', jakartaDayStart(filters.registeredFrom));
  if (filters.registeredTo) {
    add('registered_at < ?', new Date(Date.parse(`${filters.registeredTo}T00:00:00+07:00`) + 86_400_000).toISOString());
  }
  const screening = screeningCondition(filters, options.screeningFor ?? 'page');
  if (screening) add(screening.sql, ...screening.params);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The list's indexes as column lists, read from the one declared set (migrations/0002 APPLICANT_INDEXES). */
export const LIST_INDEXES: readonly { name: string; columns: readonly string[] }[] = [APPLICANT_KEY_INDEX, ...APPLICANT_INDEXES].map((sql) => {
  const m = /CREATE (?:UNIQUE )?INDEX (\w+) ON applicants\(([^)]*)\)/.exec(sql)!;
  return { name: m[1]!, columns: m[2]!.split(',').map((c) => c.trim()) };
});

/** How one filtered, sorted view is read; see planView. */
export type ViewPlan =
  /** The index's leading columns take every filter (equality, then a range on the sort column) and then give the order: pages, deep jumps and the count are index-only range scans. */
  | { kind: 'range'; index: string }
  /** Otherwise: the view's id order is read once (through `index` when one gives the order and holds every filtered column, else as SQLite plans it). */
  | { kind: 'materialize'; index: string | null };

const EQUALITY_FILTERS = [
  ['provinceCode', 'province_code'],
  ['regencyCode', 'regency_code'],
  ['gender', 'gender'],
  ['employmentStatus', 'employment_status'],
  ['education', 'education'],
] as const;

/**
 * Picks the index for a view without a quick search or screening filter. Equality filters must form the
 * index's leading columns and the sort column must follow them; a range (age → birth_date, registration
 * days → registered_at) is taken only on the sort column itself.
 */
export function planView(filters: ApplicantFilters, sortColumn: string): ViewPlan {
  const eq = new Set<string>(EQUALITY_FILTERS.filter(([f]) => filters[f] !== undefined).map(([, c]) => c));
  const ranges = new Set<string>();
  if (filters.ageMin !== undefined || filters.ageMax !== undefined) ranges.add('birth_date');
  if (filters.registeredFrom || filters.registeredTo) ranges.add('registered_at');
  const filtered = [...eq, ...ranges];
  let covering: string | null = null;
  for (const ix of LIST_INDEXES) {
    let i = 0;
    while (i < ix.columns.length && eq.has(ix.columns[i]!)) i++;
    // The order must be (sort column, id): the sort column ends the index (the rowid follows) or id is named next.
    if (i !== eq.size || ix.columns[i] !== sortColumn || (i + 1 < ix.columns.length && ix.columns[i + 1] !== 'id')) continue;
    if ([...ranges].every((r) => r === sortColumn)) return { kind: 'range', index: ix.name };
    if (!covering && filtered.every((c) => ix.columns.includes(c))) covering = ix.name;
  }
  return { kind: 'materialize', index: covering };
}
