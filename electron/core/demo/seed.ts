import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../app';
import { runImport, type ImportResult } from '../applicants/import/run-import';
import { writeDemoCsvs } from './csv-files';

export interface SeedOptions {
  applicants: number;
  seed: string | number;
  /** `YYYY-MM-DD`; default today in Asia/Jakarta (from `now`). Ages and registration weeks hang on it. */
  referenceDate?: string;
  now?: () => Date;
  owner?: { userId: number | null; username: string | null };
  progress?: (done: number, total: number | null, message?: string) => void;
  checkCancelled?: () => void;
}

export interface SeedResult {
  referenceDate: string;
  applicants: ImportResult;
  exclusions: ImportResult;
}

/**
 * `demo seed`: writes the demo CSVs to a temporary folder and imports them through the ordinary
 * applicant and exclusion import (validation, audit and all), then removes the folder.
 */
export async function seedDemo(target: Core | string, opts: SeedOptions): Promise<SeedResult> {
  const dbPath = typeof target === 'string' ? target : target.db.path;
  const now = opts.now ?? (() => new Date());
  const referenceDate = opts.referenceDate ?? new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'prakerja-demo-'));
  try {
    opts.progress?.(0, null, 'Membuat data demo…');
    const files = await writeDemoCsvs(dir, { count: opts.applicants, seed: opts.seed, referenceDate });
    opts.checkCancelled?.();
    // Each import reports its own rows; the step it is in says which file they belong to.
    const ctx = (step: string) => ({
      dbPath,
      owner: opts.owner ?? { userId: null, username: null },
      progress: (done: number, total: number | null) => opts.progress?.(done, total, step),
      checkCancelled: opts.checkCancelled ?? (() => {}),
      now,
    });
    const applicants = await runImport(ctx('Mengimpor pendaftar demo…'), { kind: 'applicants', path: files.applicants.path, fileName: 'demo-applicants.csv' });
    const exclusions = await runImport(ctx('Mengimpor daftar pengecualian demo…'), { kind: 'exclusions', path: files.exclusions.path, fileName: 'demo-exclusions.csv' });
    return { referenceDate, applicants, exclusions };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
