import { afterEach, beforeAll, describe, expect, it, afterAll } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';
import { planView } from '../../electron/core/applicants/list-query';

let app: TestApp;
let reviewer: string;
let manager: string;
const NOW = new Date('2026-05-10T03:00:00Z');

beforeAll(async () => {
  app = await createTestApp({ now: () => NOW });
  reviewer = await app.userToken('reviewer', 'reviewer');
  manager = await app.userToken('manajer', 'manager');
  const lines = [
    applicantLine('L-01', { full_name: 'José Pérez', nik: '3273010101900001', gender: 'L', birth_date: '1990-01-01', registered_at: '2026-05-01T23:30:00+07:00', kk: '3273010000000077' }),
    applicantLine('L-02', { full_name: 'Siti Aminah', birth_date: '2008-05-10', registered_at: '2026-05-02T00:30:00+07:00', kk: '3273010000000077' }),
    applicantLine('L-03', { full_name: 'Siti Nurhaliza', birth_date: '2008-05-11', province_code: '31', regency_code: '3171', employment_status: 'employed', education: 'SMA' }),
    applicantLine('L-04', { full_name: 'Budi Santoso', nik: '3273015505900001', gender: 'L', birth_date: '1961-05-10', registered_at: '2026-05-03T01:15:00Z' }),
    applicantLine('L-05', { full_name: 'Dewi Sartika', birth_date: '1961-05-11', registered_at: '2026-05-03T08:15:00+07:00', test_score: '' }),
  ];
  await importFile(app, app.adminToken, tempFile('list.csv', `${HEADER}\n${lines.join('\n')}\n`));
});
afterAll(async () => app?.close());
afterEach(() => {});

const ids = (r: { rows: { registrationId: string }[] }) => r.rows.map((x) => x.registrationId);

describe('applicants.list', () => {
  it('sorts by any column both ways, with a stable tie-break', async () => {
    expect(ids(await app.as(app.adminToken, 'applicants.list', { sortField: 'fullName' }))).toEqual(['L-04', 'L-05', 'L-01', 'L-02', 'L-03']);
    expect(ids(await app.as(app.adminToken, 'applicants.list', { sortField: 'birthDate', sortDir: 'desc' }))).toEqual(['L-03', 'L-02', 'L-01', 'L-05', 'L-04']);
    const byTime = await app.as(app.adminToken, 'applicants.list', { sortField: 'registeredAt' });
    // 2026-05-03T01:15:00Z and 2026-05-03T08:15:00+07:00 are the same instant: the id breaks the tie.
    expect(ids(byTime).slice(-2)).toEqual(['L-04', 'L-05']);
    expect(byTime.rows[3]!.registeredAt).toBe(byTime.rows[4]!.registeredAt);
    expect(ids(await app.as(app.adminToken, 'applicants.list', { sortField: 'testScore', sortDir: 'asc' }))[0]).toBe('L-05');
  });

  it('filters by region, gender, status, education, age as of today and Jakarta registration days', async () => {
    const list = (f: object) => app.as(app.adminToken, 'applicants.list', { sortField: 'registrationId', ...f }).then(ids);
    expect(await list({ provinceCode: '31' })).toEqual(['L-03']);
    expect(await list({ regencyCode: '3273' })).toEqual(['L-01', 'L-02', 'L-04', 'L-05']);
    expect(await list({ gender: 'L' })).toEqual(['L-01', 'L-04']);
    expect(await list({ employmentStatus: 'employed', education: 'SMA' })).toEqual(['L-03']);
    // Today in Jakarta is 2026-05-10: L-02 turns 18 today, L-03 tomorrow; L-04 turns 65 today.
    expect(await list({ ageMin: 18, ageMax: 64 })).toEqual(['L-01', 'L-02', 'L-05']);
    expect(await list({ ageMax: 17 })).toEqual(['L-03']);
    // 2026-05-01T23:30+07 is 1 May in Jakarta although 16:30Z; 2 May 00:30+07 is 1 May 17:30Z but 2 May in Jakarta.
    expect(await list({ registeredFrom: '2026-05-01', registeredTo: '2026-05-01' })).toEqual(['L-01']);
    expect(await list({ registeredFrom: '2026-05-02', registeredTo: '2026-05-02' })).toEqual(['L-02']);
    const r = await app.as(app.adminToken, 'applicants.list', { gender: 'P', pageSize: 2 });
    expect(r).toMatchObject({ total: 3, totalExact: true });
  });

  it('quick search: exact NIK, exact registration id, or name prefixes ignoring case and accents', async () => {
    const q = (text: string) => app.as(app.adminToken, 'applicants.list', { q: text, sortField: 'registrationId' }).then(ids);
    expect(await q('3273010101900001')).toEqual(['L-01']);
    expect(await q('L-04')).toEqual(['L-04']);
    expect(await q('jose')).toEqual(['L-01']);
    expect(await q('PÉR')).toEqual(['L-01']);
    expect(await q('siti')).toEqual(['L-02', 'L-03']);
    expect(await q('siti nur')).toEqual(['L-03']);
    expect(await q('tidak-ada-siapa-pun')).toEqual([]);
  });

  it('pages deep with offset, from the end, and by keyset cursor, all agreeing', async () => {
    const all = ids(await app.as(app.adminToken, 'applicants.list', { sortField: 'fullName', pageSize: 5 }));
    const pages: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const r = await app.as(app.adminToken, 'applicants.list', { sortField: 'fullName', pageSize: 1, page, cursor });
      pages.push(...ids(r));
      cursor = r.cursor ?? undefined;
    }
    expect(pages).toEqual(all);
    for (let page = 0; page < 5; page++) {
      expect(ids(await app.as(app.adminToken, 'applicants.list', { sortField: 'fullName', pageSize: 1, page }))).toEqual([all[page]]);
    }
    expect(ids(await app.as(app.adminToken, 'applicants.list', { sortField: 'fullName', pageSize: 2, page: 2 }))).toEqual([all[4]]);
    expect(ids(await app.as(app.adminToken, 'applicants.list', { sortField: 'fullName', pageSize: 2, page: 9 }))).toEqual([]);
  });

  it('filtered views page the same by offset, from the end and by cursor, whether read by index range or by a cached order', async () => {
    for (const view of [{ gender: 'P', sortField: 'registeredAt' }, { employmentStatus: 'unemployed', sortField: 'registeredAt', sortDir: 'desc' }, { gender: 'P', ageMin: 18, sortField: 'registeredAt' }, { regencyCode: '3273', sortField: 'birthDate' }] as const) {
      const whole = await app.as(app.adminToken, 'applicants.list', { ...view, pageSize: 50 });
      const all = ids(whole);
      let cursor: string | undefined;
      for (let page = 0; page < all.length; page++) {
        const stepped = await app.as(app.adminToken, 'applicants.list', { ...view, pageSize: 1, page, cursor });
        expect(ids(stepped)).toEqual([all[page]]);
        expect(stepped.total).toBe(whole.total);
        cursor = stepped.cursor ?? undefined;
        expect(ids(await app.as(app.adminToken, 'applicants.list', { ...view, pageSize: 1, page }))).toEqual([all[page]]);
      }
    }
  });

  it('reads a view by index range only where the index gives the order (sort column, id) with every filter before it', () => {
    expect(planView({}, 'registered_at')).toEqual({ kind: 'range', index: 'applicants_registered' });
    expect(planView({ provinceCode: '35' }, 'full_name')).toEqual({ kind: 'range', index: 'applicants_province_name' });
    expect(planView({ gender: 'P' }, 'registered_at')).toEqual({ kind: 'range', index: 'applicants_gender_registered' });
    expect(planView({ registeredFrom: '2026-03-10' }, 'registered_at').kind).toBe('range');
    // (gender, registered_at, id, birth_date) holds the age but is ordered by registered_at, not by gender then id.
    expect(planView({ gender: 'P', ageMin: 18 }, 'registered_at')).toEqual({ kind: 'materialize', index: 'applicants_gender_registered' });
    expect(planView({}, 'gender').kind).toBe('materialize');
    expect(planView({}, 'province_code').kind).toBe('materialize');
    expect(planView({ provinceCode: '33', education: 'SMA' }, 'registration_id')).toEqual({ kind: 'materialize', index: null });
  });

  it('masks NIK and KK for managers in list and detail; reviewers and admins see them whole', async () => {
    const m = await app.as(manager, 'applicants.list', { q: 'L-01' });
    expect(m.rows[0]).toMatchObject({ nik: '3273********0001', kk: '3273********0077' });
    const md = await app.as(manager, 'applicants.get', { registrationId: 'L-01' });
    expect(md).toMatchObject({ nik: '3273********0001', nikMasked: true });
    expect(md.family).toEqual([expect.objectContaining({ registrationId: 'L-02', nik: '3273********0001' })]);
    expect(JSON.stringify(md)).not.toContain('3273010101900001');
    // The manager's exact-NIK search still works, without echoing the NIK.
    expect(ids(await app.as(manager, 'applicants.list', { q: '3273010101900001' }))).toEqual(['L-01']);
    const r = await app.as(reviewer, 'applicants.get', { registrationId: 'L-01' });
    expect(r).toMatchObject({ nik: '3273010101900001', nikMasked: false });
  });

  it('detail decodes the NIK with region names and hints where it disagrees', async () => {
    const d = await app.as(app.adminToken, 'applicants.get', { registrationId: 'L-04' });
    expect(d.nikDecoded).toMatchObject({ valid: true, provinceName: 'Jawa Barat', regencyName: 'Kota Bandung', birthDate: '1990-05-15', sex: 'P' });
    expect(d.hints.join(' ')).toMatch(/Tanggal lahir menurut NIK/);
    expect(d.hints.join(' ')).toMatch(/NIK menunjukkan perempuan/);
    expect(d.provinceName).toBe('Jawa Barat');
    const ok = await app.as(app.adminToken, 'applicants.get', { registrationId: 'L-01' });
    expect(ok.hints).toEqual([]);
    expect(ok.history[0]).toMatchObject({ action: 'applicants.import', username: 'admin' });
    await expect(app.as(app.adminToken, 'applicants.get', { registrationId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
