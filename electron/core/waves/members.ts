import type BetterSqlite3 from 'better-sqlite3';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { WaveMember } from '../../../shared/api/waves';
import { maskNik } from '../../../shared/nik';
import { getWaveRow } from './wave-record';

const SORTS: Record<string, string> = {
  seq: 's.seq',
  registrationId: 's.registration_id',
  fullName: 'a.full_name',
  provinceCode: 's.province_code',
  cardNumber: 'p.card_number',
  employmentStatus: 's.employment_status',
};

interface Row {
  seq: number;
  province_rank: number;
  registration_id: string;
  full_name: string | null;
  nik: string | null;
  province_code: string;
  employment_status: string;
  weight: number;
  key: number;
  card_number: string | null;
  balance: number | null;
  published_on: string | null;
  revoked_at: string | null;
}

/**
 * One page of a wave's selected applicants (participants, once published), in the selection's order
 * by default. At most a few hundred thousand rows per wave, read through (wave_id, seq) or
 * (wave_id, province_code, seq); OFFSET stays cheap at that size.
 */
export function listMembers(sqlite: BetterSqlite3.Database, input: ParsedInputOf<'waves.members'>, maskPersonalData: boolean): { rows: WaveMember[]; total: number } {
  const wave = getWaveRow(sqlite, input.number);
  const where: string[] = ['s.wave_id = @waveId'];
  const params: Record<string, unknown> = { waveId: wave.id, limit: input.pageSize, offset: input.page * input.pageSize };
  if (input.provinceCode) {
    where.push('s.province_code = @province');
    params.province = input.provinceCode;
  }
  if (input.state === 'selected') where.push('p.id IS NULL');
  if (input.state === 'active') where.push('p.id IS NOT NULL AND p.revoked_at IS NULL');
  if (input.state === 'revoked') where.push('p.revoked_at IS NOT NULL');
  if (input.q) {
    const q = input.q.replace(/[-\s]/g, '');
    if (/^\d{16}$/.test(q)) {
      where.push('p.card_number = @card');
      params.card = q;
    } else {
      where.push('(s.registration_id = @q OR a.full_name LIKE @prefix ESCAPE \'\\\')');
      params.q = input.q;
      params.prefix = `${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
  }
  const from = `FROM wave_selections s LEFT JOIN applicants a ON a.id = s.applicant_id
    LEFT JOIN participants p ON p.registration_id = s.registration_id AND p.wave_number = ${Number(wave.number)}
    WHERE ${where.join(' AND ')}`;
  const total = sqlite.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const column = SORTS[input.sortField ?? 'seq'] ?? 's.seq';
  const dir = input.sortDir === 'desc' ? 'DESC' : 'ASC';
  const rows = sqlite
    .prepare(
      `SELECT s.seq, s.province_rank, s.registration_id, a.full_name, a.nik, s.province_code, s.employment_status, s.weight, s.key,
              p.card_number, p.balance, p.published_on, p.revoked_at
       ${from} ORDER BY ${column} ${dir}, s.seq ${dir} LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Row[];
  return {
    total,
    rows: rows.map((r) => ({
      seq: r.seq,
      provinceRank: r.province_rank,
      registrationId: r.registration_id,
      fullName: r.full_name,
      nik: r.nik === null ? null : maskPersonalData ? maskNik(r.nik) : r.nik,
      provinceCode: r.province_code,
      employmentStatus: r.employment_status,
      weight: r.weight,
      key: r.key,
      state: r.card_number === null ? 'selected' : r.revoked_at === null ? 'active' : 'revoked',
      cardNumber: r.card_number,
      balance: r.balance,
      publishedOn: r.published_on,
      revokedAt: r.revoked_at,
    })),
  };
}
