import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerLocalFile } from '../../electron/core/files/registry';
import type { TestApp } from './core';

export const HEADER = 'registration_id,nik,kk,full_name,birth_date,gender,phone,email,province_code,regency_code,education,employment_status,registered_at,test_score';

/** A valid applicants CSV line; override fields by name. */
export function applicantLine(id: string, over: Partial<Record<string, string>> = {}, sep = ','): string {
  const base: Record<string, string> = {
    registration_id: id,
    nik: '3273014101900001',
    kk: '3273010000000001',
    full_name: 'Siti Rahmawati',
    birth_date: '1990-01-01',
    gender: 'P',
    phone: '081234567890',
    email: 'siti@example.id',
    province_code: '32',
    regency_code: '3273',
    education: 'S1',
    employment_status: 'unemployed',
    registered_at: '2026-05-03T08:15:00+07:00',
    test_score: '80',
    ...over,
  };
  return HEADER.split(',').map((c) => base[c] ?? '').join(sep);
}

export function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-import-')), name);
  fs.writeFileSync(file, content);
  return file;
}

/** Registers a local file for the user behind token, starts the import and waits for its job. */
export async function importFile(app: TestApp, token: string, file: string, kind: 'applicants' | 'exclusions' = 'applicants') {
  const me = await app.as(token, 'auth.me', {});
  const ref = await registerLocalFile(app.core, file, me.id);
  const { jobId } = await app.as(token, kind === 'applicants' ? 'applicants.import' : 'exclusions.import', { fileRef: ref.ref });
  return app.core.jobs.wait(jobId);
}

export function tableState(app: TestApp) {
  const s = app.core.db.sqlite;
  return {
    applicants: s.prepare('SELECT * FROM applicants ORDER BY id').all(),
    exclusions: s.prepare('SELECT * FROM exclusions ORDER BY id').all(),
    runs: (s.prepare('SELECT count(*) AS n FROM import_runs').get() as { n: number }).n,
    audit: (s.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
    fts: (s.prepare('SELECT count(*) AS n FROM applicants_fts').get() as { n: number }).n,
  };
}
