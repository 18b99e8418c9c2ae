import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerLocalFile } from '../../electron/core/files/registry';
import { createTestApp, type TestApp } from '../helpers/core';

let app: TestApp;
afterEach(async () => app?.close());

const SAMPLES = path.join(import.meta.dirname, '..', '..', 'resources', 'samples');

describe('the sample files that ship in resources/', () => {
  it('import without a reject, so a partner can copy their format', async () => {
    app = await createTestApp();
    const me = await app.as(app.adminToken, 'auth.me', {});
    for (const [method, file, rows] of [
      ['applicants.import', 'applicants-sample.csv', 200],
      ['exclusions.import', 'exclusions-sample.csv', 22],
    ] as const) {
      const ref = await registerLocalFile(app.core, path.join(SAMPLES, file), me.id);
      const { jobId } = await app.as(app.adminToken, method, { fileRef: ref.ref });
      const job = await app.core.jobs.wait(jobId);
      expect(job.state, file).toBe('done');
      expect(job.result, file).toMatchObject({ inserted: rows, rejected: 0 });
    }
  });
});
