import type { ReasonCode } from '../../../shared/eligibility';
import { maskNik } from '../../../shared/nik';

/** The exclusion lists (DESIGN 3.2) as staff call them. */
export const LIST_NAMES: Record<string, string> = {
  ASN: 'Aparatur Sipil Negara (ASN)',
  TNI: 'anggota TNI',
  POLRI: 'anggota POLRI',
  VILLAGE_OFFICIAL: 'perangkat desa',
  LEGISLATOR: 'anggota DPR/DPRD/DPD',
  SOE_BOARD: 'direksi atau komisaris BUMN/BUMD',
  PKH: 'penerima PKH',
  BPNT: 'penerima BPNT',
  BSU: 'penerima bantuan sosial lain (BSU)',
  STUDENT: 'pelajar/mahasiswa',
};

/** One line per reason code, for summaries and the workbook. */
export const REASON_TITLES: Record<ReasonCode, string> = {
  NIK_INVALID: 'NIK tidak sah',
  NIK_MISMATCH: 'NIK tidak cocok dengan tanggal lahir atau jenis kelamin',
  UNDER_AGE: 'Belum berusia 18 tahun',
  OVER_AGE: 'Berusia 65 tahun atau lebih',
  DUPLICATE_NIK: 'NIK sudah dipakai pendaftaran sebelumnya',
  KK_LIMIT: 'Kuota 2 peserta per KK sudah penuh',
  EXCLUDED: 'Tercantum dalam daftar pengecualian',
  ALREADY_PARTICIPANT: 'Sudah pernah menjadi peserta',
};

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** `2026-05-10` → `10 Mei 2026`. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

const NIK_PROBLEM_TEXT: Record<string, string> = {
  FORMAT: 'bukan tepat 16 angka',
  PROVINCE: 'dua angka pertamanya bukan kode provinsi yang ada',
  DATE: 'tanggal lahir di dalamnya (hari, atau hari dikurangi 40 untuk perempuan, dan bulan) bukan tanggal yang ada',
  SERIAL: 'empat angka terakhirnya 0000',
};
const MISMATCH_TEXT: Record<string, string> = { day: 'tanggal lahir', month: 'bulan lahir', year: 'tahun lahir (dua angka)', sex: 'jenis kelamin' };

interface Exclusion {
  list: string;
  valid_from: string | null;
  valid_to: string | null;
}
type Member = { kind: 'participant'; nik: string; wave?: number; published_on: string } | { kind: 'registration'; registration_id: string; nik: string };

function window(e: Exclusion): string {
  if (e.valid_from && e.valid_to) return `berlaku ${longDate(e.valid_from)} s.d. ${longDate(e.valid_to)}`;
  if (e.valid_from) return `berlaku sejak ${longDate(e.valid_from)}, tanpa tanggal akhir`;
  if (e.valid_to) return `berlaku sampai ${longDate(e.valid_to)}`;
  return 'berlaku tanpa batas waktu';
}

/**
 * A reason in plain Indonesian with the facts that decided it, from the details stored with the
 * result. Family members' NIKs are masked for roles that must not see them (DESIGN 3.6).
 */
export function explainReason(code: ReasonCode, details: Record<string, unknown>, asOf: string, maskPersonal: boolean): { text: string; details: Record<string, unknown> } {
  const nik = (value: string) => (maskPersonal ? maskNik(value) : value);
  const on = `per ${longDate(asOf)}`;
  switch (code) {
    case 'NIK_INVALID': {
      const problem = details.nikProblem as string | undefined;
      return { text: `NIK tidak sah: ${problem ? NIK_PROBLEM_TEXT[problem] ?? problem : 'tidak memenuhi aturan NIK'}.`, details: { nikProblem: problem ?? null } };
    }
    case 'NIK_MISMATCH': {
      const fields = (details.nikMismatch as string[] | undefined) ?? [];
      return { text: `Data di dalam NIK tidak cocok dengan ${fields.map((f) => MISMATCH_TEXT[f] ?? f).join(', ') || 'data yang diisi'} yang diisi pendaftar.`, details: { nikMismatch: fields } };
    }
    case 'UNDER_AGE':
      return { text: `Berusia ${details.age ?? '?'} tahun ${on}; usia minimal 18 tahun.`, details: { age: details.age ?? null } };
    case 'OVER_AGE':
      return { text: `Berusia ${details.age ?? '?'} tahun ${on}; program untuk usia 18–64 tahun.`, details: { age: details.age ?? null } };
    case 'DUPLICATE_NIK':
      return { text: `NIK yang sama sudah dipakai pendaftaran ${details.duplicateOf ?? 'sebelumnya'}, yang terdaftar lebih dahulu.`, details: { duplicateOf: details.duplicateOf ?? null } };
    case 'KK_LIMIT': {
      const members = ((details.kkMembers as Member[] | undefined) ?? []).map((m) =>
        m.kind === 'participant' ? { ...m, nik: nik(m.nik) } : { ...m, nik: nik(m.nik) },
      );
      const names = members.map((m) =>
        m.kind === 'participant' ? `peserta gelombang ${m.wave ?? '?'} (NIK ${m.nik}, diumumkan ${longDate(m.published_on)})` : `pendaftaran ${m.registration_id} (NIK ${m.nik})`,
      );
      return { text: `Satu KK paling banyak 2 peserta, dan tempatnya sudah terisi oleh ${names.join(' dan ') || 'anggota keluarga lain'}.`, details: { kkMembers: members } };
    }
    case 'EXCLUDED': {
      const entries = ((details.exclusions as Exclusion[] | undefined) ?? []).map((e) => ({ list: e.list, validFrom: e.valid_from, validTo: e.valid_to }));
      const parts = entries.map((e) => `${LIST_NAMES[e.list] ?? e.list} (${e.list}; ${window({ list: e.list, valid_from: e.validFrom, valid_to: e.validTo })})`);
      return { text: `NIK tercantum dalam daftar pengecualian yang berlaku ${on}: ${parts.join('; ')}.`, details: { lists: (details.excludedLists as string[] | undefined) ?? [], entries } };
    }
    case 'ALREADY_PARTICIPANT': {
      const p = details.participant as { wave?: number; published_on: string; revoked_at: string | null } | undefined;
      const text = p
        ? `Sudah menjadi peserta gelombang ${p.wave ?? '?'} (diumumkan ${longDate(p.published_on)})${p.revoked_at ? `, dicabut mulai ${longDate(p.revoked_at)}` : ''}; kepesertaan hanya sekali seumur hidup.`
        : 'Sudah pernah menjadi peserta; kepesertaan hanya sekali seumur hidup.';
      return { text, details: p ? { wave: p.wave ?? null, publishedOn: p.published_on, revokedAt: p.revoked_at } : {} };
    }
  }
}
