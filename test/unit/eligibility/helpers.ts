import {
  outcomes,
  screen,
  type ExclusionRow,
  type ParticipantRow,
  type RegistrationOutcome,
  type RegistrationRow,
  type Screening,
} from '../../../shared/eligibility';

export const AS_OF = '2026-05-03';

/** A valid NIK for a birth date and gender (women's day + 40). */
export function nikFor(birth: string, gender: 'L' | 'P', serial: number, district = '327301'): string {
  const [y, m, d] = birth.split('-') as [string, string, string];
  const day = Number(d) + (gender === 'P' ? 40 : 0);
  return `${district}${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}

let serial = 0;

/** An eligible registration unless overridden: 30 years old, valid NIK, its own KK. */
export function reg(id: string, over: Partial<RegistrationRow> = {}): RegistrationRow {
  const birth = over.birth_date ?? '1996-06-15';
  const gender = (over.gender ?? 'L') as 'L' | 'P';
  return {
    registration_id: id,
    nik: nikFor(birth, gender, ++serial),
    kk: `KK-${id}`,
    birth_date: birth,
    gender,
    registered_at: '2026-04-01T00:00:00Z',
    ...over,
  };
}

export function participant(nik: string, kk: string, over: Partial<ParticipantRow> = {}): ParticipantRow {
  return { nik, kk, wave: 1, published_on: '2026-01-15', revoked_at: null, ...over };
}

export function exclusion(nik: string, list: string, validFrom: string | null = null, validTo: string | null = null): ExclusionRow {
  return { nik, list, valid_from: validFrom, valid_to: validTo };
}

export function run(
  registrations: RegistrationRow[],
  { participants = [], exclusions = [] }: { participants?: ParticipantRow[]; exclusions?: ExclusionRow[] } = {},
  asOf = AS_OF,
): { screening: Screening; byId: Map<string, RegistrationOutcome> } {
  const screening = screen({ registrations, participants, exclusions }, asOf);
  return { screening, byId: new Map([...outcomes(screening)].map((o) => [o.registration_id, o])) };
}

export function reasonsById(registrations: RegistrationRow[], extra: Parameters<typeof run>[1] = {}, asOf = AS_OF): Record<string, readonly string[]> {
  const { byId } = run(registrations, extra, asOf);
  return Object.fromEntries([...byId].map(([id, o]) => [id, o.reasons]));
}
