import type BetterSqlite3 from 'better-sqlite3';
import { EMPLOYMENT_STATUSES, GENDERS } from '../../../shared/applicant-values';
import { dateKeyIn, instantMs, type RegistrationColumns, type ScreeningInput } from '../../../shared/eligibility';
import { REGISTER_COLUMNS, canonicalInstantMs, digitsValue, field, forEachJoinedRow, plainChunk, registerChunks, type RegisterChunk } from './register-chunks';

export { CHUNK_IDS, REGISTER_COLUMNS, plainChunk, registerChunks, type ReadColumn, type RegisterChunk } from './register-chunks';

/** The register as screening reads it (the whole of it, or a wave's pool up to its cut-off), as columns: index i across all of them is one registration. */
export interface PoolRegister {
  columns: RegistrationColumns;
  provinceCode: string[];
  employmentStatus: string[];
  /** applicants.id and version, for overrides and for publication's check that nothing changed since. */
  ids: Int32Array;
  versions: Int32Array;
  /** Each registration's own rules, when another thread works them out (see register-reader.ts). */
  rowRules?: ScreeningInput['rowRules'];
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
/** Dates the interner keeps in an array: years [1900, 2100). */
const FIRST_YEAR = 1900;
const YEARS = 200;

/** A few codes that differ in their first character, found by it. */
class CodeSet {
  private readonly byFirst: (string | undefined)[] = new Array(128).fill(undefined);

  constructor(values: readonly string[]) {
    for (const v of values) {
      const c = v.charCodeAt(0);
      if (c >= 128 || this.byFirst[c] !== undefined) throw new RangeError(`codes must differ in their first ASCII character: ${values.join(', ')}`);
      this.byFirst[c] = v;
    }
  }

  /** The code written at text[a, b), or undefined. */
  at(text: string, a: number, b: number): string | undefined {
    const v = this.byFirst[text.charCodeAt(a) & 127];
    if (v === undefined || v.length !== b - a) return undefined;
    // By hand: startsWith at an offset into a large string is slower than these few comparisons.
    for (let i = 1; i < v.length; i++) if (text.charCodeAt(a + i) !== v.charCodeAt(i)) return undefined;
    return v;
  }
}

const GENDER_CODES = new CodeSet(GENDERS);
const EMPLOYMENT_CODES = new CodeSet(EMPLOYMENT_STATUSES);

/**
 * Values that repeat across a million rows (birth dates, genders, provinces, employment statuses) as
 * one shared string each, decoded from the text without slicing it: fewer strings to allocate and to
 * collect. Anything unexpected is sliced as it is.
 */
class Interner {
  private readonly dates: (string | undefined)[] = new Array(YEARS * 416).fill(undefined);

  /** The date at text[a, b) whose {@link dateKeyIn} is `key`. */
  date(text: string, a: number, b: number, key: number): string {
    if (key >= 0) {
      const y = Math.floor(key / 10000);
      const m = Math.floor(key / 100) % 100;
      const d = key % 100;
      if (y >= FIRST_YEAR && y < FIRST_YEAR + YEARS && m < 13 && d < 32) return (this.dates[(y - FIRST_YEAR) * 416 + m * 32 + d] ??= text.slice(a, b));
    }
    return text.slice(a, b);
  }

  twoDigits(text: string, a: number, b: number): string {
    if (b - a === 2) {
      const n = digitsValue(text, a, b);
      if (n >= 0) return TWO_DIGITS[n]!;
    }
    return text.slice(a, b);
  }

  code(text: string, a: number, b: number, codes: CodeSet): string {
    return codes.at(text, a, b) ?? text.slice(a, b);
  }
}

/** The registrations up to a cut-off, counted in the reader's snapshot. */
export function countRegisteredUntil(sqlite: BetterSqlite3.Database, cutoff: string): number {
  return sqlite.prepare('SELECT count(*) FROM applicants WHERE registered_at <= ?').pluck().get(cutoff) as number;
}

/** Thrown when the chunks hold another number of registrations than the count: the register changed between two snapshots. */
export class RegisterChangedError extends Error {
  /** A stale read snapshot, as SQLite names it: the job runs again. */
  readonly code = 'SQLITE_BUSY_SNAPSHOT';
  constructor() {
    super('applicants changed while being read');
  }
}

/** Fills a {@link PoolRegister} of `total` registrations from {@link REGISTER_COLUMNS} chunks, in order. */
export class RegisterBuilder {
  private readonly registration_id: string[];
  private readonly nik: string[];
  private readonly kk: string[];
  private readonly birth_date: string[];
  private readonly gender: string[];
  private readonly registered_at: Float64Array;
  private readonly provinceCode: string[];
  private readonly employmentStatus: string[];
  private readonly ids: Int32Array;
  private readonly versions: Int32Array;
  private readonly intern = new Interner();
  private n = 0;
  constructor(private readonly total: number) {
    this.registration_id = new Array(total);
    this.nik = new Array(total);
    this.kk = new Array(total);
    this.birth_date = new Array(total);
    this.gender = new Array(total);
    this.registered_at = new Float64Array(total);
    this.provinceCode = new Array(total);
    this.employmentStatus = new Array(total);
    this.ids = new Int32Array(total);
    this.versions = new Int32Array(total);
  }

  /** Registrations added so far. */
  get length(): number {
    return this.n;
  }

  /**
   * Adds a chunk's rows, cutting it up and checking it in one pass; one that does not come apart
   * cleanly is read again row by row through `plain` (in the same snapshot), and where its rows went
   * reported to `onPlain`.
   */
  add(chunk: RegisterChunk, plain: (lo: number) => (string | number)[][], onPlain?: (first: number, rows: number) => void): void {
    const first = this.n;
    if (first + chunk.count > this.total) throw new RegisterChangedError();
    if (chunk.text !== null && forEachJoinedRow(chunk.text, REGISTER_COLUMNS.length, chunk.count, chunk.idSum, this.joinedRow)) return;
    this.n = first;
    const rows = plain(chunk.lo);
    if (first + rows.length > this.total) throw new RegisterChangedError();
    for (const r of rows) this.plainRow(r);
    onPlain?.(first, rows.length);
  }

  private readonly joinedRow = (text: string, b: Int32Array) => {
    const i = this.n++;
    const intern = this.intern;
    this.registration_id[i] = field(text, b, 0);
    this.nik[i] = field(text, b, 1);
    this.kk[i] = field(text, b, 2);
    this.birth_date[i] = intern.date(text, b[3]!, b[4]! - 1, dateKeyIn(text, b[3]!, b[4]! - 1));
    this.gender[i] = intern.code(text, b[4]!, b[5]! - 1, GENDER_CODES);
    this.registered_at[i] = storedInstantMs(text, b[5]!, b[6]! - 1);
    this.provinceCode[i] = intern.twoDigits(text, b[6]!, b[7]! - 1);
    this.employmentStatus[i] = intern.code(text, b[7]!, b[8]! - 1, EMPLOYMENT_CODES);
    this.versions[i] = digitsValue(text, b[8]!, b[9]! - 1);
    this.ids[i] = digitsValue(text, b[9]!, b[10]! - 1);
  };

  private plainRow(c: (string | number)[]) {
    const i = this.n++;
    this.registration_id[i] = c[0] as string;
    this.nik[i] = c[1] as string;
    this.kk[i] = c[2] as string;
    this.birth_date[i] = c[3] as string;
    this.gender[i] = c[4] as string;
    this.registered_at[i] = instantMs(c[5] as string);
    this.provinceCode[i] = c[6] as string;
    this.employmentStatus[i] = c[7] as string;
    this.versions[i] = c[8] as number;
    this.ids[i] = c[9] as number;
  }

  finish(): PoolRegister {
    if (this.n !== this.total) throw new RegisterChangedError();
    const { registration_id, nik, kk, birth_date, gender, registered_at } = this;
    return { columns: { registration_id, nik, kk, birth_date, gender, registered_at }, provinceCode: this.provinceCode, employmentStatus: this.employmentStatus, ids: this.ids, versions: this.versions };
  }
}

/** Every registration registered on or before `cutoff`, as screening needs it, in rowid order, read on this thread. */
export function readRegisterUntil(sqlite: BetterSqlite3.Database, cutoff: string, onChunk?: (done: number, total: number) => void): PoolRegister {
  const total = countRegisteredUntil(sqlite, cutoff);
  const builder = new RegisterBuilder(total);
  for (const chunk of registerChunks(sqlite, cutoff, REGISTER_COLUMNS)) {
    builder.add(chunk, (lo) => plainChunk(sqlite, cutoff, REGISTER_COLUMNS, lo));
    onChunk?.(builder.length, total);
  }
  return builder.finish();
}

/** Epoch milliseconds of text[a, b): the stored form by arithmetic, anything else through instantMs. */
export function storedInstantMs(text: string, a: number, b: number): number {
  const ms = canonicalInstantMs(text, a, b);
  return Number.isNaN(ms) ? instantMs(text.slice(a, b)) : ms;
}
