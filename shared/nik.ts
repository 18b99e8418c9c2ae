import { PROVINCES } from './regions/provinces';
import { REGENCIES } from './regions/regencies';

/** A NIK taken apart (DESIGN 3.1): `PPKKCC DDMMYY SSSS`. */
export interface NikInfo {
  nik: string;
  provinceCode: string;
  /** First four digits (`3273`); may name no real regency, which does not make the NIK invalid. */
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: 'L' | 'P';
  serial: string;
}

export type NikProblem = 'FORMAT' | 'PROVINCE' | 'DATE' | 'SERIAL';

export type NikResult = { ok: true; info: NikInfo } | { ok: false; problem: NikProblem; message: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

// Screening parses a million NIKs against one reference date: remember the last one parsed.
let lastRef: { iso: string; parts: readonly [number, number, number] } | null = null;

/** `YYYY-MM-DD` of a reference date given as that string or as a Date (its UTC calendar day). */
function refParts(ref: string | Date): readonly [number, number, number] {
  const iso = typeof ref === 'string' ? ref : ref.toISOString().slice(0, 10);
  if (lastRef?.iso === iso) return lastRef.parts;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`reference date must be YYYY-MM-DD, got ${iso}`);
  lastRef = { iso, parts: [Number(m[1]), Number(m[2]), Number(m[3])] };
  return lastRef.parts;
}

/**
 * Parses and validates a NIK per DESIGN 3.1. The two-digit year gets the century that makes the
 * person between 0 and 100 years old on `referenceDate`: the latest year ending in YY whose
 * birthday (month, day) is not after the reference date. The day is checked in that year,
 * so `290200` is 2000-02-29 (real) but 1900-02-29 (not real) when the reference is before 2000-02-29.
 */
export function parseNik(raw: string, referenceDate: string | Date): NikResult {
  const nik = raw.trim();
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: 'FORMAT', message: 'NIK harus tepat 16 angka.' };
  const provinceCode = nik.slice(0, 2);
  if (!Object.prototype.hasOwnProperty.call(PROVINCES, provinceCode)) {
    return { ok: false, problem: 'PROVINCE', message: `Kode provinsi ${provinceCode} pada NIK bukan provinsi yang ada.` };
  }
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = rawDay > 40 ? 'P' : 'L';
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const [ry, rm, rd] = refParts(referenceDate);
  let year = ry - ((((ry - yy) % 100) + 100) % 100);
  if (month * 100 + day > rm * 100 + rd && year === ry) year -= 100;
  if (!isRealDate(year, month, day)) {
    return { ok: false, problem: 'DATE', message: `Tanggal lahir pada NIK (${nik.slice(6, 12)}) bukan tanggal yang ada.` };
  }
  const serial = nik.slice(12);
  if (serial === '0000') return { ok: false, problem: 'SERIAL', message: 'Nomor urut NIK tidak boleh 0000.' };
  return {
    ok: true,
    info: {
      nik,
      provinceCode,
      regencyCode: nik.slice(0, 4),
      districtCode: nik.slice(0, 6),
      birthDate: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
      sex,
      serial,
    },
  };
}

export function isValidNik(nik: string, referenceDate: string | Date): boolean {
  return parseNik(nik, referenceDate).ok;
}

export function provinceName(code: string): string | null {
  return Object.prototype.hasOwnProperty.call(PROVINCES, code) ? PROVINCES[code]! : null;
}

export function regencyName(code: string): string | null {
  return Object.prototype.hasOwnProperty.call(REGENCIES, code) ? REGENCIES[code]![1] : null;
}

/** True when the regency exists and lies in the province. */
export function regencyInProvince(regencyCode: string, provinceCode: string): boolean {
  return Object.prototype.hasOwnProperty.call(REGENCIES, regencyCode) && REGENCIES[regencyCode]![0] === provinceCode;
}

/**
 * DESIGN 3.6 masking for roles that do not need the full NIK: `3201********0001`
 * (first four and last four digits). Shorter or malformed values are masked in the same spirit.
 */
export function maskNik(nik: string): string {
  if (nik.length <= 8) return '*'.repeat(nik.length);
  return nik.slice(0, 4) + '*'.repeat(nik.length - 8) + nik.slice(-4);
}
