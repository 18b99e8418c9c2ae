import type BetterSqlite3 from 'better-sqlite3';
import type { ApplicantDetail } from '../../../shared/api/applicants';
import { ApiError } from '../../../shared/api/errors';
import { maskNik, parseNik, provinceName, regencyName } from '../../../shared/nik';
import { jakartaToday } from './list-query';
import { toApplicantRow, type ApplicantDbRow } from './list';

const SEX_WORD = { L: 'laki-laki', P: 'perempuan' } as const;

/** Where a valid NIK disagrees with what the applicant stated (DESIGN 3.2 NIK_MISMATCH, plus the region as a hint). */
function nikHints(row: ApplicantDbRow, today: string): { decoded: ApplicantDetail['nikDecoded']; hints: string[] } {
  const parsed = parseNik(row.nik, today);
  if (!parsed.ok) {
    return {
      decoded: { valid: false, problem: parsed.message, provinceCode: null, provinceName: null, regencyCode: null, regencyName: null, birthDate: null, sex: null },
      hints: [`NIK tidak sah: ${parsed.message}`],
    };
  }
  const info = parsed.info;
  const hints: string[] = [];
  // NIK_MISMATCH compares day, month and the two-digit year, not the century.
  const stated = row.birth_date;
  if (info.birthDate.slice(2) !== stated.slice(2)) {
    hints.push(`Tanggal lahir menurut NIK (${info.birthDate.slice(8)}-${info.birthDate.slice(5, 7)}-${info.birthDate.slice(2, 4)}) berbeda dengan tanggal lahir yang diisi (${stated}).`);
  }
  if (info.sex !== row.gender) {
    hints.push(`NIK menunjukkan ${SEX_WORD[info.sex]}, tetapi jenis kelamin diisi ${row.gender} (${SEX_WORD[row.gender]}).`);
  }
  if (info.provinceCode !== row.province_code) {
    hints.push(`NIK diterbitkan di ${provinceName(info.provinceCode) ?? info.provinceCode}, sedangkan provinsi yang diisi ${provinceName(row.province_code) ?? row.province_code} (boleh jadi pindah domisili).`);
  } else if (info.regencyCode !== row.regency_code) {
    hints.push(`NIK diterbitkan di ${regencyName(info.regencyCode) ?? info.regencyCode}, sedangkan kabupaten/kota yang diisi ${regencyName(row.regency_code) ?? row.regency_code}.`);
  }
  return {
    decoded: {
      valid: true,
      problem: null,
      provinceCode: info.provinceCode,
      provinceName: provinceName(info.provinceCode),
      regencyCode: info.regencyCode,
      regencyName: regencyName(info.regencyCode),
      birthDate: info.birthDate,
      sex: info.sex,
    },
    hints,
  };
}

export function applicantDetail(sqlite: BetterSqlite3.Database, registrationId: string, now: Date, maskPersonal: boolean): ApplicantDetail {
  const row = sqlite.prepare(`SELECT * FROM applicants WHERE registration_id = ?`).get(registrationId) as
    | (ApplicantDbRow & { version: number; import_run_id: number | null })
    | undefined;
  if (!row) throw new ApiError('NOT_FOUND', `Pendaftar dengan nomor registrasi ${registrationId} tidak ditemukan.`);
  const { decoded, hints } = nikHints(row, jakartaToday(now));

  // Imports write one audit record per run, not per row: the run that last changed this row stands for it.
  const history = (
    sqlite
      .prepare(
        `SELECT at, username, action, entity, entity_id, after_json FROM audit_log
         WHERE (entity = 'applicant' AND entity_id = ?) OR (entity = 'import_run' AND entity_id = ?)
         ORDER BY id DESC LIMIT 100`,
      )
      .all(registrationId, row.import_run_id === null ? null : String(row.import_run_id)) as {
      at: string;
      username: string | null;
      action: string;
      entity: string;
      entity_id: string;
      after_json: string | null;
    }[]
  ).map((a) => {
    const after = a.after_json ? (JSON.parse(a.after_json) as Record<string, unknown>) : {};
    const isRun = a.entity === 'import_run';
    return {
      at: a.at,
      username: a.username,
      action: a.action,
      runId: isRun ? Number(a.entity_id) : null,
      summary: isRun
        ? `${row.version > 1 ? 'Diperbarui' : 'Ditambahkan'} oleh impor file ${String(after.fileName ?? '')} (versi ${row.version}).`
        : typeof after.summary === 'string'
          ? after.summary
          : a.action,
    };
  });

  const family = (
    sqlite
      .prepare(`SELECT registration_id, full_name, nik, birth_date, gender FROM applicants WHERE kk = ? AND id <> ? ORDER BY registered_at, registration_id LIMIT 50`)
      .all(row.kk, row.id) as { registration_id: string; full_name: string; nik: string; birth_date: string; gender: 'L' | 'P' }[]
  ).map((f) => ({
    registrationId: f.registration_id,
    fullName: f.full_name,
    nik: maskPersonal ? maskNik(f.nik) : f.nik,
    birthDate: f.birth_date,
    gender: f.gender,
  }));

  return {
    ...toApplicantRow(row, maskPersonal),
    provinceName: provinceName(row.province_code),
    regencyName: regencyName(row.regency_code),
    nikMasked: maskPersonal,
    nikDecoded: decoded,
    hints,
    version: row.version,
    importRunId: row.import_run_id,
    history,
    family,
  };
}
