import { afterEach, describe, expect, it } from 'vitest';
import type { DemoSeedResult } from '../../shared/api/demo';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';

let app: TestApp;
afterEach(async () => app?.close());

describe('demo.seed', () => {
  it('is for admins only, on an empty register, within the size bounds', async () => {
    app = await createTestApp();
    const reviewer = await app.userToken('rina', 'reviewer');
    const manager = await app.userToken('budi', 'manager');
    await expect(app.as(reviewer, 'demo.seed', { applicants: 1000 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(manager, 'demo.seed', { applicants: 1000 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.as(app.adminToken, 'demo.seed', { applicants: 10 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.as(app.adminToken, 'demo.seed', { applicants: 200_001 })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(app.core.jobs.list(null)).toEqual([]);

    expect((await importFile(app, reviewer, tempFile('p.csv', `${HEADER}\n${applicantLine('R-1')}\n`))).state).toBe('done');
    const refused = app.as(app.adminToken, 'demo.seed', { applicants: 1000 });
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(refused).rejects.toThrow(/sudah berisi 1 pendaftar/);
    expect(app.core.db.sqlite.prepare('SELECT count(*) FROM applicants').pluck().get()).toBe(1);
  });

  it('imports the generated register through the ordinary import, audited as the admin', async () => {
    app = await createTestApp();
    const { jobId } = await app.as(app.adminToken, 'demo.seed', { applicants: 1000, seed: 'uji' });
    const job = await app.core.jobs.wait(jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    const r = job.result as DemoSeedResult;
    expect(r).toMatchObject({ seed: 'uji', applicants: { rows: 1000, inserted: 1000, rejected: 0 }, exclusions: { rejected: 0 } });
    expect(r.exclusions.inserted).toBeGreaterThan(0);
    const sqlite = app.core.db.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM applicants').pluck().get()).toBe(1000);
    const audits = sqlite.prepare(`SELECT action, username, json_extract(after_json, '$.fileName') AS file FROM audit_log WHERE action LIKE '%.import' ORDER BY id`).all();
    expect(audits).toEqual([
      { action: 'applicants.import', username: 'admin', file: 'demo-applicants.csv' },
      { action: 'exclusions.import', username: 'admin', file: 'demo-exclusions.csv' },
    ]);
    // A second seed would mix two registers: refused.
    await expect(app.as(app.adminToken, 'demo.seed', { applicants: 1000 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
