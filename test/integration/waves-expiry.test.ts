import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyDatabase } from '../../electron/core/db/verify';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';
import { runJob, waveInput } from '../helpers/waves';

vi.setConfig({ testTimeout: 120_000 });
let app: TestApp;
afterEach(async () => app?.close());

let now = new Date('2026-05-02T03:00:00Z');
const login = async (username: string) => (await app.as(undefined, 'auth.login', { username, password: TEST_PASSWORD })).token;
const KK = '3273010000099999';

/** P1…P5 and a later registration in P1's KK, all valid; the wave selects all five and is announced on 2026-06-05. */
async function publishedWave() {
  app = await createTestApp({ now: () => now });
  const rina = await app.userToken('rina', 'reviewer');
  await app.userToken('maya', 'manager');
  const lines = [1, 2, 3, 4, 5].map((i) =>
    applicantLine(`P${i}`, { nik: `32730101019${i}000${i}`, birth_date: `199${i}-01-01`, gender: 'L', kk: i === 1 || i === 5 ? KK : `327301000001000${i}`, registered_at: '2026-05-10T08:00:00+07:00' }),
  );
  lines.push(applicantLine('LATER', { nik: '3273010101880006', birth_date: '1988-01-01', gender: 'L', kk: KK, registered_at: '2026-06-20T08:00:00+07:00' }));
  expect((await importFile(app, rina, tempFile('p.csv', `${HEADER}\n${lines.join('\n')}\n`))).state).toBe('done');
  await app.as(rina, 'waves.create', waveInput(1, { quota: { national: 5 }, opensOn: '2026-05-01', closesOn: '2026-05-31' }));
  await app.as(rina, 'waves.open', { number: 1 });
  now = new Date('2026-06-03T03:00:00Z');
  const r2 = await login('rina');
  await app.as(r2, 'waves.close', { number: 1 });
  await runJob(app, r2, () => app.as(r2, 'waves.select', { number: 1, seed: 'seed-gelombang-1' }));
  const admin = await login('admin');
  await runJob(app, admin, () => app.as(admin, 'waves.publish', { number: 1, date: '2026-06-05' }));
  return { admin, rina: r2 };
}

function purchase(registrationId: string, purchasedAt: string, cancelledAt: string | null = null) {
  const sqlite = app.core.db.sqlite;
  const p = sqlite.prepare('SELECT id, nik FROM participants WHERE registration_id = ?').get(registrationId) as { id: number; nik: string };
  sqlite
    .prepare(
      `INSERT INTO enrollments (enrollment_id, nik, participant_id, training_id, platform, price_paid, purchased_at, cancelled_at, updated_at)
       VALUES (?, ?, ?, 'TR-1', 'PLATFORM-A', 1000000, ?, ?, ?)`,
    )
    .run(`E-${registrationId}-${purchasedAt}`, p.nik, p.id, new Date(purchasedAt).toISOString(), cancelledAt && new Date(cancelledAt).toISOString(), purchasedAt);
}

const revoked = () =>
  Object.fromEntries(
    (app.core.db.sqlite.prepare('SELECT registration_id, revoked_at FROM participants ORDER BY registration_id').all() as { registration_id: string; revoked_at: string | null }[]).map(
      (r) => [r.registration_id, r.revoked_at],
    ),
  );

describe('participants expire (DESIGN 3.3)', () => {
  it('revokes those without a purchase by the deadline (publication + 30 days), from the day after, as of a date', async () => {
    await publishedWave();
    // The deadline is 2026-07-05: a purchase at its last millisecond in Jakarta counts, one a millisecond later does not.
    purchase('P1', '2026-07-05T23:59:59.999+07:00');
    purchase('P2', '2026-07-06T00:00:00.000+07:00');
    // A cancelled purchase is no purchase; one cancelled only after the as-of date still counted on that date.
    purchase('P3', '2026-06-10T10:00:00+07:00', '2026-06-12T10:00:00+07:00');
    purchase('P4', '2026-06-10T10:00:00+07:00', '2026-07-20T10:00:00+07:00');

    now = new Date('2026-07-06T01:00:00Z');
    const maya = await login('maya');
    const admin2 = await login('admin');
    const rina2 = await login('rina');
    // On the deadline itself nobody is due yet.
    expect(await app.as(maya, 'participants.expiryPreview', { asOf: '2026-07-05' })).toEqual({ asOf: '2026-07-05', due: 0, byWave: {} });
    expect(await app.as(maya, 'participants.expiryPreview', {})).toEqual({ asOf: '2026-07-06', due: 3, byWave: { '1': 3 } });
    await expect(app.as(rina2, 'participants.expire', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(maya, 'participants.expire', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const first = await app.as(admin2, 'participants.expire', {});
    expect(first).toEqual({ asOf: '2026-07-06', revoked: 3, byWave: { '1': 3 }, freedPlaces: { total: 3, byWave: { '1': 3 } } });
    expect(revoked()).toEqual({ P1: null, P2: '2026-07-06', P3: '2026-07-06', P4: null, P5: '2026-07-06' });
    // Running again changes nothing.
    expect(await app.as(admin2, 'participants.expire', {})).toMatchObject({ revoked: 0, freedPlaces: { total: 3 } });
    // Later, P4's cancellation is known: as of then, P4 had no standing purchase by the deadline either.
    expect(await app.as(admin2, 'participants.expire', { asOf: '2026-07-21' })).toMatchObject({ revoked: 1, byWave: { '1': 1 }, freedPlaces: { total: 4 } });
    expect(revoked().P4).toBe('2026-07-06');

    // The places show on the wave list and page; a revocation is final, even in the database itself.
    expect(await app.as(maya, 'waves.list', {})).toMatchObject({ freedPlaces: 4, rows: [{ number: 1, participants: { total: 5, active: 1, revoked: 4 } }] });
    expect((await app.as(maya, 'waves.members', { number: 1, state: 'revoked' })).total).toBe(4);
    expect(() => app.core.db.sqlite.prepare(`UPDATE participants SET revoked_at = NULL WHERE registration_id = 'P2'`).run()).toThrow(/tidak dapat dibatalkan/);
    const audit = app.core.db.sqlite.prepare(`SELECT after_json FROM audit_log WHERE action = 'participants.expire' ORDER BY id`).pluck().all() as string[];
    expect(audit.map((a) => JSON.parse(a).registrationIds)).toEqual([['P2', 'P3', 'P5'], [], ['P4']]);
    expect(verifyDatabase(app.core.db.sqlite).ok).toBe(true);
  });

  it('screening after a revocation: the person stays ALREADY_PARTICIPANT; the KK place is free from the revocation date', async () => {
    await publishedWave();
    now = new Date('2026-07-10T01:00:00Z');
    const admin = await login('admin');
    purchase('P1', '2026-06-10T10:00:00+07:00');
    await app.as(admin, 'participants.expire', {});
    expect(revoked()).toMatchObject({ P1: null, P5: '2026-07-06' });
    const screen = async (asOf: string) => {
      await runJob(app, admin, () => app.as(admin, 'screening.run', { asOf }));
      return Object.fromEntries((await Promise.all(['P5', 'LATER'].map((id) => app.as(admin, 'screening.result', { registrationId: id })))).map((r) => [r.registrationId, r.reasons.map((x) => x.code)]));
    };
    // Before the revocation takes effect, P1 and P5 fill the KK; from 6 July P5 no longer counts there.
    expect(await screen('2026-07-05')).toEqual({ P5: ['ALREADY_PARTICIPANT'], LATER: ['KK_LIMIT'] });
    expect(await screen('2026-07-06')).toEqual({ P5: ['ALREADY_PARTICIPANT'], LATER: [] });
  });
});
