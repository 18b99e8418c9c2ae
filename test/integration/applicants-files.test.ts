import { afterEach, describe, expect, it } from 'vitest';
import { startHttpShell, type HttpShell } from '../../electron/server/http';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine } from '../helpers/applicants';

let app: TestApp;
let shell: HttpShell;
afterEach(async () => {
  await shell?.close();
  await app?.close();
});

describe('browser shell: file upload and download by reference', () => {
  it('uploads a file for the caller, imports it by fileRef, and lets only its owner download the rejects CSV', async () => {
    app = await createTestApp();
    shell = await startHttpShell(app.core, { maxUploadBytes: 10_000 });
    const body = `${HEADER}\n${applicantLine('H-1')}\n${applicantLine('H-2', { gender: 'X' })}\n`;
    const up = await fetch(`${shell.url}/api/upload?name=${encodeURIComponent('../pendaftar mei.csv')}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.adminToken}`, 'Content-Type': 'application/octet-stream' },
      body,
    });
    expect(up.status).toBe(200);
    const { value } = (await up.json()) as { value: { fileRef: string; fileName: string } };
    expect(value.fileName).toBe('pendaftar mei.csv');
    expect(value.fileRef).toMatch(/^[0-9a-f]{32}$/);

    const { jobId } = await app.as(app.adminToken, 'applicants.import', { fileRef: value.fileRef });
    const job = await app.core.jobs.wait(jobId);
    expect(job.result).toMatchObject({ inserted: 1, rejected: 1, fileName: 'pendaftar mei.csv' });

    const { fileRef } = await app.as(app.adminToken, 'imports.rejectsCsv', { id: (job.result as { runId: number }).runId });
    const down = await fetch(`${shell.url}/api/download/${fileRef}`, { headers: { Authorization: `Bearer ${app.adminToken}` } });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-disposition')).toMatch(/attachment/);
    const bytes = Buffer.from(await down.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^row,column,reason,value\n3,gender,/);

    const reviewer = await app.userToken('reviewer', 'reviewer');
    const other = await fetch(`${shell.url}/api/download/${fileRef}`, { headers: { Authorization: `Bearer ${reviewer}` } });
    expect(other.status).toBe(404);
    const anon = await fetch(`${shell.url}/api/download/${fileRef}`);
    expect(anon.status).toBe(401);
  });

  it('refuses uploads without a session or over the size limit', async () => {
    app = await createTestApp();
    shell = await startHttpShell(app.core, { maxUploadBytes: 100 });
    const anon = await fetch(`${shell.url}/api/upload?name=a.csv`, { method: 'POST', body: 'x' });
    expect(anon.status).toBe(401);
    const big = await fetch(`${shell.url}/api/upload?name=a.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.adminToken}` },
      body: 'x'.repeat(1000),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/a\.csv terlalu besar/);
  });
});
