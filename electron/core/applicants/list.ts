import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import type { ApplicantListOutput, ApplicantRow, ApplicantFilters } from '../../../shared/api/applicants';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { maskNik } from '../../../shared/nik';
import { buildWhere, classifySearch, isNullableColumn, SORT_COLUMNS } from './list-query';

type ListInput = ParsedInputOf<'applicants.list'>;
type ListOutput = z.infer<typeof ApplicantListOutput>;

/** Counts above this for a name search are reported as a lower bound (totalExact false). */
const SEARCH_COUNT_CAP = 10_000;
const COLUMNS = `id, registration_id, nik, kk, full_name, birth_date, gender, phone, email, province_code, regency_code,
  education, employment_status, registered_at, test_score, updated_at`;

export interface ApplicantDbRow {
  id: number;
  registration_id: string;
  nik: string;
  kk: string;
  full_name: string;
  birth_date: string;
  gender: 'L' | 'P';
  phone: string | null;
  email: string | null;
  province_code: string;
  regency_code: string;
  education: string | null;
  employment_status: string;
  registered_at: string;
  test_score: number | null;
  updated_at: string;
}

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
const counts = new WeakMap<BetterSqlite3.Database, { generation: string; byKey: Map<string, { n: number; exact: boolean }> }>();
let localWrites = 0;
export function noteApplicantsChanged(): void {
  localWrites++;
}

function cachedCount(sqlite: BetterSqlite3.Database, key: string, compute: () => { n: number; exact: boolean }) {
  const generation = `${sqlite.pragma('data_version', { simple: true })}:${localWrites}`;
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

/**
 * One page of the register. Deep pages: the next page steps by keyset from the previous page's cursor;
 * a jump past the middle reads the reverse order from the end, so OFFSET never walks more than half.
 */
export function listApplicants(sqlite: BetterSqlite3.Database, input: ListInput, now: Date, maskPersonal: boolean): ListOutput {
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
  };
  const search = classifySearch(sqlite, input.q);
  const where = buildWhere(filters, search, now);
  const filterKey = JSON.stringify([where.sql, where.params]);
  const { n: total, exact } = cachedCount(sqlite, filterKey, () => {
    if (search.kind === 'name') {
      const n = (sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM applicants ${where.sql} LIMIT ${SEARCH_COUNT_CAP + 1})`).get(where.params) as { n: number }).n;
      return { n: Math.min(n, SEARCH_COUNT_CAP), exact: n <= SEARCH_COUNT_CAP };
    }
    return { n: (sqlite.prepare(`SELECT count(*) AS n FROM applicants ${where.sql}`).get(where.params) as { n: number }).n, exact: true };
  });

  const column = SORT_COLUMNS[input.sortField ?? 'registeredAt'];
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
    const and = where.sql ? `${where.sql} AND` : 'WHERE';
    rows = sqlite
      .prepare(`SELECT ${COLUMNS} FROM applicants ${and} (${column}, id) ${op} (?, ?) ORDER BY ${column} ${dir}, id ${dir} LIMIT ?`)
      .all(...where.params, cursor.value, cursor.id, size) as ApplicantDbRow[];
  } else if (exact && offset > total / 2) {
    // Read from the end: the rows at [offset, offset + size) are the last ones of the reversed order's first rows.
    const rdir = dir === 'ASC' ? 'DESC' : 'ASC';
    const end = Math.min(offset + size, total);
    const roffset = total - end;
    rows = (
      sqlite
        .prepare(`SELECT ${COLUMNS} FROM applicants ${where.sql} ORDER BY ${column} ${rdir}, id ${rdir} LIMIT ? OFFSET ?`)
        .all(...where.params, end - offset, roffset) as ApplicantDbRow[]
    ).reverse();
  } else {
    rows = sqlite
      .prepare(`SELECT ${COLUMNS} FROM applicants ${where.sql} ORDER BY ${column} ${dir}, id ${dir} LIMIT ? OFFSET ?`)
      .all(...where.params, size, offset) as ApplicantDbRow[];
  }
  const last = rows.at(-1);
  const lastValue = last ? (last as unknown as Record<string, string | number | null>)[column] : null;
  return {
    rows: rows.map((r) => toApplicantRow(r, maskPersonal)),
    total,
    totalExact: exact,
    cursor: last && lastValue !== null && lastValue !== undefined ? encodeCursor({ page: input.page, key: sortKey, value: lastValue, id: last.id }) : null,
  };
}
