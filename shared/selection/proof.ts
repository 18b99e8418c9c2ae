import { verifySeed } from './commitment';
import { selectionKeyer } from './keys';
import type { QuotaSpec } from './quotas';
import { rankByKeys, type KeyedRow, type RankedRow, type SelectionSummary } from './select';

/** The proof's columns, in order (DESIGN 3.3). */
export const PROOF_COLUMNS = ['registration_id', 'province_code', 'weight', 'key', 'selected'] as const;

/**
 * One CSV line of the proof, without its line ending. Numbers are written with JavaScript's
 * `String(number)`, the shortest text that reads back (`Number(text)`, `float()` in Python,
 * `strtod` in C) to the very same double, e.g. `-2.3025850929940455` or `-1.1102230246251565e-16`.
 * Text cells are quoted when they hold a separator, quote or line break; a text cell that starts
 * with `= + - @`, a tab, a CR or `'` gets a leading `'` so that no spreadsheet runs it as a
 * formula (DESIGN 4), which `readProofRecord` removes again.
 */
export function proofLine(row: RankedRow): string {
  return `${textCell(row.registrationId)},${textCell(row.provinceCode)},${row.weight},${row.key},${row.selected ? 1 : 0}`;
}

/** The header line, then one line per row; the caller adds line endings, so it can stream them. */
export function* writeProofRows(rows: Iterable<RankedRow>): Generator<string> {
  yield PROOF_COLUMNS.join(',');
  for (const row of rows) yield proofLine(row);
}

const NEEDS_CARE = /^[=+\-@\t\r']|[",;\r\n]/;

function textCell(value: string): string {
  if (!NEEDS_CARE.test(value)) return value;
  const guarded = /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const unguard = (value: string) => (value.startsWith("'") ? value.slice(1) : value);

/** A proof row as read back, with its spreadsheet row number (the header is row 1). */
export interface ProofRow extends RankedRow {
  row: number;
}

export interface ProofProblem {
  row: number;
  column: string | null;
  reason: string;
}

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Reads one proof record (column name → cell, names in lower case) into a row, or says what is wrong. */
export function readProofRecord(record: Readonly<Record<string, string>>, row: number): ProofRow | ProofProblem {
  return readCells((name) => record[name] ?? '', row);
}

function readCells(cellOf: (column: (typeof PROOF_COLUMNS)[number]) => string, row: number): ProofRow | ProofProblem {
  const registrationId = unguard(cellOf('registration_id').trim());
  const provinceCode = unguard(cellOf('province_code').trim());
  if (!registrationId) return { row, column: 'registration_id', reason: 'registration_id kosong' };
  if (!provinceCode) return { row, column: 'province_code', reason: 'province_code kosong' };
  const weightText = cellOf('weight').trim();
  const weight = Number(weightText);
  if (!DECIMAL.test(weightText) || !(weight > 0) || !Number.isFinite(weight)) {
    return { row, column: 'weight', reason: `weight harus angka lebih dari 0, bukan "${weightText}"` };
  }
  const keyText = cellOf('key').trim();
  const key = Number(keyText);
  if (!DECIMAL.test(keyText) || !Number.isFinite(key)) return { row, column: 'key', reason: `key bukan angka: "${keyText}"` };
  const selectedText = cellOf('selected').trim();
  if (selectedText !== '1' && selectedText !== '0') return { row, column: 'selected', reason: `selected harus 1 atau 0, bukan "${selectedText}"` };
  return { row, registrationId, provinceCode, weight, key, selected: selectedText === '1' };
}

/**
 * Parses a proof file's text: UTF-8 with or without BOM, comma or semicolon separated (taken from
 * the header), RFC 4180 quoting, column names case-insensitive, extra columns ignored (DESIGN 4).
 */
export function parseProofCsv(text: string): { rows: ProofRow[]; problems: ProofProblem[] } {
  const records = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = records[0];
  if (!header) return { rows: [], problems: [{ row: 1, column: null, reason: 'berkas kosong' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = PROOF_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { rows: [], problems: [{ row: 1, column: missing[0]!, reason: `kolom wajib tidak ada: ${missing.join(', ')}` }] };
  const rows: ProofRow[] = [];
  const problems: ProofProblem[] = [];
  const position = Object.fromEntries(PROOF_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof PROOF_COLUMNS)[number], number>;
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    const read = readCells((column) => cells[position[column]] ?? '', i + 1);
    if ('reason' in read) problems.push(read);
    else rows.push(read);
  }
  return { rows, problems };
}

function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? 59 : 44;
  const records: string[][] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text.charCodeAt(i) === 34) {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            cell += text.slice(i);
            i = len;
            break;
          }
          cell += text.slice(i, q);
          i = q + 1;
          if (text.charCodeAt(i) !== 34) break;
          cell += '"';
          i++;
        }
      }
      let j = i;
      for (let c = text.charCodeAt(j); j < len && c !== sep && c !== 10 && c !== 13; c = text.charCodeAt(++j));
      cells.push(cell + text.slice(i, j));
      i = j;
      if (i < len && text.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      if (text.charCodeAt(i) === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      break;
    }
    records.push(cells);
  }
  return records;
}

export type ProofMismatchField = 'seed' | 'pool' | 'duplicate' | 'key' | 'selected';

export interface ProofMismatch {
  /** The proof's row (header = 1); null for what concerns the whole proof. */
  row: number | null;
  registrationId: string | null;
  field: ProofMismatchField;
  /** What recomputation gives (or the published figure). */
  expected: string;
  /** What the proof says. */
  actual: string;
}

export interface ProofVerification {
  ok: boolean;
  rows: number;
  /**
   * `given`: the caller supplied the wave's quotas. `inferred`: none were given, so the national
   * quota was taken as the proof's count of selected rows, split by largest remainder. Inferring is
   * exact for an honest proof (with largest remainder, a quota up to the pool is always filled), but
   * a proof that unselects a province's last selected row may then still verify: give the quota.
   */
  quotaSource: 'given' | 'inferred';
  mismatchCount: number;
  /** The first mismatches, in row order (whole-proof ones first). */
  mismatches: ProofMismatch[];
  /** The selection recomputed from the seed and the proof's pool; null when the seed was refused. */
  recomputed: SelectionSummary | null;
}

export interface ProofCheckOptions {
  /** The wave's quotas: the national quota (largest remainder) or the explicit province quotas. */
  quota?: QuotaSpec;
  /** The published pool size: without it, a dropped unselected row cannot be noticed. */
  pool?: number;
  /** The published seed commitment; a seed that does not hash to it is refused. */
  seedCommitment?: string;
  /** How many mismatches to list (default 20); all are counted. */
  maxMismatches?: number;
}

/**
 * Recomputes a selection from a proof and the seed alone: every key from seed, registration_id
 * and weight, then the selection of the proof's pool; reports whether the proof matches, and where not.
 */
export function verifyProof(proofRows: readonly ProofRow[], seed: string, options: ProofCheckOptions = {}): ProofVerification {
  const limit = options.maxMismatches ?? 20;
  const mismatches: ProofMismatch[] = [];
  let mismatchCount = 0;
  const report = (m: ProofMismatch) => {
    mismatchCount++;
    if (mismatches.length < limit) mismatches.push(m);
  };
  const quotaSource = options.quota ? 'given' : 'inferred';

  if (options.seedCommitment !== undefined && !verifySeed(seed, options.seedCommitment)) {
    report({ row: null, registrationId: null, field: 'seed', expected: options.seedCommitment, actual: 'sha256 seed berbeda' });
    return { ok: false, rows: proofRows.length, quotaSource, mismatchCount, mismatches, recomputed: null };
  }

  const keyOf = selectionKeyer(seed);
  const firstRow = new Map<string, ProofRow>();
  const keyed: KeyedRow[] = [];
  for (const r of proofRows) {
    if (firstRow.has(r.registrationId)) continue;
    firstRow.set(r.registrationId, r);
    keyed.push({ registrationId: r.registrationId, provinceCode: r.provinceCode, weight: r.weight, key: keyOf(r.registrationId, r.weight) });
  }
  const quota = options.quota ?? { national: proofRows.filter((r) => r.selected).length };
  const { summary: recomputed, selected } = rankByKeys(keyed, quota);

  if (options.pool !== undefined && options.pool !== proofRows.length) {
    report({ row: null, registrationId: null, field: 'pool', expected: String(options.pool), actual: String(proofRows.length) });
  }
  let k = 0;
  for (const r of proofRows) {
    const first = firstRow.get(r.registrationId)!;
    if (first !== r) {
      report({ row: r.row, registrationId: r.registrationId, field: 'duplicate', expected: 'sekali', actual: `juga di baris ${first.row}` });
      continue;
    }
    const truth = keyed[k]!;
    const truthSelected = selected[k++] === 1;
    if (truth.key !== r.key) report({ row: r.row, registrationId: r.registrationId, field: 'key', expected: String(truth.key), actual: String(r.key) });
    if (truthSelected !== r.selected) {
      report({ row: r.row, registrationId: r.registrationId, field: 'selected', expected: truthSelected ? '1' : '0', actual: r.selected ? '1' : '0' });
    }
  }
  return { ok: mismatchCount === 0, rows: proofRows.length, quotaSource, mismatchCount, mismatches, recomputed };
}
