import { describe, expect, it } from 'vitest';
import { REASON_BIT, RegistrationColumnsBuilder, instantMs, screen, type RegistrationRow } from '../../../shared/eligibility';
import { AS_OF, exclusion, nikFor, participant, reasonsById, reg, run } from './helpers';

describe('row rules inside the batch', () => {
  it('reports NIK, age and both together, in table order', () => {
    const rows = [
      reg('ok'),
      reg('invalid', { nik: '9901010101900001' }),
      reg('mismatch', { gender: 'P', nik: nikFor('1996-06-15', 'L', 9001) }),
      reg('young', { birth_date: '2008-05-04' }),
      reg('just18', { birth_date: '2008-05-03' }),
      reg('old', { birth_date: '1961-05-03' }),
      reg('just64', { birth_date: '1961-05-04' }),
      reg('invalid-old', { nik: '3273010101900000', birth_date: '1950-01-01' }),
      reg('mismatch-young', { birth_date: '2010-01-01', nik: nikFor('2010-01-02', 'L', 9002) }),
    ];
    expect(reasonsById(rows)).toEqual({
      ok: [],
      invalid: ['NIK_INVALID'],
      mismatch: ['NIK_MISMATCH'],
      young: ['UNDER_AGE'],
      just18: [],
      old: ['OVER_AGE'],
      just64: [],
      'invalid-old': ['NIK_INVALID', 'OVER_AGE'],
      'mismatch-young': ['NIK_MISMATCH', 'UNDER_AGE'],
    });
    const { byId } = run(rows);
    expect(byId.get('invalid')!.details).toEqual({ nikProblem: 'PROVINCE' });
    expect(byId.get('mismatch')!.details).toEqual({ nikMismatch: ['sex'] });
    expect(byId.get('young')!.details).toEqual({ age: 17 });
    expect(byId.get('old')!.details).toEqual({ age: 65 });
    expect(byId.get('ok')).toEqual({ registration_id: 'ok', status: 'eligible', reasons: [], details: {} });
  });

  it('refuses a reference date that is not a real date', () => {
    expect(() => screen({ registrations: [], participants: [], exclusions: [] }, '2026-02-30')).toThrow(RangeError);
  });
});

describe('DUPLICATE_NIK: an earlier registration (registered_at instant, then registration_id) has the same NIK', () => {
  const nik = nikFor('1996-06-15', 'L', 7777);

  it('orders by the instant, whatever offset it was written with', () => {
    // B's text sorts first ("01:00Z" < "07:30+07:00") but A's instant (00:30Z) is earlier.
    const rows = [reg('B', { nik, registered_at: '2026-05-03T01:00:00Z' }), reg('A', { nik, registered_at: '2026-05-03T07:30:00+07:00' })];
    expect(reasonsById(rows)).toEqual({ A: [], B: ['DUPLICATE_NIK'] });
    expect(run(rows).byId.get('B')!.details).toEqual({ duplicateOf: 'A' });
  });

  it('breaks a tie of the same instant written with different offsets by registration_id', () => {
    const rows = [
      reg('R2', { nik, registered_at: '2026-05-03T01:15:00Z' }),
      reg('R1', { nik, registered_at: '2026-05-03T08:15:00+07:00' }),
      reg('R3', { nik, registered_at: '2026-05-03T08:15:00' }), // no offset: Jakarta, the same instant again
    ];
    expect(reasonsById(rows)).toEqual({ R1: [], R2: ['DUPLICATE_NIK'], R3: ['DUPLICATE_NIK'] });
    const { byId } = run(rows);
    expect(byId.get('R2')!.details.duplicateOf).toBe('R1');
    expect(byId.get('R3')!.details.duplicateOf).toBe('R1');
  });

  it('compares registration_id by code units, as SQLite does', () => {
    const at = '2026-05-03T01:15:00Z';
    const rows = [reg('REG-10', { nik, registered_at: at }), reg('REG-9', { nik, registered_at: at })];
    expect(reasonsById(rows)).toEqual({ 'REG-10': [], 'REG-9': ['DUPLICATE_NIK'] });
  });

  it('takes epoch milliseconds as well as ISO text', () => {
    const rows = [
      reg('late', { nik, registered_at: instantMs('2026-05-03T01:15:00.001Z') }),
      reg('early', { nik, registered_at: '2026-05-03T08:15:00+07:00' }),
    ];
    expect(reasonsById(rows)).toEqual({ early: [], late: ['DUPLICATE_NIK'] });
  });

  it('applies to invalid NIKs too, and the first registration stays eligible whatever the later ones are', () => {
    const bad = '12345';
    const rows = [
      reg('x1', { nik: bad, registered_at: '2026-04-01T00:00:00Z' }),
      reg('x2', { nik: bad, registered_at: '2026-04-02T00:00:00Z' }),
      reg('y1', { nik, registered_at: '2026-04-01T00:00:00Z' }),
      reg('y2', { nik, registered_at: '2026-04-02T00:00:00Z', birth_date: '2010-06-15' }),
    ];
    expect(reasonsById(rows)).toEqual({
      x1: ['NIK_INVALID'],
      x2: ['NIK_INVALID', 'DUPLICATE_NIK'],
      y1: [],
      y2: ['NIK_MISMATCH', 'UNDER_AGE', 'DUPLICATE_NIK'],
    });
  });
});

describe('KK_LIMIT: at most 2 participants per KK, counted participants first, then registrations in order', () => {
  const kk = '3273010101010001';
  const inKk = (id: string, at: string, over: Partial<RegistrationRow> = {}) => reg(id, { kk, registered_at: at, ...over });

  it('gives the places to the first two registrations that pass every other rule', () => {
    const rows = [
      inKk('c', '2026-04-03T00:00:00Z'),
      inKk('a', '2026-04-01T00:00:00Z'),
      inKk('b2', '2026-04-02T00:00:00Z'),
      inKk('b1', '2026-04-02T07:00:00+07:00'), // same instant as b2: b1 first by id
    ];
    expect(reasonsById(rows)).toEqual({ a: [], b1: [], b2: ['KK_LIMIT'], c: ['KK_LIMIT'] });
    expect(run(rows).byId.get('c')!.details).toEqual({
      kkMembers: [
        { kind: 'registration', registration_id: 'a', nik: rows[1]!.nik },
        { kind: 'registration', registration_id: 'b1', nik: rows[3]!.nik },
      ],
    });
  });

  it('counts participants of waves published by the reference date first', () => {
    const rows = [inKk('a', '2026-04-01T00:00:00Z'), inKk('b', '2026-04-02T00:00:00Z')];
    const p = participant('3273010101800001', kk, { wave: 3 });
    expect(reasonsById(rows, { participants: [p] })).toEqual({ a: [], b: ['KK_LIMIT'] });
    expect(run(rows, { participants: [p] }).byId.get('b')!.details.kkMembers).toEqual([
      { kind: 'participant', nik: p.nik, wave: 3, published_on: '2026-01-15' },
      { kind: 'registration', registration_id: 'a', nik: rows[0]!.nik },
    ]);
    const two = [p, participant('3273010101800002', kk)];
    expect(reasonsById(rows, { participants: two })).toEqual({ a: ['KK_LIMIT'], b: ['KK_LIMIT'] });
  });

  it.each([
    // published, revoked, does the participant take a place
    ['2026-05-03', null, true],
    ['2026-05-04', null, false], // published after the reference date
    ['2026-01-15', '2026-03-01', false], // revoked before it
    ['2026-01-15', '2026-05-03', false], // revoked with effect on it
    ['2026-01-15', '2026-05-04', true], // revoked only after it
  ])('a participant published %s, revoked %s, takes a place: %s', (published, revoked, counts) => {
    const rows = [inKk('a', '2026-04-01T00:00:00Z'), inKk('b', '2026-04-02T00:00:00Z')];
    const p = participant('3273010101800001', kk, { published_on: published, revoked_at: revoked });
    expect(reasonsById(rows, { participants: [p] })).toEqual({ a: [], b: counts ? ['KK_LIMIT'] : [] });
  });

  it('lets no registration that fails another rule take a place, nor gives it KK_LIMIT', () => {
    const rows = [
      inKk('young', '2026-04-01T00:00:00Z', { birth_date: '2010-01-01' }),
      inKk('a', '2026-04-02T00:00:00Z'),
      inKk('dup', '2026-04-03T00:00:00Z'),
      inKk('b', '2026-04-04T00:00:00Z'),
      inKk('c', '2026-04-05T00:00:00Z'),
      inKk('excluded', '2026-04-06T00:00:00Z'),
    ];
    rows[2]!.nik = rows[1]!.nik;
    const extra = { exclusions: [exclusion(rows[5]!.nik, 'ASN')] };
    expect(reasonsById(rows, extra)).toEqual({
      young: ['UNDER_AGE'],
      a: [],
      dup: ['DUPLICATE_NIK'],
      b: [],
      c: ['KK_LIMIT'],
      excluded: ['EXCLUDED'],
    });
  });

  it("does not count a participant's own registration twice", () => {
    const own = inKk('own', '2025-10-01T00:00:00Z');
    const rows = [own, inKk('a', '2026-04-01T00:00:00Z'), inKk('b', '2026-04-02T00:00:00Z')];
    expect(reasonsById(rows, { participants: [participant(own.nik, kk)] })).toEqual({
      own: ['ALREADY_PARTICIPANT'],
      a: [],
      b: ['KK_LIMIT'],
    });
  });

  it('keeps KKs apart', () => {
    const rows = [reg('a', { kk: 'K1' }), reg('b', { kk: 'K1' }), reg('c', { kk: 'K2' }), reg('d', { kk: 'K2' }), reg('e', { kk: 'K1' })];
    expect(reasonsById(rows)).toEqual({ a: [], b: [], c: [], d: [], e: ['KK_LIMIT'] });
  });
});

describe('EXCLUDED: the NIK is on an exclusion list entry active on the reference date', () => {
  it.each([
    [null, null, true],
    ['2026-05-03', null, true],
    ['2026-05-04', null, false],
    [null, '2026-05-03', true],
    [null, '2026-05-02', false],
    ['2026-05-03', '2026-05-03', true],
    ['2025-01-01', '2025-12-31', false],
  ])('valid_from %s, valid_to %s: excluded %s', (from, to, excluded) => {
    const r = reg('a');
    expect(reasonsById([r], { exclusions: [exclusion(r.nik, 'PKH', from, to)] })).toEqual({ a: excluded ? ['EXCLUDED'] : [] });
  });

  it('keeps every active list of a NIK on several lists, each once, with its windows', () => {
    const r = reg('a');
    const entries = [
      exclusion(r.nik, 'STUDENT', '2025-08-01', '2026-07-31'),
      exclusion(r.nik, 'ASN', null, null),
      exclusion(r.nik, 'STUDENT', '2026-02-01', null),
      exclusion(r.nik, 'TNI', null, '2020-01-01'), // expired: not listed
      exclusion('3273010101900001', 'POLRI'), // another NIK
    ];
    expect(run([r], { exclusions: entries }).byId.get('a')).toEqual({
      registration_id: 'a',
      status: 'ineligible',
      reasons: ['EXCLUDED'],
      details: { excludedLists: ['ASN', 'STUDENT'], exclusions: [entries[1], entries[0], entries[2]] },
    });
  });
});

describe('ALREADY_PARTICIPANT: a participant of a wave published on or before the reference date, revoked or not', () => {
  it.each([
    ['2026-05-03', null, true],
    ['2026-05-04', null, false],
    ['2024-01-01', '2024-03-01', true],
    ['2026-01-15', '2026-05-04', true],
  ])('published %s, revoked %s: %s', (published, revoked, already) => {
    const r = reg('a');
    const p = participant(r.nik, 'another KK', { published_on: published, revoked_at: revoked });
    const { byId } = run([r], { participants: [p] });
    expect(byId.get('a')!.reasons).toEqual(already ? ['ALREADY_PARTICIPANT'] : []);
    if (already) expect(byId.get('a')!.details).toEqual({ participant: p });
  });
});

describe('combined', () => {
  it('reports every failed rule, in table order, with the details of each', () => {
    const nik = nikFor('2009-01-01', 'P', 4242);
    const kk = '3273010101010002';
    const rows = [
      reg('first', { nik, kk, birth_date: '2009-01-01', gender: 'P', registered_at: '2026-03-01T00:00:00Z' }),
      reg('again', { nik, kk, birth_date: '2009-01-02', gender: 'L', registered_at: '2026-03-02T00:00:00Z' }),
      reg('invalid', { nik: '0001010101900001', birth_date: '1950-01-01', registered_at: '2026-03-03T00:00:00Z' }),
      reg('invalid2', { nik: '0001010101900001', birth_date: '1950-01-01', registered_at: '2026-03-04T00:00:00Z' }),
    ];
    const extra = {
      participants: [participant(nik, kk, { revoked_at: '2026-02-15' })],
      exclusions: [exclusion(nik, 'STUDENT'), exclusion('0001010101900001', 'ASN', null, '2026-05-02')],
    };
    expect(reasonsById(rows, extra)).toEqual({
      first: ['UNDER_AGE', 'EXCLUDED', 'ALREADY_PARTICIPANT'],
      again: ['NIK_MISMATCH', 'UNDER_AGE', 'DUPLICATE_NIK', 'EXCLUDED', 'ALREADY_PARTICIPANT'],
      invalid: ['NIK_INVALID', 'OVER_AGE'],
      invalid2: ['NIK_INVALID', 'OVER_AGE', 'DUPLICATE_NIK'],
    });
    const { screening, byId } = run(rows, extra);
    expect(byId.get('again')!.details).toMatchObject({ nikMismatch: ['day', 'sex'], age: 17, duplicateOf: 'first', excludedLists: ['STUDENT'] });
    expect(screening.summary).toEqual({
      asOf: AS_OF,
      total: 4,
      eligible: 0,
      ineligible: 4,
      reasons: { NIK_INVALID: 2, NIK_MISMATCH: 1, UNDER_AGE: 2, OVER_AGE: 2, DUPLICATE_NIK: 2, KK_LIMIT: 0, EXCLUDED: 2, ALREADY_PARTICIPANT: 2 },
    });
  });
});

describe('input forms', () => {
  it('gives the same results for rows, columns and any input order, and reports progress to the end', () => {
    const rows = [reg('a', { kk: 'K' }), reg('b', { kk: 'K', registered_at: '2026-03-01T00:00:00Z' }), reg('c', { kk: 'K' }), reg('d', { birth_date: '2012-02-02' })];
    const builder = new RegistrationColumnsBuilder();
    for (const r of [...rows].reverse()) builder.push(r);
    const progress: number[] = [];
    const fromColumns = screen({ registrations: builder.build(), participants: [], exclusions: [] }, AS_OF, {
      onProgress: (done, total) => progress.push(done / total),
    });
    const byIdColumns = Object.fromEntries(fromColumns.registrations.registration_id.map((id, i) => [id, [...fromColumns.masks][i]]));
    const fromRows = screen({ registrations: rows, participants: [], exclusions: [] }, AS_OF);
    const byIdRows = Object.fromEntries(fromRows.registrations.registration_id.map((id, i) => [id, [...fromRows.masks][i]]));
    expect(byIdColumns).toEqual(byIdRows);
    expect(reasonsById(rows)).toEqual({ a: [], b: [], c: ['KK_LIMIT'], d: ['UNDER_AGE'] });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it('takes a generator of rows (as the core streams them) and refuses columns of unequal length', () => {
    const rows = [reg('a'), reg('b')];
    const fromGenerator = screen({ registrations: (function* () { yield* rows; })(), participants: [], exclusions: [] }, AS_OF);
    expect(fromGenerator.summary.eligible).toBe(2);
    const cols = new RegistrationColumnsBuilder();
    rows.forEach((r) => cols.push(r));
    const built = cols.build();
    built.kk.pop();
    expect(() => screen({ registrations: built, participants: [], exclusions: [] }, AS_OF)).toThrow(/kk/);
  });
});

describe('row rules worked out elsewhere', () => {
  it('are taken when given for the same date, and ignored for another date or another length', () => {
    const rows = [reg('a', { nik: '9973014101900001' }), reg('b', { birth_date: '2010-01-01' }), reg('c')];
    const plain = screen({ registrations: rows, participants: [], exclusions: [] }, AS_OF);
    // Rules that say "under age" for everyone: taken only when they claim the screening's date.
    const claim = (asOf: string, n = 3) => ({ asOf, masks: new Uint8Array(n).fill(REASON_BIT.UNDER_AGE), nikDetail: new Uint8Array(n) });
    const taken = screen({ registrations: rows, rowRules: claim(AS_OF), participants: [], exclusions: [] }, AS_OF);
    expect(Array.from(taken.masks)).toEqual([REASON_BIT.UNDER_AGE, REASON_BIT.UNDER_AGE, REASON_BIT.UNDER_AGE]);
    for (const other of [claim('2020-01-01'), claim(AS_OF, 2), () => null]) {
      expect(Array.from(screen({ registrations: rows, rowRules: other, participants: [], exclusions: [] }, AS_OF).masks)).toEqual(Array.from(plain.masks));
    }
    expect(Array.from(plain.masks).every((m, i) => (i === 2 ? m === 0 : m !== 0))).toBe(true);
  });
});
