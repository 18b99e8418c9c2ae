import type BetterSqlite3 from 'better-sqlite3';
import { EXCLUSION_LISTS } from '../../../shared/applicant-values';
import type { ImportRun } from '../../../shared/api/applicants';
import { toImportRun } from '../applicants/imports';
import type { ImportRunsTable } from '../db/schema';
import type { Selectable } from 'kysely';

const HISTORY = 100;

/** Each exclusion list with its entries, people, entries active today and validity window; and the latest imports. */
export function exclusionLists(sqlite: BetterSqlite3.Database, today: string) {
  const rows = sqlite
    .prepare(
      `SELECT list, count(*) AS entries, count(DISTINCT nik) AS people,
         sum((valid_from IS NULL OR valid_from <= @today) AND (valid_to IS NULL OR valid_to >= @today)) AS activeToday,
         min(valid_from) AS validFrom, max(valid_to) AS validTo,
         sum(valid_from IS NULL) AS openStart, sum(valid_to IS NULL) AS openEnd
       FROM exclusions GROUP BY list`,
    )
    .all({ today }) as { list: string; entries: number; people: number; activeToday: number; validFrom: string | null; validTo: string | null; openStart: number; openEnd: number }[];
  const byList = new Map(rows.map((r) => [r.list, r]));
  const lists = EXCLUSION_LISTS.map((list) => {
    const r = byList.get(list);
    return r
      ? { ...r, list, validFrom: r.openStart ? null : r.validFrom, validTo: r.openEnd ? null : r.validTo }
      : { list, entries: 0, people: 0, activeToday: 0, validFrom: null, validTo: null, openStart: 0, openEnd: 0 };
  });
  const imports = (sqlite.prepare(`SELECT * FROM import_runs WHERE kind = 'exclusions' ORDER BY id DESC LIMIT ${HISTORY}`).all() as Selectable<ImportRunsTable>[]).map(
    toImportRun,
  ) as ImportRun[];
  return { today, lists, imports };
}
