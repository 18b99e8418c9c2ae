import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';
import { runJob, waveInput } from '../helpers/waves';

vi.setConfig({ testTimeout: 120_000 });
let app: TestApp;
afterEach(async () => app?.close());

let now = new Date('2026-06-01T03:00:00Z');
const login = async (username: string) => (await app.as(undefined, 'auth.login', { username, password: TEST_PASSWORD })).token;

/** An applicant whose NIK agrees with the stated birth date and gender (DESIGN 3.1). */
function person(id: string, serial: number, o: { birth?: string; gender?: 'L' | 'P'; kk?: string; registered?: string; province?: string } = {}) {
  const birth = o.birth ?? '1990-01-01';
  const gender = o.gender ?? 'L';
  const [y, m, d] = birth.split('-');
  const day = String(Number(d) + (gender === 'P' ? 40 : 0)).padStart(2, '0');
  const nik = `327301${day}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
  return applicantLine(id, {
    nik,
    kk: o.kk ?? `32730100000${String(serial).padStart(5, '0')}`,
    birth_date: birth,
    gender,
    province_code: o.province ?? '32',
    regency_code: o.province && o.province !== '32' ? `${o.province}01` : '3273',
    registered_at: o.registered ?? '2026-06-10T08:00:00+07:00',
  });
}

async function importLines(token: string, lines: string[], kind: 'applicants' | 'exclusions' = 'applicants') {
  const content = kind === 'applicants' ? `${HEADER}\n${lines.join('\n')}\n` : `nik,list,valid_from,valid_to,source\n${lines.join('\n')}\n`;
  const job = await importFile(app, token, tempFile(`${kind}.csv`, content), kind);
  expect(job.state, JSON.stringify(job.error)).toBe('done');
}

const selectedIds = () =>
  (app.core.db.sqlite.prepare('SELECT registration_id FROM wave_selections ORDER BY registration_id').pluck().all() as string[]);

describe('the pool of a wave (DESIGN 3.3)', () => {
  it('is screened as of the close date, cut off at the end of that day in Jakarta, with standing overrides and without participants', async () => {
    app = await createTestApp({ now: () => now });
    const rina = await app.userToken('rina', 'reviewer');
    const joko = await app.userToken('joko', 'reviewer');
    const nikOf = (id: string) => app.core.db.sqlite.prepare('SELECT nik FROM applicants WHERE registration_id = ?').pluck().get(id) as string;
    await importLines(rina, [
      // The last millisecond of the close date in Jakarta is in; the next is out.
      person('IN-LAST-MS', 1, { registered: '2026-06-30T23:59:59.999+07:00' }),
      person('OUT-FIRST-MS', 2, { registered: '2026-07-01T00:00:00.000+07:00' }),
      person('IN-UTC', 3, { registered: '2026-06-30T16:59:59.999Z' }),
      person('OUT-UTC', 4, { registered: '2026-06-30T17:00:00Z' }),
      // 18 on 1 July: under age on the close date, though the selection runs later.
      person('UNDER-AGE', 5, { birth: '2008-07-01' }),
      person('PLAIN', 6, { gender: 'P', province: '31' }),
      // On the ASN list: ineligible by the rules, eligible by an approved override.
      person('ASN-OVERRIDDEN', 7),
      // Also on the list and overridden, but the applicant's data changed after the approval: the override no longer holds.
      person('ASN-CHANGED', 8),
      // Already a participant of a wave published after this wave's close date.
      person('PARTICIPANT', 9, { kk: '3273019999000001' }),
      // Same KK as two participants: the KK is full.
      person('KK-FULL', 10, { kk: '3273019999000001', gender: 'P' }),
    ]);
    await importLines(rina, [`${nikOf('ASN-OVERRIDDEN')},ASN,2020-01-01,,BKN`, `${nikOf('ASN-CHANGED')},ASN,2020-01-01,,BKN`], 'exclusions');
    await runJob(app, rina, () => app.as(rina, 'screening.run', { asOf: '2026-06-30' }));
    for (const id of ['ASN-OVERRIDDEN', 'ASN-CHANGED']) {
      const o = await app.as(rina, 'overrides.propose', { registrationId: id, status: 'eligible', reason: 'SK pemberhentian sebagai ASN sudah terbit, data BKN belum diperbarui.' });
      await app.as(joko, 'overrides.decide', { id: o.id, approve: true });
    }
    app.core.db.sqlite.prepare(`UPDATE applicants SET email = 'baru@example.id', version = version + 1 WHERE registration_id = 'ASN-CHANGED'`).run();
    const insert = app.core.db.sqlite.prepare(
      `INSERT INTO participants (registration_id, nik, kk, wave_number, published_on, updated_at) VALUES (?, ?, '3273019999000001', 99, '2026-07-05', '2026-07-05')`,
    );
    insert.run('OTHER-1', nikOf('PARTICIPANT'));
    insert.run('OTHER-2', '3273010101850099');

    await app.as(rina, 'waves.create', waveInput(2, { quota: { national: 50 }, opensOn: '2026-06-01', closesOn: '2026-06-30' }));
    await app.as(rina, 'waves.open', { number: 2 });
    now = new Date('2026-07-10T03:00:00Z');
    const r2 = await login('rina');
    await app.as(r2, 'waves.close', { number: 2 });
    const out = await runJob<{ pool: number; selected: number; unfilled: number }>(app, r2, () => app.as(r2, 'waves.select', { number: 2, seed: 'seed-gelombang-2' }));
    expect(selectedIds()).toEqual(['ASN-OVERRIDDEN', 'IN-LAST-MS', 'IN-UTC', 'PLAIN']);
    expect(out).toMatchObject({ pool: 4, selected: 4, unfilled: 46 });
    const wave = await app.as(r2, 'waves.get', { number: 2 });
    expect(wave.result).toMatchObject({ registrations: 8, overridesApplied: 1, alreadyParticipants: 1, registeredBy: '2026-06-30T16:59:59.999Z' });
    expect(wave.result!.reasons).toMatchObject({ UNDER_AGE: 1, EXCLUDED: 2, ALREADY_PARTICIPANT: 1, KK_LIMIT: 1 });
    // 50 seats over the two provinces with a pool, by largest remainder: 50·1/4 = 12.5 and 50·3/4 = 37.5 leave one
    // seat for two equal remainders, which goes to the lower code (31).
    expect(wave.result!.provinces).toEqual({ '31': { quota: 13, pool: 1, selected: 1, unfilled: 12 }, '32': { quota: 37, pool: 3, selected: 3, unfilled: 34 } });
  });

  it('explicit province quotas: a listed province without a pool stays unfilled, an unlisted one gets no seat', async () => {
    now = new Date('2026-06-01T03:00:00Z');
    app = await createTestApp({ now: () => now });
    const rina = await app.userToken('rina', 'reviewer');
    const lines: string[] = [];
    for (let i = 1; i <= 40; i++) lines.push(person(`J-${i}`, i, { gender: i % 2 ? 'L' : 'P' }));
    for (let i = 41; i <= 45; i++) lines.push(person(`K-${i}`, i, { province: '31' }));
    await importLines(rina, lines);
    await app.as(rina, 'waves.create', waveInput(3, { quota: { provinces: { '32': 5, '11': 2 } }, opensOn: '2026-06-01', closesOn: '2026-06-30' }));
    await app.as(rina, 'waves.open', { number: 3 });
    now = new Date('2026-07-02T03:00:00Z');
    const r2 = await login('rina');
    await app.as(r2, 'waves.close', { number: 3 });
    const out = await runJob<{ provinces: Record<string, unknown>; unfilled: number }>(app, r2, () => app.as(r2, 'waves.select', { number: 3, seed: 'seed-gelombang-3' }));
    expect(out.provinces).toEqual({
      '11': { quota: 2, pool: 0, selected: 0, unfilled: 2 },
      '31': { quota: 0, pool: 5, selected: 0, unfilled: 0 },
      '32': { quota: 5, pool: 40, selected: 5, unfilled: 0 },
    });
    expect(out.unfilled).toBe(2);
    expect(selectedIds().every((id) => id.startsWith('J-'))).toBe(true);
    expect(selectedIds()).toHaveLength(5);
  });
});
