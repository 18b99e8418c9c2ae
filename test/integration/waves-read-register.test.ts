import { afterEach, describe, expect, it } from 'vitest';
import { readRegisterUntil, storedInstantMs } from '../../electron/core/screening/read-register';
import { canonicalInstantMs } from '../../electron/core/screening/register-chunks';
import { readRegisterInParallel } from '../../electron/core/waves/register-reader';
import { selectionHasher } from '../../shared/selection';
import { REASON_BIT, instantMs, screen, type RegistrationColumns } from '../../shared/eligibility';
import { openSqlite } from '../../electron/core/db/connection';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';

let app: TestApp;
afterEach(async () => app?.close());

/** What the fast reader must equal: a plain row-by-row SELECT. */
function plain(cutoff: string) {
  const rows = app.core.db.sqlite
    .prepare('SELECT registration_id, nik, kk, birth_date, gender, registered_at, province_code, employment_status, id, version FROM applicants WHERE registered_at <= ? ORDER BY id')
    .all(cutoff) as Record<string, string | number>[];
  return rows.map((r) => ({ ...r, registered_at: instantMs(r.registered_at as string) }));
}

function fast(cutoff: string) {
  return rows(readRegisterUntil(app.core.db.sqlite, cutoff));
}

function rows(reg: ReturnType<typeof readRegisterUntil>) {
  const c = reg.columns;
  return c.registration_id.map((id, i) => ({
    registration_id: id,
    nik: c.nik[i],
    kk: c.kk[i],
    birth_date: c.birth_date[i],
    gender: c.gender[i],
    registered_at: c.registered_at[i],
    province_code: reg.provinceCode[i],
    employment_status: reg.employmentStatus[i],
    id: reg.ids[i],
    version: reg.versions[i],
  }));
}

/** The four rules about a registration itself, as screen() works them out from the columns. */
function ownRules(columns: RegistrationColumns, asOf: string) {
  const own = REASON_BIT.NIK_INVALID | REASON_BIT.NIK_MISMATCH | REASON_BIT.UNDER_AGE | REASON_BIT.OVER_AGE;
  const s = screen({ registrations: columns, participants: [], exclusions: [] }, asOf);
  return { masks: Array.from(s.masks, (m) => m & own), nikDetail: Array.from(s.nikDetail) };
}

/** NIKs and birth dates around every edge of the rules: each kind of invalid NIK, each mismatch, ages 17–18 and 64–65. */
const RULE_CASES: Partial<Record<string, string>>[] = [
  {},
  { nik: '9973014101900001' }, // no such province
  { nik: '3273013213900001' }, // month 13
  { nik: '3273014101900000' }, // serial 0000
  { nik: '32730141019000x1' }, // not digits
  { nik: '327301410190001' }, // 15 digits
  { nik: '3273010101900001' }, // a man's NIK for a woman
  { nik: '3273014202900001', birth_date: '1990-01-02' }, // day and month disagree
  { nik: '3273014101080001', birth_date: '2008-01-01' }, // 18 on 2026-05-10
  { nik: '3273015105080001', birth_date: '2008-05-11' }, // 17, the birthday one day later
  { nik: '3273015005610001', birth_date: '1961-05-10' }, // 65 that day
  { nik: '3273015105610001', birth_date: '1961-05-11' }, // 64
];

/** A test app whose register holds the {@link RULE_CASES}, 20 of each; its connection. */
async function registerOfRuleCases() {
  app = await createTestApp();
  const lines = Array.from({ length: 240 }, (_, i) => applicantLine(`R-${i}`, RULE_CASES[i % RULE_CASES.length]));
  expect((await importFile(app, app.adminToken, tempFile('a.csv', `${HEADER}\n${lines.join('\n')}\n`))).state).toBe('done');
  return app.core.db.sqlite;
}

describe('reading the register for a pool', () => {
  it('equals a plain SELECT up to the cut-off, also when values hold the separators it joins rows with', async () => {
    app = await createTestApp();
    const lines = Array.from({ length: 300 }, (_, i) =>
      applicantLine(`R-${i}`, { nik: `327301410190${String(i + 1).padStart(4, '0')}`, registered_at: new Date(Date.UTC(2026, 4, 1) + i * 3_600_000 * 3).toISOString() }),
    );
    expect((await importFile(app, app.adminToken, tempFile('a.csv', `${HEADER}\n${lines.join('\n')}\n`))).state).toBe('done');
    const cutoff = '2026-05-20T16:59:59.999Z';
    expect(fast(cutoff)).toEqual(plain(cutoff));
    expect(fast(cutoff).length).toBeLessThan(300);
    // Values with U+001F / U+001E (the import does not forbid them), and a NIK that is not one: still exact.
    const s = app.core.db.sqlite;
    s.prepare(`UPDATE applicants SET registration_id = 'R-' || char(31) || 'x', version = version + 1 WHERE registration_id = 'R-3'`).run();
    s.prepare(`UPDATE applicants SET kk = 'a' || char(30) || 'b' || char(31) || 'c' WHERE registration_id = 'R-4'`).run();
    s.prepare(`UPDATE applicants SET nik = '12' WHERE registration_id = 'R-5'`).run();
    expect(fast(cutoff)).toEqual(plain(cutoff));
    expect(fast(cutoff).find((r) => r.id === 4)!.registration_id).toBe('R-\x1fx');
    expect(fast('2000-01-01T00:00:00.000Z')).toEqual([]);
  });

  it("has the reader thread work each registration's own rules out as screen() does, and give none when a chunk did not come apart", async () => {
    const s = await registerOfRuleCases();
    const cutoff = '2099-01-01T00:00:00.000Z';
    const readWithReader = async (asOf = '2026-05-10') => {
      s.exec('BEGIN');
      try {
        const read = await readRegisterInParallel(s, app.core.db.path, cutoff, 'benih', asOf, () => {});
        const rules = read.rowRules();
        read.hashes();
        await read.close();
        return { read, rules };
      } finally {
        s.exec('ROLLBACK');
      }
    };
    for (const asOf of ['2026-05-10', '2026-05-11', '2027-01-01']) {
      const { read, rules } = await readWithReader(asOf);
      expect(rules).not.toBeNull();
      expect(rules!.asOf).toBe(asOf);
      const own = ownRules(read.register.columns, asOf);
      expect({ masks: Array.from(rules!.masks), nikDetail: Array.from(rules!.nikDetail) }).toEqual(own);
      // Every rule shows up somewhere on the first date, so the comparison means something.
      if (asOf === '2026-05-10') for (const bit of [REASON_BIT.NIK_INVALID, REASON_BIT.NIK_MISMATCH, REASON_BIT.UNDER_AGE, REASON_BIT.OVER_AGE]) expect(own.masks.some((m) => m & bit)).toBe(true);
    }
    s.prepare(`UPDATE applicants SET registration_id = 'R-' || char(31) || 'x', version = version + 1 WHERE registration_id = 'R-3'`).run();
    expect((await readWithReader()).rules).toBeNull();
  });

  it('reads the same with the reader thread, which hashes every registration_id with the seed (also in a chunk it could not cut up)', async () => {
    app = await createTestApp();
    const lines = Array.from({ length: 300 }, (_, i) => applicantLine(`R-${i}`, { nik: `327301410190${String(i + 1).padStart(4, '0')}` }));
    expect((await importFile(app, app.adminToken, tempFile('a.csv', `${HEADER}\n${lines.join('\n')}\n`))).state).toBe('done');
    const s = app.core.db.sqlite;
    s.prepare(`UPDATE applicants SET registration_id = 'R-' || char(31) || 'x', version = version + 1 WHERE registration_id = 'R-3'`).run();
    const cutoff = '2099-01-01T00:00:00.000Z';
    const x = selectionHasher('benih');
    s.exec('BEGIN');
    try {
      const progress: number[] = [];
      const read = await readRegisterInParallel(s, app.core.db.path, cutoff, 'benih', '2026-05-10', (done) => progress.push(done));
      const hashes = read.hashes();
      await read.close();
      expect(rows(read.register)).toEqual(plain(cutoff));
      expect(progress.at(-1)).toBe(300);
      expect(Array.from(hashes)).toEqual(read.register.columns.registration_id.map((id) => x(id)));
      expect(read.register.columns.registration_id).toContain('R-\x1fx');
    } finally {
      s.exec('ROLLBACK');
    }
  });

  it('reads stored instants by arithmetic exactly as Date.parse does', () => {
    for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000 * 7 + 3_723_456) {
      const iso = new Date(t).toISOString();
      expect(storedInstantMs(`x${iso}y`, 1, 25)).toBe(Date.parse(iso));
    }
    expect(storedInstantMs('2024-02-29T23:59:59.999Z', 0, 24)).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
    // Anything else (an offset, no milliseconds) is read as instantMs reads it.
    expect(storedInstantMs('2026-05-03T08:15:00+07:00', 0, 25)).toBe(Date.parse('2026-05-03T01:15:00Z'));
    // A character just outside 0–9 ('/' and ':') in any digit's place is not the stored form.
    const stored = '2026-05-03T08:15:00.123Z';
    for (let i = 0; i < stored.length; i++) {
      if (!/[0-9]/.test(stored[i]!)) continue;
      for (const c of '/:') expect(canonicalInstantMs(stored.slice(0, i) + c + stored.slice(i + 1), 0, 24)).toBeNaN();
    }
    expect(canonicalInstantMs(stored, 0, 24)).toBe(Date.parse(stored));
  });

  it("never lets a selection commit on a register the reader saw differently: a commit between the job's snapshot and the reader's fails the job's write, or its count", async () => {
    app = await createTestApp();
    const lines = Array.from({ length: 50 }, (_, i) => applicantLine(`R-${i}`, { nik: `327301410190${String(i + 1).padStart(4, '0')}` }));
    expect((await importFile(app, app.adminToken, tempFile('a.csv', `${HEADER}\n${lines.join('\n')}\n`))).state).toBe('done');
    const cutoff = '2099-01-01T00:00:00.000Z';
    const job = openSqlite(app.core.db.path);
    try {
      // A change of a row: the counts agree, and the job's first write is refused as a stale snapshot.
      job.exec('BEGIN');
      job.prepare('SELECT count(*) FROM applicants').get();
      app.core.db.sqlite.prepare(`UPDATE applicants SET version = version + 1, full_name = 'Diubah' WHERE registration_id = 'R-7'`).run();
      const read = await readRegisterInParallel(job, app.core.db.path, cutoff, 'benih', '2026-05-10', () => {});
      await read.close();
      expect(read.register.versions[7]).toBe(2);
      expect(() => job.prepare('DELETE FROM wave_selections WHERE wave_id = -1').run()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY_SNAPSHOT' }));
      job.exec('ROLLBACK');

      // A new row: the reader sends more rows than the job counted, refused the same way before any work.
      job.exec('BEGIN');
      job.prepare('SELECT count(*) FROM applicants').get();
      expect((await importFile(app, app.adminToken, tempFile('b.csv', `${HEADER}\n${applicantLine('R-new', { nik: '3273014101900099' })}\n`))).state).toBe('done');
      await expect(readRegisterInParallel(job, app.core.db.path, cutoff, 'benih', '2026-05-10', () => {})).rejects.toMatchObject({ code: 'SQLITE_BUSY_SNAPSHOT' });
      job.exec('ROLLBACK');
    } finally {
      job.close();
    }
  });
});
