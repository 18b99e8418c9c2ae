import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeDemoCsvs } from '../../electron/core/demo/csv-files';
import { verifyDatabase } from '../../electron/core/db/verify';
import { resolveFileRef } from '../../electron/core/files/registry';
import { JobCancelled } from '../../electron/core/jobs/protocol';
import { runScreening } from '../../electron/core/screening/run-screening';
import { REASON_CODES, reasonsField, screen, type ExclusionRow, type RegistrationRow } from '../../shared/eligibility';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';
import { runCliCaptured } from '../helpers/cli';

const AS_OF = '2026-05-10';
// Each test runs several worker jobs (imports, screenings, exports); a busy machine needs the room.
vi.setConfig({ testTimeout: 90_000 });
let app: TestApp;
afterEach(async () => app?.close());

async function screenAs(token: string, asOf = AS_OF) {
  const { jobId } = await app.as(token, 'screening.run', { asOf });
  const job = await app.core.jobs.wait(jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  return job.result as { runId: number; total: number; eligible: number; ineligible: number; reasons: Record<string, number>; overridden: { toEligible: number; toIneligible: number; lapsed: number } };
}

async function importLines(token: string, lines: string[]) {
  const job = await importFile(app, token, tempFile('pendaftar.csv', `${HEADER}\n${lines.join('\n')}\n`));
  expect(job.state, JSON.stringify(job.error)).toBe('done');
}

const dbRows = () => app.core.db.sqlite.prepare('SELECT * FROM screening_results ORDER BY applicant_id').all();

describe('screening over a generated register', () => {
  it('stores a result per registration that agrees with the rules run directly, with the run, its counts and one audit record', async () => {
    app = await createTestApp({ now: () => new Date('2026-05-10T03:00:00Z') });
    const reviewer = await app.userToken('rina', 'reviewer');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-screen-'));
    const demo = await writeDemoCsvs(dir, { count: 3000, seed: 'screening-test', referenceDate: AS_OF });
    expect((await importFile(app, reviewer, demo.applicants.path)).state).toBe('done');
    expect((await importFile(app, reviewer, demo.exclusions.path, 'exclusions')).state).toBe('done');

    const r = await screenAs(reviewer);
    const sqlite = app.core.db.sqlite;
    const registrations = sqlite.prepare('SELECT registration_id, nik, kk, birth_date, gender, registered_at FROM applicants').all() as RegistrationRow[];
    const exclusions = sqlite.prepare('SELECT nik, list, valid_from, valid_to FROM exclusions').all() as ExclusionRow[];
    const direct = screen({ registrations, participants: [], exclusions }, AS_OF);
    expect({ total: r.total, eligible: r.eligible, ineligible: r.ineligible, reasons: r.reasons }).toEqual({
      total: direct.summary.total,
      eligible: direct.summary.eligible,
      ineligible: direct.summary.ineligible,
      reasons: direct.summary.reasons,
    });
    // The generator plants every kind of case the rules catch without participants.
    for (const code of REASON_CODES.filter((c) => c !== 'ALREADY_PARTICIPANT')) expect(r.reasons[code], code).toBeGreaterThan(0);

    const stored = new Map(
      (sqlite.prepare('SELECT a.registration_id, r.mask, r.status, r.run_id FROM screening_results r JOIN applicants a ON a.id = r.applicant_id').all() as {
        registration_id: string;
        mask: number;
        status: string;
        run_id: number;
      }[]).map((x) => [x.registration_id, x]),
    );
    expect(stored.size).toBe(3000);
    registrations.forEach((reg, i) => {
      const s = stored.get(reg.registration_id)!;
      expect(s.mask).toBe(direct.masks[i]);
      expect(s.status).toBe(direct.masks[i] ? 'ineligible' : 'eligible');
      expect(s.run_id).toBe(r.runId);
    });

    const runs = await app.as(reviewer, 'screening.runs', {});
    expect(runs.total).toBe(1);
    expect(runs.rows[0]).toMatchObject({ id: r.runId, asOf: AS_OF, username: 'rina', status: 'done' });
    expect(runs.rows[0]!.exclusionImports).toEqual([{ id: 2, fileName: 'demo-exclusions.csv', entries: demo.exclusions.rows }]);
    const summary = await app.as(reviewer, 'screening.summary', {});
    expect(summary.byProvince.reduce((n, p) => n + p.total, 0)).toBe(3000);
    expect(summary.byProvince.reduce((n, p) => n + p.reasons.EXCLUDED, 0)).toBe(r.reasons.EXCLUDED);
    const audit = sqlite.prepare(`SELECT * FROM audit_log WHERE action = 'screening.run'`).all() as { username: string; entity_id: string }[];
    expect(audit).toMatchObject([{ username: 'rina', entity_id: String(r.runId) }]);
    expect(verifyDatabase(sqlite).ok).toBe(true);

    const lists = await app.as(reviewer, 'exclusions.lists', {});
    expect(lists.lists.reduce((n, l) => n + l.entries, 0)).toBe(demo.exclusions.rows);
    expect(lists.lists.reduce((n, l) => n + l.activeToday, 0)).toBeLessThan(demo.exclusions.rows);
    expect(lists.imports).toMatchObject([{ id: 2, kind: 'exclusions', fileName: 'demo-exclusions.csv' }]);

    // The applicants list filters by the latest screening's status and reason.
    const excluded = await app.as(reviewer, 'applicants.list', { screeningReason: 'EXCLUDED', pageSize: 500 });
    expect(excluded.total).toBe(r.reasons.EXCLUDED);
    const ineligible = await app.as(reviewer, 'applicants.list', { screeningStatus: 'ineligible', pageSize: 10 });
    expect(ineligible.total).toBe(r.ineligible);
    expect(ineligible.rows).toHaveLength(10);
    for (const row of ineligible.rows) expect(stored.get(row.registrationId)!.status).toBe('ineligible');
    // Each list row carries its status and reasons, so the grid shows them without a call per row.
    for (const row of excluded.rows) expect(row.screening).toMatchObject({ status: 'ineligible', overridden: false, reasons: expect.arrayContaining(['EXCLUDED']) });

    // A reason explained in Indonesian, naming the list and its dates.
    const one = excluded.rows[0]!;
    const detail = await app.as(reviewer, 'screening.result', { registrationId: one.registrationId });
    const reason = detail.reasons.find((x) => x.code === 'EXCLUDED')!;
    expect(reason.text).toMatch(/daftar pengecualian/);
    expect(reason.details.entries).not.toEqual([]);
  });

  it('a cancelled run changes no result and is recorded as cancelled', async () => {
    app = await createTestApp();
    const reviewer = await app.userToken('rina', 'reviewer');
    await importLines(reviewer, [applicantLine('A-1'), applicantLine('A-2', { birth_date: '2015-01-01' })]);
    await screenAs(reviewer);
    const before = dbRows();
    const auditBefore = app.core.db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    let writing = false;
    expect(() =>
      runScreening(
        {
          dbPath: app.dbPath,
          owner: { userId: null, username: 'rina' },
          progress: (_d, _t, message) => (writing ||= message === 'Menyimpan hasil…'),
          checkCancelled: () => {
            if (writing) throw new JobCancelled();
          },
        },
        { asOf: '2030-01-01' },
      ),
    ).toThrow(JobCancelled);
    expect(dbRows()).toEqual(before);
    const runs = await app.as(reviewer, 'screening.runs', {});
    expect(runs.rows.map((r) => r.status)).toEqual(['cancelled', 'done']);
    expect(app.core.db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore + 1);
    expect(verifyDatabase(app.core.db.sqlite).ok).toBe(true);

    // Registrations added after the latest screening have no result yet.
    await importLines(reviewer, [applicantLine('A-3', { nik: '3273014101900003' })]);
    const unscreened = await app.as(reviewer, 'applicants.list', { screeningStatus: 'unscreened' });
    expect(unscreened.rows.map((r) => r.registrationId)).toEqual(['A-3']);
    expect((await app.as(reviewer, 'screening.result', { registrationId: 'A-3' })).screened).toBe(false);
  });
});

describe('screening while others write', () => {
  it('a change committed while the register is being screened is not lost: the run screens again on the new data', async () => {
    app = await createTestApp();
    const reviewer = await app.userToken('rina', 'reviewer');
    await importLines(reviewer, [applicantLine('A-1'), applicantLine('B-1', { nik: '3273010101900001', gender: 'L', kk: '3273010000000007' })]);
    let wrote = false;
    const outcome = runScreening(
      {
        dbPath: app.dbPath,
        owner: { userId: null, username: 'rina' },
        progress: (_d, _t, message) => {
          if (wrote || message !== 'Menyaring kelayakan…') return;
          wrote = true;
          // Another connection (the app's) commits between this run's read and its write.
          app.core.db.sqlite
            .prepare(`INSERT INTO exclusions (nik, list, valid_from, valid_to, source, updated_at) VALUES ('3273010101900001', 'ASN', NULL, NULL, 'uji', '2026-05-01')`)
            .run();
        },
        checkCancelled: () => {},
      },
      { asOf: AS_OF },
    );
    expect(wrote).toBe(true);
    expect(outcome.reasons.EXCLUDED).toBe(1);
    const runs = await app.as(reviewer, 'screening.runs', {});
    expect(runs.rows.map((r) => r.status)).toEqual(['done']);
    expect((await app.as(reviewer, 'screening.result', { registrationId: 'B-1' })).reasons.map((r) => r.code)).toEqual(['EXCLUDED']);
  });
});

describe('overrides (four eyes)', () => {
  it('the proposer cannot decide; another reviewer approves; the override survives a re-screen and lapses when the facts change', async () => {
    app = await createTestApp();
    const rina = await app.userToken('rina', 'reviewer');
    const budi = await app.userToken('budi', 'reviewer');
    const manager = await app.userToken('maya', 'manager');
    await importLines(rina, [applicantLine('A-1'), applicantLine('Y-1', { nik: '3273015501100001', birth_date: '2010-01-15', kk: '3273010000000002' })]);
    await screenAs(rina);
    expect((await app.as(rina, 'screening.result', { registrationId: 'Y-1' })).reasons.map((r) => r.code)).toEqual(['UNDER_AGE']);

    await expect(app.as(manager, 'overrides.propose', { registrationId: 'Y-1', status: 'eligible', reason: 'Usia sudah dikoreksi di Dukcapil' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(rina, 'overrides.propose', { registrationId: 'Y-1', status: 'eligible', reason: 'pendek' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const proposal = await app.as(rina, 'overrides.propose', { registrationId: 'Y-1', status: 'eligible', reason: 'Akta kelahiran menunjukkan usia 18 tahun' });
    expect(proposal).toMatchObject({ state: 'pending', fromStatus: 'ineligible', status: 'eligible', reasons: ['UNDER_AGE'], proposedBy: 'rina' });
    await expect(app.as(rina, 'overrides.propose', { registrationId: 'Y-1', status: 'eligible', reason: 'Usulan kedua yang sama persis' })).rejects.toMatchObject({ code: 'CONFLICT' });

    await expect(app.as(rina, 'overrides.decide', { id: proposal.id, approve: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await app.as(budi, 'overrides.list', { state: 'pending' })).rows.map((o) => o.id)).toEqual([proposal.id]);
    const approved = await app.as(budi, 'overrides.decide', { id: proposal.id, approve: true, note: 'Sesuai akta' });
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'budi', decisionNote: 'Sesuai akta' });
    let result = await app.as(manager, 'screening.result', { registrationId: 'Y-1' });
    expect(result).toMatchObject({ status: 'eligible', screenedStatus: 'ineligible', override: { id: proposal.id } });

    // A later screening with the same facts keeps it; a different reference date moves only the age.
    const again = await screenAs(budi, '2026-06-01');
    expect(again.overridden).toEqual({ toEligible: 1, toIneligible: 0, lapsed: 0 });
    expect(again.ineligible).toBe(1);
    expect((await app.as(rina, 'screening.result', { registrationId: 'Y-1' })).status).toBe('eligible');
    const eligibleNow = await app.as(rina, 'applicants.list', { screeningStatus: 'eligible' });
    expect(eligibleNow.total).toBe(2);
    expect(eligibleNow.rows.find((row) => row.registrationId === 'Y-1')?.screening).toMatchObject({ status: 'eligible', overridden: true });

    // The applicant's row changes (a corrected birth date that is still under age): the facts changed, the override lapses.
    await importLines(rina, [applicantLine('Y-1', { nik: '3273015601100001', birth_date: '2010-01-16', kk: '3273010000000002' })]);
    const lapsed = await screenAs(budi, '2026-06-01');
    expect(lapsed.overridden).toEqual({ toEligible: 0, toIneligible: 0, lapsed: 1 });
    result = await app.as(rina, 'screening.result', { registrationId: 'Y-1' });
    expect(result).toMatchObject({ status: 'ineligible', override: null, overrides: [{ id: proposal.id, state: 'lapsed' }] });

    const actions = app.core.db.sqlite.prepare(`SELECT action, username FROM audit_log WHERE action LIKE 'override.%' ORDER BY id`).all();
    expect(actions).toEqual([
      { action: 'override.propose', username: 'rina' },
      { action: 'override.approve', username: 'budi' },
    ]);
    expect(verifyDatabase(app.core.db.sqlite).ok).toBe(true);
  });

  it('bulk approve checks each proposal and applies all or none', async () => {
    app = await createTestApp();
    const rina = await app.userToken('rina', 'reviewer');
    const budi = await app.userToken('budi', 'reviewer');
    const lines = [1, 2, 3].map((i) => applicantLine(`Y-${i}`, { nik: `327301550110000${i}`, birth_date: '2010-01-15', kk: `327301000000000${i}` }));
    await importLines(rina, lines);
    await screenAs(rina);
    const ids: number[] = [];
    for (const i of [1, 2]) ids.push((await app.as(rina, 'overrides.propose', { registrationId: `Y-${i}`, status: 'eligible', reason: 'Dokumen usia telah diverifikasi' })).id);
    const own = (await app.as(budi, 'overrides.propose', { registrationId: 'Y-3', status: 'eligible', reason: 'Dokumen usia telah diverifikasi' })).id;

    await expect(app.as(budi, 'overrides.decideMany', { ids: [...ids, own] })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Tidak ada yang disetujui/) });
    expect((await app.as(budi, 'overrides.list', { state: 'pending' })).total).toBe(3);
    expect(app.core.db.sqlite.prepare(`SELECT count(*) FROM screening_results WHERE status = 'eligible'`).pluck().get()).toBe(0);

    const done = await app.as(budi, 'overrides.decideMany', { ids });
    expect(done.approved).toBe(2);
    expect(done.overrides.map((o) => o.state)).toEqual(['approved', 'approved']);
    expect(app.core.db.sqlite.prepare(`SELECT count(*) FROM screening_results WHERE status = 'eligible'`).pluck().get()).toBe(2);
    const rejected = await app.as(rina, 'overrides.decide', { id: own, approve: false, note: 'Dokumen tidak lengkap' });
    expect(rejected.state).toBe('rejected');
    expect(app.core.db.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'override.approve'`).pluck().get()).toBe(2);
  });
});

describe('eligibility export and the CLI', () => {
  it('screen --json prints the DESIGN 7 keys; export eligibility writes CSV and XLSX that read back; managers get masked NIKs', async () => {
    app = await createTestApp();
    const rina = await app.userToken('rina', 'reviewer');
    await app.userToken('maya', 'manager');
    await importLines(rina, [
      applicantLine('A-1'),
      applicantLine('A-2', { registered_at: '2026-05-04T08:15:00+07:00' }),
      applicantLine('B-1', { nik: '3273010101900001', gender: 'L', birth_date: '1990-01-01', kk: '3273010000000007', full_name: '=HYPERLINK("x")' }),
    ]);
    const early = await runCliCaptured(['--db', app.dbPath, '--json', '--user', 'maya', 'export', 'eligibility', '--out', path.join(os.tmpdir(), 'none.csv')]);
    expect(early.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Belum ada penyaringan/) });
    const refused = await runCliCaptured(['--db', app.dbPath, '--json', '--user', 'maya', 'screen']);
    expect(refused.code).toBe(1);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN' });

    const run = await runCliCaptured(['--db', app.dbPath, '--json', '--user', 'rina', 'screen', '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    const out = run.json();
    expect(out).toMatchObject({ asOf: AS_OF, total: 3, eligible: 2, ineligible: 1 });
    expect(out.reasons).toEqual({ ...Object.fromEntries(REASON_CODES.map((c) => [c, 0])), DUPLICATE_NIK: 1 });

    // A participant of a published wave: its own registration reads ALREADY_PARTICIPANT in the report even before a re-screen.
    app.core.db.sqlite
      .prepare(`INSERT INTO participants (registration_id, nik, kk, wave_number, published_on, updated_at) VALUES ('B-1', '3273010101900001', '3273010000000007', 1, '2026-05-01', '2026-05-01')`)
      .run();

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-elig-'));
    const csvOut = await runCliCaptured(['--db', app.dbPath, '--json', '--user', 'rina', 'export', 'eligibility', '--out', path.join(dir, 'kelayakan.csv')]);
    expect(csvOut.code, csvOut.stderr).toBe(0);
    expect(csvOut.json()).toMatchObject({ report: 'eligibility', rows: 3 });
    const csv = parse(fs.readFileSync(path.join(dir, 'kelayakan.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(csv).toEqual([
      { registration_id: 'A-1', nik: '3273014101900001', status: 'eligible', reasons: '' },
      { registration_id: 'A-2', nik: '3273014101900001', status: 'ineligible', reasons: 'DUPLICATE_NIK' },
      { registration_id: 'B-1', nik: '3273010101900001', status: 'ineligible', reasons: 'ALREADY_PARTICIPANT' },
    ]);

    const xlsxOut = await runCliCaptured(['--db', app.dbPath, '--json', '--user', 'maya', 'export', 'eligibility', '--out', path.join(dir, 'kelayakan.xlsx')]);
    expect(xlsxOut.code, xlsxOut.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'kelayakan.xlsx'));
    const values = wb.worksheets[0]!.getSheetValues().slice(1).map((row) => [1, 2, 3, 4].map((c) => (row as unknown[])[c] ?? ''));
    expect(values).toEqual([
      ['registration_id', 'nik', 'status', 'reasons'],
      ['A-1', '3273********0001', 'eligible', ''],
      ['A-2', '3273********0001', 'ineligible', 'DUPLICATE_NIK'],
      ['B-1', '3273********0001', 'ineligible', 'ALREADY_PARTICIPANT'],
    ]);
    expect(reasonsField(0b10010)).toBe('NIK_MISMATCH;DUPLICATE_NIK');
    const exports = app.core.db.sqlite.prepare(`SELECT username, after_json FROM audit_log WHERE action = 'eligibility.export' ORDER BY id`).all() as { username: string; after_json: string }[];
    expect(exports.map((e) => [e.username, JSON.parse(e.after_json).nikMasked])).toEqual([['rina', false], ['maya', true]]);

    const badExt = await runCliCaptured(['--db', app.dbPath, '--json', '--user', 'rina', 'export', 'eligibility', '--out', path.join(dir, 'x.pdf')]);
    expect(badExt.code).toBe(1);
  });

  it('the summary workbook has sheets by province and by reason', async () => {
    app = await createTestApp();
    const rina = await app.userToken('rina', 'reviewer');
    await importLines(rina, [applicantLine('A-1'), applicantLine('A-2', { registered_at: '2026-05-04T08:15:00+07:00' })]);
    await screenAs(rina);
    const { jobId } = await app.as(rina, 'screening.exportSummary', {});
    const job = await app.core.jobs.wait(jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    const me = await app.as(rina, 'auth.me', {});
    const file = await resolveFileRef(app.core.db.kysely, (job.result as { fileRef: string }).fileRef, me);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Per provinsi', 'Per alasan', 'Keterangan']);
    const province = wb.getWorksheet('Per provinsi')!.getRow(2).values as unknown[];
    expect(province.slice(1, 6)).toEqual(['32', 'Jawa Barat', 2, 1, 1]);
    const byReason = wb.getWorksheet('Per alasan')!.getColumn(1).values.slice(2);
    expect(byReason).toEqual([...REASON_CODES]);
  });
});
