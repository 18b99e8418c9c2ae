import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ApplicantsTable } from '../db/schema';
import { reasonsOf } from '../../../shared/eligibility/reasons';
import type { z } from 'zod';
import type { ApplicantListOutput, ApplicantRow, ApplicantFilters } from '../../../shared/api/applicants';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { maskNik } from '../../../shared/nik';
import { buildWhere, hasScreeningFilter, classifySearch, isNullableColumn, LIST_INDEXES, planView, SORT_COLUMNS, type ViewPlan } from './list-query';

type ListInput = ParsedInputOf<'applicants.list'>;
type ListOutput = z.infer<typeof ApplicantListOutput>;

/** Counts above this for a name search are reported as a lower bound (totalExact false). */
const SEARCH_COUNT_CAP = 10_000;
const COLUMNS = `id, registration_id, nik, kk, full_name, birth_date, gender, phone, email, province_code, regency_code,
  education, employment_status, registered_at, test_score, updated_at`;

/** An applicants row as the list reads it (COLUMNS): the table's columns but the import bookkeeping. */
export type ApplicantDbRow = Omit<Selectable<ApplicantsTable>, 'import_run_id' | 'version'>;

export function toApplicantRow(r: ApplicantDbRow, maskPersonal: boolean): ApplicantRow {
  return {
    registrationId: r.registration_id,
    nik: maskPersonal ? maskNik(r.nik) : r.nik,
    kk: maskPersonal ? maskNik(r.kk) : r.kk,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    phone: r.phone,
    email: r.email,
    provinceCode: r.province_code,
    regencyCode: r.regency_code,
    education: r.education,
    employmentStatus: r.employment_status,
    registeredAt: r.registered_at,
    testScore: r.test_score,
    updatedAt: r.updated_at,
  };
}

/**
 * Per-connection caches of counts. A count is valid while the data is: PRAGMA data_version moves
 * when another connection (an import worker, the CLI) commits; writes on this connection go through
 * noteApplicantsChanged.
 */
const counts = new WeakMap<BetterSqlite3.Database, { generation: string; byKey: Map<string, { n: number; exact: boolean; ids?: number[] }> }>();
let localWrites = 0;
export function noteApplicantsChanged(): void {
  localWrites++;
}

/**
 * Page reads jump from an index to rows all over the table: memory-mapped reads and a larger page cache
 * make those lookups cheap. Set once per connection (both are per-connection settings).
 */
const tuned = new WeakSet<BetterSqlite3.Database>();
function tuneForReads(sqlite: BetterSqlite3.Database) {
  if (tuned.has(sqlite)) return;
  tuned.add(sqlite);
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('cache_size = -65536');
}

const dataGeneration = (sqlite: BetterSqlite3.Database) => `${sqlite.pragma('data_version', { simple: true })}:${localWrites}`;

/**
 * After a large import: fresh statistics for the planner (a sampled ANALYZE, a fraction of a second on a
 * million rows), and this connection's cached counts and orders dropped.
 */
export function refreshListStatistics(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE applicants');
  sqlite.pragma('optimize');
  noteApplicantsChanged();
}

function cachedCount(sqlite: BetterSqlite3.Database, key: string, compute: () => { n: number; exact: boolean; ids?: number[] }) {
  const generation = dataGeneration(sqlite);
  let cache = counts.get(sqlite);
  if (!cache || cache.generation !== generation) {
    cache = { generation, byKey: new Map() };
    counts.set(sqlite, cache);
  }
  let hit = cache.byKey.get(key);
  if (!hit) {
    hit = compute();
    if (cache.byKey.size > 200) cache.byKey.clear();
    cache.byKey.set(key, hit);
  }
  return hit;
}

/**
 * Deep pages: the ordered ids of one (filter, sort) view, read once from its index and kept while the
 * data is unchanged, so any page — the middle of a million rows too — is a slice plus a rowid lookup.
 * Pages near either end never need it.
 */
const orders = new WeakMap<BetterSqlite3.Database, { generation: string; byKey: Map<string, Int32Array> }>();
const MAX_ORDERS = 12; // at most 4 MB each per million rows
const SHALLOW = 2_000;

function hasOrderedIds(sqlite: BetterSqlite3.Database, key: string): boolean {
  const cache = orders.get(sqlite);
  return cache !== undefined && cache.generation === dataGeneration(sqlite) && cache.byKey.has(key);
}

function orderedIds(sqlite: BetterSqlite3.Database, key: string, build: () => number[]): Int32Array {
  const generation = dataGeneration(sqlite);
  let cache = orders.get(sqlite);
  if (!cache || cache.generation !== generation) {
    cache = { generation, byKey: new Map() };
    orders.set(sqlite, cache);
  }
  let ids = cache.byKey.get(key);
  if (ids) {
    cache.byKey.delete(key);
  } else {
    ids = new Int32Array(build()); // from an array, far quicker than Int32Array.from's iterator
    if (cache.byKey.size >= MAX_ORDERS) cache.byKey.delete(cache.byKey.keys().next().value!);
  }
  cache.byKey.set(key, ids);
  return ids;
}

interface Cursor {
  page: number;
  key: string;
  value: string | number;
  id: number;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    return typeof c.page === 'number' && typeof c.id === 'number' && typeof c.key === 'string' ? c : null;
  } catch {
    return null;
  }
}

/** Rows by id, in the order of ids. */
function rowsByIds(sqlite: BetterSqlite3.Database, ids: ArrayLike<number>): ApplicantDbRow[] {
  if (ids.length === 0) return [];
  const list = Array.from(ids);
  const byId = new Map(
    (sqlite.prepare(`SELECT ${COLUMNS} FROM applicants WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(list)) as ApplicantDbRow[]).map((r) => [r.id, r]),
  );
  return list.map((id) => byId.get(id)).filter((r): r is ApplicantDbRow => r !== undefined);
}

/** The screening status in force of a page's rows, so the grid needs no call per row. */
function screeningOf(sqlite: BetterSqlite3.Database, rows: ApplicantDbRow[]): Map<number, NonNullable<ApplicantRow['screening']>> {
  if (rows.length === 0) return new Map();
  const found = sqlite
    .prepare(`SELECT applicant_id AS id, status, mask, override_id FROM screening_results WHERE applicant_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rows.map((r) => r.id))) as { id: number; status: 'eligible' | 'ineligible'; mask: number; override_id: number | null }[];
  return new Map(found.map((r) => [r.id, { status: r.status, overridden: r.override_id !== null, reasons: [...reasonsOf(r.mask)] }]));
}

function page(sqlite: BetterSqlite3.Database, rows: ApplicantDbRow[], column: string, total: number, exact: boolean, input: ListInput, sortKey: string, maskPersonal: boolean): ListOutput {
  const last = rows.at(-1);
  const lastValue = last ? (last as unknown as Record<string, string | number | null>)[column] : null;
  const screening = screeningOf(sqlite, rows);
  return {
    rows: rows.map((r) => ({ ...toApplicantRow(r, maskPersonal), screening: screening.get(r.id) ?? null })),
    total,
    totalExact: exact,
    cursor: last && lastValue !== null && lastValue !== undefined ? encodeCursor({ page: input.page, key: sortKey, value: lastValue, id: last.id }) : null,
  };
}

/**
 * A view without quick search or screening filter, read as planView says. A 'range' view never reads
 * more than its index: the count is a range count, a page (the first, the next by keyset, or any page
 * deep inside by an index-only OFFSET, from whichever end is nearer) reads ids only and then fetches its
 * rows by id. Any other view reads its whole id order once (cached while the data is unchanged).
 */
function listPlanned(sqlite: BetterSqlite3.Database, input: ListInput, filters: ApplicantFilters, plan: ViewPlan, column: string, now: Date, maskPersonal: boolean): ListOutput {
  const dir = input.sortDir === 'desc' ? 'DESC' : 'ASC';
  const size = input.pageSize;
  const offset = input.page * size;
  const where = buildWhere(filters, { kind: 'none' }, now, { indexable: true });
  const viewKey = JSON.stringify(['planned', where.sql, where.params]);
  const sortKey = `${viewKey}|${column}|${dir}|${size}`;
  if (plan.kind === 'materialize') {
    const orderKey = `${viewKey}|${column}|${dir}`;
    // Region codes lead NIK, KK and regency codes, and registration ids follow registration time: walking those
    // sort orders for a region or a registration period can pass most of the table before the first match.
    // Such views are a region or a period, small enough to read whole; the broad filters are not so tied.
    const walkable = !filters.provinceCode && !filters.regencyCode && !filters.registeredFrom && !filters.registeredTo;
    if (walkable && offset < SHALLOW && !hasOrderedIds(sqlite, orderKey)) {
      // The first pages walk the sort order's index and stop after a page; the count is left to SQLite's choice of index.
      const { n: total } = cachedCount(sqlite, viewKey, () => ({
        n: (sqlite.prepare(`SELECT count(*) AS n FROM applicants ${where.sql}`).get(...where.params) as { n: number }).n,
        exact: true,
      }));
      const walk = plan.index ? where : buildWhere(filters, { kind: 'none' }, now);
      const ids = sqlite
        .prepare(`SELECT id FROM applicants ${plan.index ? `INDEXED BY ${plan.index}` : ''} ${walk.sql} ORDER BY ${column} ${dir}, id ${dir} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...walk.params, size, offset) as number[];
      return page(sqlite, rowsByIds(sqlite, ids), column, total, true, input, sortKey, maskPersonal);
    }
    // The whole view is read: through an index that gives the order and holds every filtered column; for a
    // region or a period through its index, then sorted; for broad filters alone by one pass over the table
    // and a sort (walking the sort index would look up every row, about twice the time).
    const planned = plan.index ? where : buildWhere(filters, { kind: 'none' }, now);
    const access = plan.index ? `INDEXED BY ${plan.index}` : walkable && where.sql ? 'NOT INDEXED' : '';
    const ids = orderedIds(sqlite, orderKey, () =>
      sqlite
        .prepare(`SELECT id FROM applicants ${access} ${planned.sql} ORDER BY ${column} ${dir}, id ${dir}`)
        .pluck()
        .all(...planned.params) as number[],
    );
    return page(sqlite, rowsByIds(sqlite, ids.subarray(offset, offset + size)), column, ids.length, true, input, sortKey, maskPersonal);
  }
  const from = `FROM applicants INDEXED BY ${plan.index} ${where.sql}`;
  const { n: total } = cachedCount(sqlite, viewKey, () => ({
    n: (sqlite.prepare(`SELECT count(*) AS n ${where.sql ? from : 'FROM applicants'}`).get(...where.params) as { n: number }).n,
    exact: true,
  }));
  const cursor = decodeCursor(input.cursor);
  let ids: number[];
  if (offset >= total) {
    ids = [];
  } else if (cursor && cursor.page === input.page - 1 && cursor.key === sortKey && !isNullableColumn(column)) {
    const op = dir === 'ASC' ? '>' : '<';
    ids = sqlite
      .prepare(`SELECT id ${from} ${where.sql ? 'AND' : 'WHERE'} (${column}, id) ${op} (?, ?) ORDER BY ${column} ${dir}, id ${dir} LIMIT ?`)
      .pluck()
      .all(...where.params, cursor.value, cursor.id, size) as number[];
  } else if (offset + size / 2 > total / 2) {
    // Nearer the end: the page is the tail of the reversed order's first rows.
    const rdir = dir === 'ASC' ? 'DESC' : 'ASC';
    const end = Math.min(offset + size, total);
    ids = (
      sqlite
        .prepare(`SELECT id ${from} ORDER BY ${column} ${rdir}, id ${rdir} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...where.params, end - offset, total - end) as number[]
    ).reverse();
  } else {
    ids = sqlite.prepare(`SELECT id ${from} ORDER BY ${column} ${dir}, id ${dir} LIMIT ? OFFSET ?`).pluck().all(...where.params, size, offset) as number[];
  }
  return page(sqlite, rowsByIds(sqlite, ids), column, total, true, input, sortKey, maskPersonal);
}

/** Name matches up to this many are ordered by reading each; more, and the page walks the sort order's index instead. */
const FEW_MATCHES = 4_000;

/**
 * A name search with no other filter. The FTS index alone counts the matches (up to SEARCH_COUNT_CAP);
 * a few are fetched and sorted, many are found by walking the sort column's index and probing the match
 * set, which stops after a page.
 */
function listByName(sqlite: BetterSqlite3.Database, input: ListInput, match: string, column: string, maskPersonal: boolean): ListOutput {
  const dir = input.sortDir === 'desc' ? 'DESC' : 'ASC';
  const size = input.pageSize;
  const offset = input.page * size;
  const sortKey = `name|${match}|${column}|${dir}|${size}`;
  const found = cachedCount(sqlite, `name|${match}`, () => {
    const ids = sqlite.prepare(`SELECT rowid FROM applicants_fts WHERE applicants_fts MATCH ? LIMIT ${SEARCH_COUNT_CAP + 1}`).pluck().all(match) as number[];
    const exact = ids.length <= SEARCH_COUNT_CAP;
    return { n: Math.min(ids.length, SEARCH_COUNT_CAP), exact, ids: exact ? ids : undefined };
  });
  if (offset >= found.n && found.exact) return page(sqlite, [], column, found.n, found.exact, input, sortKey, maskPersonal);
  const order = `ORDER BY ${column} ${dir}, id ${dir} LIMIT ? OFFSET ?`;
  const walk = LIST_INDEXES.find((ix) => ix.columns[0] === column);
  // The match set: the ids already read when they are all of them, else the FTS query once more.
  const set = found.ids ? `SELECT value FROM json_each(?)` : `SELECT rowid FROM applicants_fts WHERE applicants_fts MATCH ?`;
  const few = found.ids !== undefined && found.ids.length <= FEW_MATCHES;
  const ids = sqlite
    .prepare(`SELECT id FROM applicants ${!few && walk ? `INDEXED BY ${walk.name}` : ''} WHERE id IN (${set}) ${order}`)
    .pluck()
    .all(found.ids ? JSON.stringify(found.ids) : match, size, offset) as number[];
  return page(sqlite, rowsByIds(sqlite, ids), column, found.n, found.exact, input, sortKey, maskPersonal);
}

/**
 * One page of the register. The next page steps by keyset from the previous page's cursor; pages near
 * the start read with a short OFFSET, pages near the end read the reverse order; anything deeper
 * slices the view's cached id order (see orderedIds).
 */
export function listApplicants(sqlite: BetterSqlite3.Database, input: ListInput, now: Date, maskPersonal: boolean): ListOutput {
  tuneForReads(sqlite);
  const filters: ApplicantFilters = {
    q: input.q,
    provinceCode: input.provinceCode,
    regencyCode: input.regencyCode,
    gender: input.gender,
    ageMin: input.ageMin,
    ageMax: input.ageMax,
    employmentStatus: input.employmentStatus,
    education: input.education,
    registeredFrom: input.registeredFrom,
    registeredTo: input.registeredTo,
    screeningStatus: input.screeningStatus,
    screeningReason: input.screeningReason,
  };
  const search = classifySearch(sqlite, input.q);
  const column = SORT_COLUMNS[input.sortField ?? 'registeredAt'];
  const onlyQ = Object.entries(filters).every(([k, v]) => k === 'q' || v === undefined);
  if (search.kind === 'none' && !hasScreeningFilter(filters)) return listPlanned(sqlite, input, filters, planView(filters, column), column, now, maskPersonal);
  if (search.kind === 'name' && onlyQ) return listByName(sqlite, input, search.match, column, maskPersonal);
  // Searches combined with filters, exact NIK/registration searches (a row or a few) and screening filters.
  const where = buildWhere(filters, search, now);
  const filterKey = JSON.stringify([where.sql, where.params]);
  const pageWhere = column === 'registered_at' || search.kind !== 'none' ? where : buildWhere(filters, search, now, { provinceIndexed: false });
  const { n: total, exact } = cachedCount(sqlite, filterKey, () => {
    const countWhere = hasScreeningFilter(filters) ? buildWhere(filters, search, now, { screeningFor: 'count' }) : where;
    if (search.kind === 'name') {
      const n = (sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM applicants ${countWhere.sql} LIMIT ${SEARCH_COUNT_CAP + 1})`).get(countWhere.params) as { n: number }).n;
      return { n: Math.min(n, SEARCH_COUNT_CAP), exact: n <= SEARCH_COUNT_CAP };
    }
    return { n: (sqlite.prepare(`SELECT count(*) AS n FROM applicants ${countWhere.sql}`).get(countWhere.params) as { n: number }).n, exact: true };
  });

  const dir = input.sortDir === 'desc' ? 'DESC' : 'ASC';
  const size = input.pageSize;
  const offset = input.page * size;
  const sortKey = `${filterKey}|${column}|${dir}|${size}`;
  let rows: ApplicantDbRow[];
  const cursor = decodeCursor(input.cursor);
  if (offset >= total && exact) {
    rows = [];
  } else if (cursor && cursor.page === input.page - 1 && cursor.key === sortKey && !isNullableColumn(column)) {
    const op = dir === 'ASC' ? '>' : '<';
    const and = pageWhere.sql ? `${pageWhere.sql} AND` : 'WHERE';
    rows = sqlite
      .prepare(`SELECT ${COLUMNS} FROM applicants ${and} (${column}, id) ${op} (?, ?) ORDER BY ${column} ${dir}, id ${dir} LIMIT ?`)
      .all(...pageWhere.params, cursor.value, cursor.id, size) as ApplicantDbRow[];
  } else if (exact && offset >= SHALLOW && total - offset - size >= SHALLOW) {
    const ids = orderedIds(sqlite, `${filterKey}|${column}|${dir}`, () =>
      // The whole view is read anyway: here the province's own index is the cheaper way in.
      sqlite.prepare(`SELECT id FROM applicants ${where.sql} ORDER BY ${column} ${dir}, id ${dir}`).pluck().all(...where.params) as number[],
    );
    const slice = Array.from(ids.subarray(offset, offset + size));
    const byId = new Map(
      (sqlite.prepare(`SELECT ${COLUMNS} FROM applicants WHERE id IN (${slice.map(() => '?').join(',')})`).all(...slice) as ApplicantDbRow[]).map((r) => [r.id, r]),
    );
    rows = slice.map((id) => byId.get(id)).filter((r): r is ApplicantDbRow => r !== undefined);
  } else if (exact && offset > total / 2) {
    // Read from the end: the rows at [offset, offset + size) are the last ones of the reversed order's first rows.
    const rdir = dir === 'ASC' ? 'DESC' : 'ASC';
    const end = Math.min(offset + size, total);
    const roffset = total - end;
    rows = (
      sqlite
        .prepare(`SELECT ${COLUMNS} FROM applicants ${pageWhere.sql} ORDER BY ${column} ${rdir}, id ${rdir} LIMIT ? OFFSET ?`)
        .all(...pageWhere.params, end - offset, roffset) as ApplicantDbRow[]
    ).reverse();
  } else {
    rows = sqlite
      .prepare(`SELECT ${COLUMNS} FROM applicants ${pageWhere.sql} ORDER BY ${column} ${dir}, id ${dir} LIMIT ? OFFSET ?`)
      .all(...pageWhere.params, size, offset) as ApplicantDbRow[];
  }
  return page(sqlite, rows, column, total, exact, input, sortKey, maskPersonal);
}
