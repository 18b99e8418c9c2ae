import { afterEach, describe, expect, it } from 'vitest';
import { readRegisterUntil } from '../../electron/core/waves/read-register';
import { instantMs } from '../../shared/eligibility';
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
  const reg = readRegisterUntil(app.core.db.sqlite, cutoff);
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
});
