/** What an export column is, and how a row value becomes a CSV field or an XLSX cell value. */
export type ColumnType = 'text' | 'integer' | 'money' | 'date' | 'datetime';

export interface ColumnSpec {
  /** Property of the row object. */
  key: string;
  header: string;
  type: ColumnType;
  /** In characters; a sensible default per type when omitted. */
  width?: number;
}

export type ExportRow = Readonly<Record<string, unknown>>;
export type RowSource = Iterable<ExportRow> | AsyncIterable<ExportRow>;

export interface ExportOptions {
  /** Called with the rows written so far, every `progressEvery` rows and at the end. */
  progress?: (done: number) => void;
  progressEvery?: number;
  /** Throws to stop (the job runner's checkCancelled); called every `progressEvery` rows. The file is removed. */
  checkCancelled?: () => void;
  /** XLSX only; default 'Data'. */
  sheetName?: string;
}

export interface ExportResult {
  path: string;
  rows: number;
}

export const DEFAULT_WIDTH: Record<ColumnType, number> = { text: 24, integer: 10, money: 16, date: 12, datetime: 20 };

/** Asia/Jakarta has no daylight saving: a fixed UTC+7. */
export const JAKARTA_OFFSET_MS = 7 * 3_600_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(String(value).trim());
  return Number.isFinite(n) ? n : null;
}

/** A date-only value as UTC midnight milliseconds, or null. */
export function toDateMs(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  const m = DATE_ONLY.exec(String(value).slice(0, 10));
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** An instant in epoch milliseconds; ISO text without an offset is Asia/Jakarta time (DESIGN 4). */
export function toInstantMs(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = String(value).trim();
  const ms = Date.parse(HAS_OFFSET.test(text) || DATE_ONLY.test(text) ? text : `${text}+07:00`);
  return Number.isNaN(ms) ? null : ms;
}

export function formatDateMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `2026-05-03T08:15:00+07:00`: ISO 8601 that reads back to the same instant and shows Jakarta time. */
export function formatJakarta(ms: number): string {
  return new Date(ms + JAKARTA_OFFSET_MS).toISOString().slice(0, 19) + '+07:00';
}
