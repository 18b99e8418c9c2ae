import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeDemoCsvs } from '../../electron/core/demo/csv-files';
import { verifyDatabase } from '../../electron/core/db/verify';
import { registerLocalFile, resolveFileRef } from '../../electron/core/files/registry';
import { instantMs, screen, type ExclusionRow } from '../../shared/eligibility';
import type { ProofVerification } from '../../shared/api/waves';
import { parseProofCsv, selectWave, type PoolMember } from '../../shared/selection';
import { endOfJakartaDay, isValidCardNumber } from '../../shared/waves';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/core';
import { importFile } from '../helpers/applicants';
import { runJob, sha256Hex, waveInput } from '../helpers/waves';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/*
 * One generated register (3,000 demo applicants with exclusion lists and every kind of case screening
 * catches), one wave selected and published through the API; the result is checked against an
 * independent computation: screen() over the whole register as of the close date, the cut-off
 * applied afterwards, and selectWave() on that pool.
 */
const SEED = 'gelombang-5-rahasia-kantor';
const WEIGHTS = { unemployed: 2, laid_off: 1.5, informal: 1.25 };
const QUOTA = 300;
let app: TestApp;
let dir: string;
let applicantsCsv: string;
let closesOn: string;
let now = new Date('2026-05-01T00:00:00Z');
let rina: string;
let maya: string;
let admin: string;

type Registration = { registration_id: string; nik: string; kk: string; birth_date: string; gender: string; registered_at: string; province_code: string; employment_status: string };
const registrations = () =>
  app.core.db.sqlite.prepare('SELECT registration_id, nik, kk, birth_date, gender, registered_at, province_code, employment_status FROM applicants ORDER BY id').all() as Registration[];
const login = async (username: string) => (await app.as(undefined, 'auth.login', { username, password: TEST_PASSWORD })).token;

async function download(ref: { fileRef: string }, token: string) {
  const me = await app.as(token, 'auth.me', {});
  return fs.readFileSync((await resolveFileRef(app.core.db.kysely, ref.fileRef, me)).path);
}

async function verify(token: string, file: string, seed: string, number?: number) {
  const me = await app.as(token, 'auth.me', {});
  const ref = await registerLocalFile(app.core, file, me.id);
  return runJob<ProofVerification>(app, token, () => app.as(token, 'waves.verifyProof', { fileRef: ref.ref, seed, ...(number === undefined ? {} : { number }) }));
}

beforeAll(async () => {
  app = await createTestApp({ now: () => now });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-waves-'));
  const demo = await writeDemoCsvs(dir, { count: 3000, seed: 'waves-test', referenceDate: '2026-05-10' });
  applicantsCsv = demo.applicants.path;
  rina = await app.userToken('rina', 'reviewer');
  maya = await app.userToken('maya', 'manager');
  expect((await importFile(app, rina, demo.applicants.path)).state).toBe('done');
  expect((await importFile(app, rina, demo.exclusions.path, 'exclusions')).state).toBe('done');
  // The close date: the day of the median registration, so the cut-off leaves some out.
  const instants = registrations().map((r) => instantMs(r.registered_at)).sort((a, b) => a - b);
  closesOn = new Date(instants[Math.floor(instants.length / 2)]! + 7 * 3_600_000).toISOString().slice(0, 10);
  await app.as(rina, 'waves.create', waveInput(5, { quota: { national: QUOTA }, weights: WEIGHTS, opensOn: '2026-01-01', closesOn }, SEED));
  await app.as(rina, 'waves.open', { number: 5 });
  now = new Date(`${closesOn}T18:00:00Z`);
  rina = await login('rina');
  maya = await login('maya');
  admin = await login('admin');
  await app.as(rina, 'waves.close', { number: 5 });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function independentSelection() {
  const regs = registrations();
  const exclusions = app.core.db.sqlite.prepare('SELECT nik, list, valid_from, valid_to FROM exclusions').all() as ExclusionRow[];
  const s = screen({ registrations: regs, participants: [], exclusions }, closesOn);
  const cutoff = instantMs(endOfJakartaDay(closesOn));
  const pool: PoolMember[] = regs
    .filter((r, i) => s.masks[i] === 0 && instantMs(r.registered_at) <= cutoff)
    .map((r) => ({ registrationId: r.registration_id, provinceCode: r.province_code, employmentStatus: r.employment_status }));
  const after = regs.filter((r) => instantMs(r.registered_at) > cutoff).length;
  return { pool, after, masks: new Map(regs.map((r, i) => [r.registration_id, s.masks[i]!])), result: selectWave({ seed: SEED, seedCommitment: sha256Hex(SEED), pool, weights: WEIGHTS, quota: { national: QUOTA } }) };
}

describe('selection of a generated register', () => {
  it('selects exactly what DESIGN 3.3 computes independently: pool as of the close date, keys, largest remainder, ranks', async () => {
    const expected = independentSelection();
    expect(expected.after).toBeGreaterThan(100);
    const out = await runJob<Record<string, unknown>>(app, rina, () => app.as(rina, 'waves.select', { number: 5, seed: SEED }));
    const { rows: _rows, ...summary } = expected.result;
    // The `wave select` JSON keys of DESIGN 7.
    expect(out).toMatchObject({ wave: 5, pool: summary.pool, selected: summary.selected, unfilled: summary.unfilled, provinces: summary.provinces });
    expect(Object.keys(out).slice(0, 5)).toEqual(['wave', 'pool', 'selected', 'unfilled', 'provinces']);
    expect(summary.selected).toBe(QUOTA);

    const stored = app.core.db.sqlite.prepare('SELECT s.registration_id, s.key, s.weight, s.province_rank FROM wave_selections s ORDER BY seq').all() as {
      registration_id: string;
      key: number;
      weight: number;
    }[];
    const expectedSelected = expected.result.rows.filter((r) => r.selected);
    expect(stored.map((r) => [r.registration_id, r.key, r.weight])).toEqual(expectedSelected.map((r) => [r.registrationId, r.key, r.weight]));

    // Nobody ineligible (as of the close date) or registered after the cut-off is selected; no quota is exceeded.
    const wave = await app.as(maya, 'waves.get', { number: 5 });
    for (const r of stored) expect(expected.masks.get(r.registration_id), r.registration_id).toBe(0);
    for (const [code, p] of Object.entries(wave.result!.provinces)) {
      expect(p.selected, code).toBeLessThanOrEqual(p.quota);
      expect(p.selected).toBe(Math.min(p.quota, p.pool));
    }
    expect(wave.result).toMatchObject({ screenedAsOf: closesOn, registrations: 3000 - expected.after });
    expect(Object.values(wave.result!.employment).reduce((a, e) => a + e.selected, 0)).toBe(QUOTA);
    expect(wave.result!.employment.unemployed!.selected / wave.result!.employment.unemployed!.pool).toBeGreaterThan(
      wave.result!.employment.employed!.selected / wave.result!.employment.employed!.pool,
    );

    // The proof export is the whole pool, read back to the very same rows and doubles.
    const proofRef = await runJob<{ fileRef: string; rows: number; sha256: string }>(app, maya, () => app.as(maya, 'waves.exportProof', { number: 5 }));
    const proofBytes = await download(proofRef, maya);
    expect(proofBytes.subarray(0, 3).toString('latin1')).not.toBe('\xef\xbb\xbf');
    expect(sha256Hex(proofBytes.toString('utf8'))).toBe(proofRef.sha256);
    const proof = parseProofCsv(proofBytes.toString('utf8'));
    expect(proof.problems).toEqual([]);
    expect(proof.rows.map(({ row: _r, ...r }) => r)).toEqual(expected.result.rows);
    // Exporting again gives the same bytes.
    const again = await runJob<{ fileRef: string; sha256: string }>(app, rina, () => app.as(rina, 'waves.exportProof', { number: 5 }));
    expect(again.sha256).toBe(proofRef.sha256);
  });

  it('verifies the proof from the file and the seed alone, and names the rows of a tampered proof', async () => {
    const proofRef = await runJob<{ fileRef: string }>(app, maya, () => app.as(maya, 'waves.exportProof', { number: 5 }));
    const text = (await download(proofRef, maya)).toString('utf8');
    const file = path.join(dir, 'bukti.csv');
    fs.writeFileSync(file, text);
    expect(await verify(maya, file, SEED, 5)).toMatchObject({ ok: true, wave: 5, quotaSource: 'given', mismatchCount: 0, problems: [] });
    // An auditor without our database: the quota is inferred from the proof.
    const alone = await verify(maya, file, SEED);
    expect(alone).toMatchObject({ ok: true, wave: null, quotaSource: 'inferred', recomputed: { selected: QUOTA } });

    // Swap who is selected in one province: two rows named, both with the field that differs.
    const lines = text.split('\r\n');
    const first = lines.findIndex((l) => l.endsWith(',1'));
    const province = lines[first]!.split(',')[1];
    const other = lines.findIndex((l, i) => i > first && l.endsWith(',0') && l.split(',')[1] === province);
    lines[first] = lines[first]!.replace(/,1$/, ',0');
    lines[other] = lines[other]!.replace(/,0$/, ',1');
    const tampered = path.join(dir, 'bukti-diubah.csv');
    fs.writeFileSync(tampered, lines.join('\r\n'));
    const bad = await verify(maya, tampered, SEED, 5);
    expect(bad).toMatchObject({ ok: false, mismatchCount: 2 });
    expect(bad.mismatches.map((m) => [m.row, m.field])).toEqual([
      [first + 1, 'selected'],
      [other + 1, 'selected'],
    ]);
    // A seed that is not the committed one is refused outright.
    expect((await verify(maya, file, 'tebakan', 5)).mismatches[0]).toMatchObject({ field: 'seed' });
    // An unreadable row: named by row and column, nothing recomputed.
    const broken = path.join(dir, 'bukti-rusak.csv');
    fs.writeFileSync(broken, text.replace(/,(-[\d.e-]+),/, ',abc,'));
    expect(await verify(maya, broken, SEED, 5)).toMatchObject({ ok: false, problems: [{ row: 2, column: 'key' }], recomputed: null });
  });

  it('the same register imported in another row order gives the same selection and byte-identical proof', async () => {
    const other = await createTestApp({ now: () => now });
    try {
      const lines = fs.readFileSync(applicantsCsv, 'utf8').trimEnd().split('\n');
      const body = lines.slice(1);
      for (let i = body.length - 1; i > 0; i--) {
        const j = (i * 7919 + 13) % (i + 1);
        [body[i], body[j]] = [body[j]!, body[i]!];
      }
      const shuffled = path.join(dir, 'acak.csv');
      fs.writeFileSync(shuffled, [lines[0], ...body].join('\n') + '\n');
      const token = other.adminToken;
      const me = await other.as(token, 'auth.me', {});
      const ref = await registerLocalFile(other.core, shuffled, me.id);
      const { jobId } = await other.as(token, 'applicants.import', { fileRef: ref.ref });
      expect((await other.core.jobs.wait(jobId)).state).toBe('done');
      const exRef = await registerLocalFile(other.core, path.join(dir, 'demo-exclusions.csv'), me.id);
      expect((await other.core.jobs.wait((await other.as(token, 'exclusions.import', { fileRef: exRef.ref })).jobId)).state).toBe('done');
      now = new Date('2026-01-02T00:00:00Z');
      await other.as(token, 'waves.create', waveInput(5, { quota: { national: QUOTA }, weights: WEIGHTS, opensOn: '2026-01-01', closesOn }, SEED));
      await other.as(token, 'waves.open', { number: 5 });
      now = new Date(`${closesOn}T18:00:00Z`);
      const t2 = (await other.as(undefined, 'auth.login', { username: 'admin', password: TEST_PASSWORD })).token;
      await other.as(t2, 'waves.close', { number: 5 });
      const job = await other.core.jobs.wait((await other.as(t2, 'waves.select', { number: 5, seed: SEED })).jobId);
      expect(job.state).toBe('done');
      const proofJob = await other.core.jobs.wait((await other.as(t2, 'waves.exportProof', { number: 5 })).jobId);
      const mine = await runJob<{ sha256: string }>(app, maya, () => app.as(maya, 'waves.exportProof', { number: 5 }));
      expect((proofJob.result as { sha256: string }).sha256).toBe(mine.sha256);
    } finally {
      await other.close();
    }
  });

  it('publishes: unique valid card numbers, the balance, and the participants screen as ALREADY_PARTICIPANT from the announcement date', async () => {
    const published = await runJob<{ participants: number; publishedOn: string }>(app, admin, () => app.as(admin, 'waves.publish', { number: 5 }));
    const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(published).toMatchObject({ participants: QUOTA, publishedOn: today });
    const participants = app.core.db.sqlite.prepare('SELECT * FROM participants ORDER BY card_number').all() as {
      card_number: string;
      balance: number;
      wave_number: number;
      published_on: string;
      registration_id: string;
      province_code: string;
    }[];
    expect(participants).toHaveLength(QUOTA);
    expect(new Set(participants.map((p) => p.card_number)).size).toBe(QUOTA);
    for (const p of participants) {
      expect(isValidCardNumber(p.card_number), p.card_number).toBe(true);
      expect(p.card_number.slice(0, 6)).toBe(`0005${p.province_code}`);
      expect(p).toMatchObject({ balance: 3_500_000, wave_number: 5, published_on: today });
    }
    // The members table shows the published participants, NIK masked for a manager.
    const page = await app.as(maya, 'waves.members', { number: 5, pageSize: 25 });
    expect(page.total).toBe(QUOTA);
    expect(page.rows[0]).toMatchObject({ seq: 1, provinceRank: 1, state: 'active', balance: 3_500_000 });
    expect(page.rows[0]!.nik).toMatch(/^\d{4}\*{8}\d{4}$/);
    const byCard = await app.as(rina, 'waves.members', { number: 5, q: participants[7]!.card_number });
    expect(byCard.rows.map((r) => r.registrationId)).toEqual([participants[7]!.registration_id]);
    expect(byCard.rows[0]!.nik).toMatch(/^\d{16}$/);

    // Re-screen as of the announcement date: each participant's own registration is ALREADY_PARTICIPANT, in the export too.
    const screening = await runJob<{ reasons: Record<string, number> }>(app, rina, () => app.as(rina, 'screening.run', { asOf: today }));
    expect(screening.reasons.ALREADY_PARTICIPANT).toBeGreaterThanOrEqual(QUOTA);
    const exported = await runJob<{ fileRef: string }>(app, rina, () => app.as(rina, 'screening.exportEligibility', { format: 'csv' }));
    const rows = parse((await download(exported, rina)).toString('utf8'), { columns: true, bom: true }) as { registration_id: string; status: string; reasons: string }[];
    const byId = new Map(rows.map((r) => [r.registration_id, r]));
    for (const p of participants) {
      expect(byId.get(p.registration_id)).toMatchObject({ status: 'ineligible', reasons: expect.stringMatching(/(^|;)ALREADY_PARTICIPANT$/) });
    }
    // A screening as of the day before the announcement does not count them yet.
    const before = await runJob<{ reasons: Record<string, number> }>(app, rina, () => app.as(rina, 'screening.run', { asOf: closesOn }));
    expect(before.reasons.ALREADY_PARTICIPANT).toBe(0);
    expect(verifyDatabase(app.core.db.sqlite).ok).toBe(true);
  });

  it('exports the selected list by province, as XLSX and CSV, NIK masked for a manager', async () => {
    const wave = await app.as(maya, 'waves.get', { number: 5 });
    const province = Object.entries(wave.result!.provinces).find(([, p]) => p.selected > 2)![0];
    const xlsx = await runJob<{ fileRef: string; rows: number }>(app, maya, () => app.as(maya, 'waves.exportSelection', { number: 5, format: 'xlsx', provinceCode: province }));
    expect(xlsx.rows).toBe(wave.result!.provinces[province]!.selected);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(xlsx, maya)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Gelombang 5');
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(['wave', 'province_code', 'province_name', 'rank', 'registration_id', 'nik', 'full_name', 'gender', 'employment_status', 'card_number', 'balance', 'published_on', 'status', 'revoked_at']);
    const second = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(second.slice(0, 4)).toEqual([5, province, expect.any(String), 1]);
    expect(String(second[5])).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(String(second[9])).toMatch(/^0005\d{12}$/);
    expect(second[10]).toBe(3_500_000);
    const csv = await runJob<{ fileRef: string; rows: number }>(app, rina, () => app.as(rina, 'waves.exportSelection', { number: 5, format: 'csv' }));
    const all = parse((await download(csv, rina)).toString('utf8'), { columns: true, bom: true }) as { province_code: string; rank: string; nik: string; status: string }[];
    expect(all).toHaveLength(QUOTA);
    expect(all.map((r) => r.province_code)).toEqual([...all.map((r) => r.province_code)].sort());
    expect(all[0]).toMatchObject({ rank: '1', status: 'active' });
    expect(all[0]!.nik).toMatch(/^\d{16}$/);
  });
});
