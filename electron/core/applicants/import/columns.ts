import { ApiError } from '../../../../shared/api/errors';
import { headerKey } from './values';

export interface ColumnMatch {
  /** Each expected column's index in the file, or -1 when absent. */
  indexes: Record<string, number>;
  missing: string[];
  /** Header cells that match no expected column (ignored). */
  extra: string[];
}

/** Matches a header row against the expected columns, in any order and case; extra columns are ignored. */
export function matchColumns(header: string[], expected: readonly string[], required: readonly string[]): ColumnMatch {
  const byKey = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !byKey.has(k)) byKey.set(k, i);
  });
  const indexes: Record<string, number> = {};
  for (const col of expected) indexes[col] = byKey.get(col) ?? -1;
  const known = new Set(expected);
  return {
    indexes,
    missing: required.filter((c) => indexes[c] === -1),
    extra: header.filter((h) => headerKey(h) !== '' && !known.has(headerKey(h))),
  };
}

export function refuseMissing(fileName: string, match: ColumnMatch): void {
  if (match.missing.length === 0) return;
  throw new ApiError(
    'VALIDATION',
    `File ${fileName} tidak diimpor: kolom wajib tidak ada di baris judul (baris 1): ${match.missing.join(', ')}. Nama kolom boleh huruf besar atau kecil dan dalam urutan apa pun.`,
  );
}
