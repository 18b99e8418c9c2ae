import fs from 'node:fs';
import { REGENCIES } from '../../shared/regions/regencies';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES } from '../../shared/applicant-values';

/** A quick, deterministic applicants CSV for measuring (the realistic demo generator lives in core/demo). */
const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rudi', 'Sri', 'Andi', 'Rina', 'Joko', 'Ayu', 'Eko', 'Putri', 'Hendra', 'Nur', 'Ahmad', 'Fitri', 'Bambang', 'Wati', 'Dedi', 'Yuni', 'Rizky', 'Intan', 'Fajar', 'Lestari', 'Héru', 'Nurul', 'Taufik', 'Mega', 'Irfan', 'Indah'];
const LAST = ['Santoso', 'Wijaya', 'Saputra', 'Pratama', 'Hidayat', 'Kusuma', 'Nugroho', 'Lubis', 'Siregar', 'Harahap', 'Setiawan', 'Gunawan', 'Rahmawati', 'Susanto', 'Halim', 'Purnomo', 'Simanjuntak', 'Wibowo', 'Sitompul', 'Maharani'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const APPLICANT_HEADER = 'registration_id,nik,kk,full_name,birth_date,gender,phone,email,province_code,regency_code,education,employment_status,registered_at,test_score';

export function generateApplicantsCsv(file: string, rows: number, seed = 1): void {
  const rand = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const regencies = Object.entries(REGENCIES);
  const fd = fs.openSync(file, 'w');
  let buf = APPLICANT_HEADER + '\n';
  const start = Date.parse('2026-03-01T00:00:00Z');
  for (let i = 1; i <= rows; i++) {
    const [reg, [prov]] = pick(regencies);
    const female = rand() < 0.5;
    const y = 1962 + Math.floor(rand() * 48);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const p2 = (n: number) => String(n).padStart(2, '0');
    const nik = `${reg}${p2(1 + Math.floor(rand() * 30))}${p2(female ? d + 40 : d)}${p2(m)}${p2(y % 100)}${String(1 + Math.floor(rand() * 9999)).padStart(4, '0')}`;
    const kk = `${reg}${String(Math.floor(rand() * 1e12)).padStart(12, '0')}`;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const at = new Date(start + Math.floor(rand() * 60 * 86_400_000)).toISOString().slice(0, 19) + '+07:00';
    const score = rand() < 0.2 ? '' : String(Math.floor(rand() * 101));
    const edu = rand() < 0.1 ? '' : pick(EDUCATION_LEVELS);
    buf += `R${String(i).padStart(9, '0')},${nik},${kk},${name},${y}-${p2(m)}-${p2(d)},${female ? 'P' : 'L'},08${Math.floor(rand() * 1e10)},,${prov},${reg},${edu},${pick(EMPLOYMENT_STATUSES)},${at},${score}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

if (process.argv[1]?.endsWith('generate-applicants-csv.ts')) {
  const [file = '/tmp/applicants-1m.csv', n = '1000000'] = process.argv.slice(2);
  console.time('generate');
  generateApplicantsCsv(file, Number(n));
  console.timeEnd('generate');
}
