import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCatalog } from '../../electron/core/demo/catalog';
import { demoEnrollments } from '../../electron/core/demo/enrollments';
import { demoInvoices } from '../../electron/core/demo/invoice-plan';
import type { DemoSeedOutcome } from '../../electron/core/demo/seed-job';
import { seedDemo, waveQuota } from '../../electron/core/demo/seed';
import { demoTimeline } from '../../electron/core/demo/timeline';
import { LINE_STATUSES } from '../../shared/reconciliation';
import { DEFAULT_BALANCE, addDays, isValidCardNumber } from '../../shared/waves';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';
import { runCliCaptured } from '../helpers/cli';
import { runJob, sha256Hex, waveInput } from '../helpers/waves';

let app: TestApp;
afterEach(async () => app?.close());

const SLOW = 180_000;
const count = (app: TestApp, sql: string, ...params: unknown[]) => app.core.db.sqlite.prepare(sql).pluck().get(...params) as number;

describe('demo.seed', () => {
  it('is for admins only, on an empty database, within the size bounds', async () => {
    app = await createTestApp();
    const reviewer = await app.userToken('rina', 'reviewer');
    const manager = await app.userToken('budi', 'manager');
    await expect(app.as(reviewer, 'demo.seed', { applicants: 1000 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(manager, 'demo.seed', { applicants: 1000 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(app.adminToken, 'demo.seed', { applicants: 10 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.as(app.adminToken, 'demo.seed', { applicants: 200_001 })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(app.core.jobs.list(null)).toEqual([]);

    // An empty register with a wave already made: the demo's own wave 1 would collide with it.
    await app.as(reviewer, 'waves.create', waveInput(7));
    await expect(app.as(app.adminToken, 'demo.seed', { applicants: 1000 })).rejects.toThrow(/basis data ini sudah berisi 1 gelombang/);

    expect((await importFile(app, reviewer, tempFile('p.csv', `${HEADER}\n${applicantLine('R-1')}\n`))).state).toBe('done');
    const refused = app.as(app.adminToken, 'demo.seed', { applicants: 1000 });
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(refused).rejects.toThrow(/sudah berisi 1 pendaftar/);
    expect(count(app, 'SELECT count(*) FROM applicants')).toBe(1);
    expect(app.core.jobs.list(null).map((j) => j.kind)).toEqual(['import.applicants']);
  });

  it(
    'builds the whole programme through the ordinary paths: a published wave, an open one, catalog, purchases, invoices',
    async () => {
      app = await createTestApp();
      const { jobId } = await app.as(app.adminToken, 'demo.seed', { applicants: 1000, seed: 'uji' });
      const job = await app.core.jobs.wait(jobId);
      expect(job.state, JSON.stringify(job.error)).toBe('done');
      const r = job.result as DemoSeedOutcome;
      const R = r.referenceDate;
      expect(r).toMatchObject({ seed: 'uji', applicants: { rows: 1000, inserted: 1000, rejected: 0 }, exclusions: { rejected: 0 } });
      expect(r.steps.map((s) => s.step)).toHaveLength(12);

      // Wave 1: published 20 days before the reference date, a tenth of the register selected, cards and balances.
      const [w1, w2] = r.waves;
      expect(w1).toMatchObject({ number: 1, status: 'published', seed: 'uji-gelombang-1', seedCommitment: sha256Hex('uji-gelombang-1'), publishedOn: addDays(R, -20), closesOn: addDays(R, -22), quota: waveQuota(1000) });
      expect(w1!.pool!).toBeGreaterThan(w1!.quota);
      expect(w1!.participants).toBe(100);
      const wave1 = await app.as(app.adminToken, 'waves.get', { number: 1 });
      expect(wave1).toMatchObject({ status: 'published', seed: 'uji-gelombang-1', publishedOn: addDays(R, -20), participants: { total: 100, active: 100, revoked: 0 } });
      const participants = app.core.db.sqlite.prepare('SELECT card_number, balance, published_on FROM participants WHERE wave_number = 1').all() as { card_number: string; balance: number; published_on: string }[];
      expect(participants).toHaveLength(100);
      for (const p of participants) {
        expect(isValidCardNumber(p.card_number), p.card_number).toBe(true);
        expect(p).toMatchObject({ balance: DEFAULT_BALANCE, published_on: addDays(R, -20) });
      }
      // Wave 2: open, its registration running past the reference date.
      expect(w2).toMatchObject({ number: 2, status: 'open', seed: 'uji-gelombang-2', seedCommitment: sha256Hex('uji-gelombang-2'), publishedOn: null, participants: 0 });
      expect(w2!.closesOn > R).toBe(true);
      expect(w1!.name).toMatch(/^Gelombang (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)/);
      expect((await app.as(app.adminToken, 'waves.get', { number: 2 })).status).toBe('open');

      // Anyone with the documented seed re-checks wave 1 from its exported proof.
      const dir = path.dirname(app.dbPath);
      const proof = path.join(dir, 'bukti-1.csv');
      const cli = (...args: string[]) => runCliCaptured(['--db', app.dbPath, '--json', '--user', 'admin', ...args]);
      expect((await cli('export', 'wave-proof', '--wave', '1', '--out', proof)).json()).toMatchObject({ rows: w1!.pool });
      expect((await cli('wave', 'verify', '1', '--proof', proof, '--seed', w1!.seed)).json()).toMatchObject({ match: true, ok: true, wave: 1, rows: w1!.pool });
      expect((await cli('wave', 'verify', '1', '--proof', proof, '--seed', 'uji-gelombang-2')).json()).toMatchObject({ match: false });

      // Catalog and purchases: after the announcement, before the reference date; nobody past the deadline yet.
      expect(r.catalog).toMatchObject({ institutions: { inserted: 6, rejected: 0 }, trainings: { inserted: 20, rejected: 0 } });
      expect(count(app, 'SELECT count(*) FROM institutions')).toBe(6);
      expect(count(app, 'SELECT count(*) FROM trainings')).toBe(20);
      const e = r.enrollments;
      expect(e).toMatchObject({ rejected: 0, inserted: e.enrollments });
      expect(count(app, 'SELECT count(*) FROM enrollments')).toBe(e.enrollments);
      expect(e.participantsWithPurchase).toBeGreaterThan(80);
      expect(e.completed).toBeGreaterThan(e.enrollments / 2);
      expect(e.cancelled).toBeGreaterThan(0);
      expect(e.inProgress).toBeGreaterThan(0);
      const span = app.core.db.sqlite
        .prepare('SELECT min(purchased_at) AS firstPurchase, max(coalesce(completed_at, cancelled_at, purchased_at)) AS lastActivity, count(certificate_no) AS certificates FROM enrollments')
        .get() as { firstPurchase: string; lastActivity: string; certificates: number };
      expect(span.firstPurchase >= `${addDays(R, -20)}T02:00:00.000Z`).toBe(true); // after the 09:00 WIB announcement
      expect(span.lastActivity < `${R}T00:00:00+07:00`).toBe(true);
      expect(span.certificates).toBe(e.completed - e.completedWithoutCertificate);
      expect(await app.as(app.adminToken, 'participants.expiryPreview', { asOf: R })).toMatchObject({ due: 0 });
      expect(await app.as(app.adminToken, 'participants.expiryPreview', { asOf: addDays(R, 11) })).toMatchObject({ due: e.participantsWithoutPurchase });

      // Invoices: A reconciled by the seeding admin as designed and waiting for a second user; B and C imported.
      const invoices = await app.as(app.adminToken, 'invoices.list', {});
      expect(invoices.rows.map((i) => [i.invoiceNo, i.status]).sort()).toEqual([
        ['INV-' + R.slice(0, 4) + '-0001', 'reconciled'],
        ['INV-' + R.slice(0, 4) + '-0002', 'imported'],
        ['INV-' + R.slice(0, 4) + '-0003', 'imported'],
      ]);
      const [a, b, c] = r.invoices.invoices;
      expect(r.invoices.rejected).toBe(0);
      const detailA = await app.as(app.adminToken, 'invoices.get', { invoiceNo: a!.invoiceNo });
      expect(detailA).toMatchObject({ status: 'reconciled', reconciledBy: 'admin', decidedBy: null, lines: a!.lines });
      const statusesA = Object.fromEntries(Object.entries(detailA.statuses!).filter(([, n]) => n > 0));
      expect(statusesA).toEqual(a!.expected);
      for (const s of ['DUPLICATE_LINE', 'UNKNOWN_ENROLLMENT', 'CANCELLED', 'NOT_COMPLETED', 'AMOUNT_MISMATCH'] as const) expect(statusesA[s], s).toBeGreaterThan(0);
      expect(statusesA.MATCHED).toBeGreaterThan(a!.lines / 2);
      expect(detailA.approvedAmount! + detailA.disputedAmount!).toBe(detailA.claimedAmount);

      // The maker may not approve; a second (finance) user may: nothing is stale.
      await expect(app.as(app.adminToken, 'invoices.approve', { invoiceNo: a!.invoiceNo })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const finance = await app.userToken('sari', 'finance');
      expect(await app.as(finance, 'invoices.staleness', { invoiceNo: a!.invoiceNo })).toMatchObject({ changedLines: 0 });

      // The un-reconciled ones get the statuses they were built for, once a clerk reconciles them.
      for (const inv of [b!, c!]) {
        const out = await runJob<{ statuses: Record<string, number> }>(app, finance, () => app.as(finance, 'invoices.reconcile', { invoiceNo: inv.invoiceNo }));
        expect(Object.fromEntries(Object.entries(out.statuses).filter(([, n]) => n > 0)), inv.invoiceNo).toEqual(inv.expected);
      }
      expect(c!.expected.ALREADY_BILLED).toBe(1);
      expect(Object.keys(b!.expected).length).toBeGreaterThanOrEqual(4);

      // Everything audited as the admin, the wave steps through local sessions of origin "demo"; the chain holds.
      const actions = app.core.db.sqlite.prepare(`SELECT action, count(*) AS n FROM audit_log WHERE username = 'admin' GROUP BY action`).all() as { action: string; n: number }[];
      expect(Object.fromEntries(actions.map((x) => [x.action, x.n]))).toMatchObject({
        'applicants.import': 1,
        'exclusions.import': 1,
        'wave.create': 2,
        'wave.open': 2,
        'wave.close': 1,
        'wave.select': 1,
        'wave.publish': 1,
        'institutions.import': 1,
        'trainings.import': 1,
        'enrollments.import': 1,
        'invoices.import': 1,
        'invoice.reconcile': 1,
      });
      expect(count(app, `SELECT count(*) FROM audit_log WHERE action = 'auth.local_session' AND json_extract(after_json, '$.origin') = 'demo'`)).toBe(3);
      expect(count(app, 'SELECT count(*) FROM sessions WHERE user_id = 1')).toBe(1); // only the test's own login: the demo's sessions are closed
      const verify = await runCliCaptured(['--db', app.dbPath, '--json', 'db', 'verify']);
      expect(verify.code, verify.stdout).toBe(0);
      expect(verify.json()).toMatchObject({ ok: true });

      // A second seed would mix two programmes: refused.
      await expect(app.as(app.adminToken, 'demo.seed', { applicants: 1000 })).rejects.toMatchObject({ code: 'CONFLICT' });
    },
    SLOW,
  );

  it('prakerja-office demo seed: the DESIGN 7 command, its JSON keys kept and grown, its text naming the seed to verify with', async () => {
    app = await createTestApp();
    const json = await runCliCaptured(['--db', app.dbPath, '--json', '--user', 'admin', 'demo', 'seed', '--applicants', '1000', '--seed', 'teks']);
    expect(json.code, json.stderr).toBe(0);
    const out = json.json();
    expect(Object.keys(out)).toEqual(['seed', 'referenceDate', 'applicants', 'exclusions', 'waves', 'catalog', 'enrollments', 'invoices', 'seconds', 'steps', 'total']);
    expect(out).toMatchObject({ seed: 'teks', total: 1000, waves: [{ number: 1, status: 'published', seed: 'teks-gelombang-1' }, { number: 2, status: 'open' }] });

    const other = await createTestApp();
    try {
      const text = await runCliCaptured(['--db', other.dbPath, '--user', 'admin', 'demo', 'seed', '--applicants', '1000', '--seed', 'teks']);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/Gelombang 1 diumumkan \d{4}-\d{2}-\d{2}: 100 peserta dari pool \d+ \(kuota 100\)/);
      expect(text.stdout).toContain('wave verify 1 --proof bukti.csv --seed teks-gelombang-1');
      expect(text.stdout).toMatch(/Tagihan INV-\d{4}-0001 .* direkonsiliasi: .*MATCHED.*Menunggu persetujuan pengguna keuangan lain\./);
      // The same seed gives the same programme: the same participants, purchases and invoice lines.
      const rows = (a: TestApp, sql: string) => a.core.db.sqlite.prepare(sql).all();
      for (const sql of [
        'SELECT nik, card_number FROM participants ORDER BY card_number',
        'SELECT enrollment_id, nik, training_id, price_paid, purchased_at, completed_at, certificate_no, cancelled_at FROM enrollments ORDER BY enrollment_id',
        'SELECT line_no, enrollment_id, nik, amount FROM invoice_lines ORDER BY invoice_id, line_no',
      ]) {
        expect(rows(other, sql), sql).toEqual(rows(app, sql));
      }
    } finally {
      await other.close();
    }
  }, SLOW);

  it('names the step that failed and says the earlier steps stay', async () => {
    app = await createTestApp();
    // A wave 1 made behind the empty-database check's back: the demo's fourth step collides with it.
    await app.as(app.adminToken, 'waves.create', waveInput(1));
    const messages: string[] = [];
    const failed = seedDemo(app.dbPath, { applicants: 1000, seed: 'gagal', owner: { userId: 1, username: 'admin' }, progress: (_d, _t, m) => m && messages.push(m) });
    await expect(failed).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(failed).rejects.toThrow(/^Data demo gagal pada langkah 4 dari 12 \(Membuat dan membuka gelombang 1\): Gelombang 1 sudah ada\. Data dari langkah sebelumnya sudah tersimpan/);
    expect([...new Set(messages)]).toEqual([
      'Langkah 1 dari 12: Membuat berkas data demo…',
      'Langkah 2 dari 12: Mengimpor pendaftar demo…',
      'Langkah 3 dari 12: Mengimpor daftar pengecualian demo…',
      'Langkah 4 dari 12: Membuat dan membuka gelombang 1…',
    ]);
    expect(count(app, 'SELECT count(*) FROM applicants')).toBe(1000);
    expect(count(app, 'SELECT count(*) FROM waves')).toBe(1);
  });

  it('makes the same catalog, purchases and invoices from the same seed, and others from another', () => {
    const timeline = demoTimeline('2026-05-10');
    const participants = Array.from({ length: 300 }, (_, i) => ({ nik: String(3201010101900000 + i), cardNumber: String(i).padStart(16, '0'), balance: DEFAULT_BALANCE }));
    const build = (seed: string) => {
      const catalog = demoCatalog(seed);
      const { rows } = demoEnrollments(seed, participants, catalog, timeline);
      return { catalog, rows, invoices: demoInvoices(seed, rows, catalog, timeline) };
    };
    const one = build('sama');
    expect(build('sama')).toEqual(one);
    expect(build('lain').catalog).not.toEqual(one.catalog);
    expect(one.catalog.trainings.every((t) => t.price >= 300_000 && t.price <= 1_000_000 && t.price % 50_000 === 0)).toBe(true);
    // Every purchase within the balance, after the announcement and before the reference date.
    const spent = new Map<string, number>();
    for (const e of one.rows) if (e.cancelledAt === null) spent.set(e.nik, (spent.get(e.nik) ?? 0) + e.pricePaid);
    expect(Math.max(...spent.values())).toBeLessThanOrEqual(DEFAULT_BALANCE);
    expect(one.rows.every((e) => e.purchasedAt.slice(0, 10) >= timeline.purchases.first && e.purchasedAt.slice(0, 10) <= timeline.purchases.last)).toBe(true);
    expect(one.rows.every((e) => (e.completedAt ?? e.cancelledAt ?? e.purchasedAt) < `${timeline.reference}`)).toBe(true);
    // Every status the plan claims is one of DESIGN 3.4's.
    for (const inv of one.invoices) for (const s of Object.keys(inv.expected)) expect(LINE_STATUSES).toContain(s);
  });
});
