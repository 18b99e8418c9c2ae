import { ApiError } from '../../../../shared/api/errors';
import { matchColumns, refuseMissing } from './columns';
import { fastApplicantCheck, type FastApplicantCheck } from './fast-checks';
import {
  APPLICANT_COLUMNS, APPLICANT_REQUIRED, EXCLUSION_COLUMNS, EXCLUSION_REQUIRED,
  checkApplicant, checkExclusion, type Reject,
} from './row-checks';
import { readTable, type TableFile, type TableFormat } from './table-source';

export type ImportKind = 'applicants' | 'exclusions';

/** Values per valid row: the writer's column order (ApplicantValues, ExclusionValues). */
export const ROW_WIDTH: Record<ImportKind, number> = { applicants: APPLICANT_COLUMNS.length, exclusions: EXCLUSION_COLUMNS.length };

/** One chunk of a file, checked: what the writer stores, in file order. */
export interface ParsedBatch {
  /** Valid rows checked value by value: ROW_WIDTH values each, one after another. */
  values: unknown[];
  /**
   * Valid rows the fast check accepted, as their CSV line: a thread boundary copies one string per row
   * instead of fourteen values (about 3 s less for each side on 1M rows); the writer reads them with
   * acceptedApplicantValues and `layout`.
   */
  lines: string[];
  /** Per valid row in file order: 1 when it is the next of `lines`, 0 when the next of `values`. */
  fromLine: Uint8Array;
  /** How `lines` split into the file's columns (set when there are lines). */
  layout: { delimiter: string; indexes: Record<string, number> } | null;
  /** Data rows read in this chunk (valid and rejected; blank lines are not rows). */
  rows: number;
  rejectedRows: number;
  /** Every reject of the chunk's rejected rows (a row may have several). */
  rejects: Reject[];
  /** Bytes of the file consumed so far (for the progress estimate). */
  bytesRead: number;
}

/**
 * Reads and checks a file chunk by chunk: the header matched to the kind's columns (a missing required
 * column refuses the file), every row checked, and a key repeated within the file rejected on its later
 * rows. Pure of the database, so it can run in its own thread while another writes (parse-worker).
 */
export async function parseRows(file: TableFile, format: TableFormat, kind: ImportKind, emit: (batch: ParsedBatch) => void | Promise<void>): Promise<void> {
  const isApplicants = kind === 'applicants';
  const check = isApplicants ? checkApplicant : checkExclusion;
  const keyOf = isApplicants ? (v: unknown[]) => v[0] as string : (v: unknown[]) => `${v[0]}\u0000${v[1]}\u0000${v[2] ?? ''}`;
  const keyColumn = isApplicants ? 'registration_id' : 'nik';
  const keyName = isApplicants ? 'registration_id' : 'kombinasi nik, list dan valid_from';
  const seen = new Map<string, number>();
  let indexes: Record<string, number> | null = null;
  let fast: FastApplicantCheck | null = null;

  for await (const chunk of readTable(file, format)) {
    const fromLine = new Uint8Array(chunk.records.length);
    const batch: ParsedBatch = { values: [], lines: [], fromLine, layout: null, rows: 0, rejectedRows: 0, rejects: [], bytesRead: chunk.bytesRead };
    const out = batch.values;
    let valid = 0;
    for (const { row, values, line } of chunk.records) {
      if (!indexes) {
        if (values.every((v) => v.trim() === '')) continue;
        const match = matchColumns(values, isApplicants ? APPLICANT_COLUMNS : EXCLUSION_COLUMNS, isApplicants ? APPLICANT_REQUIRED : EXCLUSION_REQUIRED);
        refuseMissing(file.name, match);
        indexes = match.indexes;
        fast = isApplicants ? fastApplicantCheck(indexes) : null;
        continue;
      }
      const quick = fast ? fast(values) : null;
      if (quick === null && values.every((v) => v.trim() === '')) continue;
      batch.rows++;
      const checked = quick ?? check(values, row, indexes);
      if (!Array.isArray(checked[0]) && typeof checked[0] !== 'object') {
        const v = checked as unknown[];
        const key = keyOf(v);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          batch.rejectedRows++;
          batch.rejects.push({ row, column: keyColumn, reason: `${keyName} sama dengan baris ${earlier} (baris yang lebih akhir ditolak)`, value: isApplicants ? key : (v[0] as string) });
          continue;
        }
        seen.set(key, row);
        if (quick !== null && line !== undefined && chunk.delimiter !== undefined) {
          batch.layout ??= { delimiter: chunk.delimiter, indexes };
          batch.lines.push(line);
          fromLine[valid++] = 1;
        } else {
          for (let i = 0; i < v.length; i++) out.push(v[i]);
          fromLine[valid++] = 0;
        }
      } else {
        batch.rejectedRows++;
        for (const r of checked as Reject[]) batch.rejects.push(r);
      }
    }
    batch.fromLine = fromLine.subarray(0, valid);
    await emit(batch);
  }
  if (!indexes) throw new ApiError('VALIDATION', `File ${file.name} kosong: tidak ada baris judul. File tidak diimpor.`);
}
