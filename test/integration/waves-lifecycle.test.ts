import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyDatabase } from '../../electron/core/db/verify';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';
import { closedWave, jobError, runJob, sha256Hex, waveInput } from '../helpers/waves';

vi.setConfig({ testTimeout: 90_000 });
let app: TestApp;
afterEach(async () => app?.close());

let now = new Date('2026-05-20T03:00:00Z');
const clock = () => now;
const at = (iso: string) => (now = new Date(iso));
/** A fresh session (moving the clock by days ends the earlier ones). */
const login = async (username: string) => (await app.as(undefined, 'auth.login', { username, password: TEST_PASSWORD })).token;

async function importLines(token: string, lines: string[]) {
  const job = await importFile(app, token, tempFile('pendaftar.csv', `${HEADER}\n${lines.join('\n')}\n`));
  expect(job.state, JSON.stringify(job.error)).toBe('done');
}

const auditActions = () => (app.core.db.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'wave' ORDER BY id`).pluck().all() as string[]);

describe('wave lifecycle', () => {
  it('draft → open → closed → selected → published, each step guarded, audited, and a published wave frozen', async () => {
    at('2026-05-20T03:00:00Z');
    app = await createTestApp({ now: clock });
    let rina = await app.userToken('rina', 'reviewer');
    let maya = await app.userToken('maya', 'manager');
    await importLines(rina, [
      applicantLine('R-1', { nik: '3273014101900001', kk: '3273010000000001', registered_at: '2026-05-03T08:00:00+07:00' }),
      applicantLine('R-2', { nik: '3273010202910002', kk: '3273010000000002', gender: 'L', birth_date: '1991-02-02', registered_at: '2026-05-04T08:00:00+07:00' }),
      applicantLine('R-3', { nik: '3273010303920003', kk: '3273010000000003', gender: 'L', birth_date: '1992-03-03', province_code: '32', registered_at: '2026-05-05T08:00:00+07:00' }),
    ]);

    await expect(app.as(maya, 'waves.create', waveInput(1))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const draft = await app.as(rina, 'waves.create', waveInput(7, { quota: { national: 2 }, weights: { unemployed: 2 } }));
    expect(draft).toMatchObject({ number: 7, status: 'draft', quotaTotal: 2, balance: 3_500_000, seed: null, weights: { unemployed: 2 }, created: { by: 'rina' } });

    // A draft changes freely, its number too; a seed commitment already used by another wave is refused.
    const renumbered = await app.as(rina, 'waves.update', { number: 7, wave: waveInput(1, { quota: { provinces: { '32': 2, '31': 1 } }, balance: 4_000_000 }) });
    expect(renumbered).toMatchObject({ number: 1, quota: { provinces: { '31': 1, '32': 2 } }, quotaTotal: 3, balance: 4_000_000 });
    await expect(app.as(rina, 'waves.get', { number: 7 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.as(rina, 'waves.create', waveInput(2, {}, 'seed-gelombang-1'))).rejects.toMatchObject({ code: 'CONFLICT', message: /sudah dipakai gelombang 1/ });
    await expect(app.as(rina, 'waves.create', waveInput(2, { closesOn: '2026-04-01' }))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.as(rina, 'waves.create', waveInput(2, { quota: { provinces: { '99': 3 } } }))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.as(rina, 'waves.create', waveInput(2, { weights: { unemployed: 0 } }))).rejects.toMatchObject({ code: 'VALIDATION' });

    // Selecting or closing a draft is refused; opening publishes the settings: only the name may change now.
    await expect(app.as(rina, 'waves.close', { number: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(app.as(rina, 'waves.select', { number: 1, seed: 'seed-gelombang-1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const open = await app.as(rina, 'waves.open', { number: 1 });
    expect(open).toMatchObject({ status: 'open', opened: { by: 'rina' } });
    await expect(app.as(rina, 'waves.update', { number: 1, wave: waveInput(1, { quota: { national: 5 } }) })).rejects.toMatchObject({ code: 'CONFLICT', message: /hanya nama/ });
    const renamed = await app.as(rina, 'waves.update', { number: 1, wave: { ...waveInput(1, { quota: { provinces: { '32': 2, '31': 1 } }, balance: 4_000_000 }), name: 'Gelombang 1 (Mei)' } });
    expect(renamed.name).toBe('Gelombang 1 (Mei)');

    // Closing waits until the close date (Asia/Jakarta) has ended: 23:59 WIB on 31 May is still 31 May.
    at('2026-05-31T16:59:00Z');
    rina = await login('rina');
    await expect(app.as(rina, 'waves.close', { number: 1 })).rejects.toMatchObject({ code: 'CONFLICT', message: /sampai 2026-05-31/ });
    at('2026-05-31T17:00:00Z');
    expect(await app.as(rina, 'waves.close', { number: 1 })).toMatchObject({ status: 'closed', closed: { by: 'rina' } });

    // A seed whose hash is not the commitment is refused before any work, and changes nothing.
    await expect(app.as(rina, 'waves.select', { number: 1, seed: 'seed-gelombang-X' })).rejects.toMatchObject({ code: 'VALIDATION', message: /Seed ditolak/ });
    expect((await app.as(rina, 'waves.get', { number: 1 })).status).toBe('closed');

    at('2026-06-02T02:00:00Z');
    rina = await login('rina');
    maya = await login('maya');
    const admin = await login('admin');
    const selected = await runJob<Record<string, unknown>>(app, rina, () => app.as(rina, 'waves.select', { number: 1, seed: 'seed-gelombang-1' }));
    expect(selected).toMatchObject({
      wave: 1,
      pool: 3,
      selected: 2,
      unfilled: 1,
      provinces: { '31': { quota: 1, pool: 0, selected: 0, unfilled: 1 }, '32': { quota: 2, pool: 3, selected: 2, unfilled: 0 } },
    });
    const wave = await app.as(maya, 'waves.get', { number: 1 });
    expect(wave).toMatchObject({ status: 'selected', seed: 'seed-gelombang-1', selected: { by: 'rina', at: '2026-06-02T02:00:00.000Z' } });
    expect(wave.result).toMatchObject({ pool: 3, selected: 2, screenedAsOf: '2026-05-31', registeredBy: '2026-05-31T16:59:59.999Z', registrations: 3, eligible: 3 });

    // Publishing needs an admin, an announcement date after the close date and not before the selection.
    await expect(app.as(rina, 'waves.publish', { number: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(admin, 'waves.publish', { number: 1, date: '2026-05-31' })).rejects.toMatchObject({ code: 'VALIDATION', message: /sesudah tanggal tutup/ });
    await expect(app.as(admin, 'waves.publish', { number: 1, date: '2026-06-01' })).rejects.toMatchObject({ code: 'VALIDATION', message: /sebelum seleksi/ });
    const published = await runJob<Record<string, unknown>>(app, admin, () => app.as(admin, 'waves.publish', { number: 1, date: '2026-06-05' }));
    expect(published).toMatchObject({ wave: 1, publishedOn: '2026-06-05', participants: 2, balance: 4_000_000, purchaseDeadline: '2026-07-05', revokedFrom: '2026-07-06' });
    const after = await app.as(maya, 'waves.get', { number: 1 });
    expect(after).toMatchObject({ status: 'published', publishedOn: '2026-06-05', published: { by: 'admin' }, participants: { total: 2, active: 2, revoked: 0 } });

    // Published: immutable through the API and in the database itself.
    await expect(app.as(rina, 'waves.update', { number: 1, wave: waveInput(1) })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(app.as(rina, 'waves.select', { number: 1, seed: 'seed-gelombang-1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(app.as(admin, 'waves.publish', { number: 1, date: '2026-06-06' })).rejects.toMatchObject({ code: 'CONFLICT', message: /sudah diumumkan/ });
    const sqlite = app.core.db.sqlite;
    expect(() => sqlite.prepare(`UPDATE waves SET name = 'x' WHERE number = 1`).run()).toThrow(/tidak dapat diubah/);
    expect(() => sqlite.prepare(`UPDATE waves SET status = 'draft' WHERE number = 1`).run()).toThrow();
    expect(() => sqlite.prepare(`DELETE FROM waves WHERE number = 1`).run()).toThrow();
    expect(() => sqlite.prepare(`DELETE FROM wave_selections`).run()).toThrow(/tidak dapat diubah/);
    expect(() => sqlite.prepare(`UPDATE wave_pools SET rows = 0`).run()).toThrow(/tidak dapat diubah/);
    expect(() => sqlite.prepare(`UPDATE participants SET card_number = '0000000000000000'`).run()).toThrow(/tidak dapat diubah/);
    expect(() => sqlite.prepare(`UPDATE participants SET balance = 1`).run()).toThrow(/tidak dapat diubah/);
    expect(() => sqlite.prepare(`DELETE FROM participants`).run()).toThrow(/tidak dapat dihapus/);

    expect(auditActions()).toEqual(['wave.create', 'wave.update', 'wave.open', 'wave.update', 'wave.close', 'wave.select', 'wave.publish']);
    expect(verifyDatabase(sqlite).ok).toBe(true);
  });

  it('a status moves only forward, also when written to the database directly', async () => {
    app = await createTestApp({ now: clock });
    await app.as(app.adminToken, 'waves.create', waveInput(3));
    const sqlite = app.core.db.sqlite;
    expect(() => sqlite.prepare(`UPDATE waves SET status = 'closed' WHERE number = 3`).run()).toThrow(/hanya maju/);
    expect(() => sqlite.prepare(`UPDATE waves SET status = 'selected', seed = 'x' WHERE number = 3`).run()).toThrow();
    // A draft may be deleted (nothing was announced); the commitment must be sha256 hex.
    expect(() => sqlite.prepare(`UPDATE waves SET seed_commitment = 'XYZ' WHERE number = 3`).run()).toThrow();
  });

  it('selection is refused while another wave awaits publication, and re-selecting with the same seed gives the same result', async () => {
    at('2026-06-10T03:00:00Z');
    app = await createTestApp({ now: clock });
    const rina = await app.userToken('rina', 'reviewer');
    await importLines(
      rina,
      Array.from({ length: 12 }, (_, i) => {
        const serial = String(i + 1).padStart(4, '0');
        return applicantLine(`S-${i + 1}`, { nik: `327301410190${serial}`, kk: `32730100000${String(i + 1).padStart(5, '0')}`, registered_at: `2026-05-0${1 + (i % 9)}T08:00:00+07:00` });
      }),
    );
    await closedWave(app, rina, waveInput(1, { quota: { national: 4 } }));
    await closedWave(app, rina, waveInput(2, { quota: { national: 4 } }));
    const first = await runJob<{ selected: number }>(app, rina, () => app.as(rina, 'waves.select', { number: 1, seed: 'seed-gelombang-1' }));
    const rows = () => app.core.db.sqlite.prepare('SELECT registration_id, key FROM wave_selections ORDER BY seq').all();
    const before = rows();
    expect(first.selected).toBe(4);
    await expect(app.as(rina, 'waves.select', { number: 2, seed: 'seed-gelombang-2' })).rejects.toMatchObject({ code: 'CONFLICT', message: /gelombang 1 belum diumumkan/ });
    const again = await runJob<{ reselected: boolean }>(app, rina, () => app.as(rina, 'waves.select', { number: 1, seed: 'seed-gelombang-1' }));
    expect(again.reselected).toBe(true);
    expect(rows()).toEqual(before);
    expect(auditActions().filter((a) => a.includes('select'))).toEqual(['wave.select', 'wave.reselect']);

    // A selected applicant's data changed after the selection: publication is refused until the wave is selected again.
    const chosen = (before[0] as { registration_id: string }).registration_id;
    app.core.db.sqlite.prepare(`UPDATE applicants SET phone = '0800', version = version + 1 WHERE registration_id = ?`).run(chosen);
    await expect(app.as(app.adminToken, 'waves.publish', { number: 1 })).rejects.toMatchObject({ code: 'CONFLICT', message: new RegExp(`berubah sejak seleksi \\(${chosen}\\)`) });
    await runJob(app, rina, () => app.as(rina, 'waves.select', { number: 1, seed: 'seed-gelombang-1' }));
    await runJob(app, app.adminToken, () => app.as(app.adminToken, 'waves.publish', { number: 1 }));

    // Wave 2's pool leaves out wave 1's participants, though wave 1 was published after wave 2 closed.
    const second = await runJob<{ pool: number; selected: number }>(app, rina, () => app.as(rina, 'waves.select', { number: 2, seed: 'seed-gelombang-2' }));
    expect(second.pool).toBe(8);
    const overlap = app.core.db.sqlite
      .prepare(`SELECT count(*) FROM wave_selections s JOIN waves w ON w.id = s.wave_id WHERE w.number = 2 AND s.registration_id IN (SELECT registration_id FROM participants)`)
      .pluck()
      .get();
    expect(overlap).toBe(0);
    expect((await app.as(rina, 'waves.get', { number: 2 })).result).toMatchObject({ alreadyParticipants: 4 });
  });

  it('a job failure or a wrong seed in the job leaves the wave as it was', async () => {
    at('2026-06-10T03:00:00Z');
    app = await createTestApp({ now: clock });
    await closedWave(app, app.adminToken, waveInput(4));
    // The job re-checks the seed in its own transaction (here called directly, past the handler).
    const error = await jobError(app, async () => ({ jobId: app.core.jobs.start('wave.select', { number: 4, seed: 'salah' }, { userId: 1, username: 'admin' }).id }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: /Seed ditolak/ });
    expect((await app.as(app.adminToken, 'waves.get', { number: 4 })).status).toBe('closed');
    expect(sha256Hex('seed-gelombang-4')).toBe((await app.as(app.adminToken, 'waves.get', { number: 4 })).seedCommitment);
  });
});
