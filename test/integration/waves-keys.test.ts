import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeKeys, keyPool, startKeysWorker, type RegistrationKeys } from '../../electron/core/waves/keys-worker';
import { readRegisterUntil } from '../../electron/core/waves/read-register';
import { selectionKeyer, weightOf } from '../../shared/selection';
import { createTestApp, type TestApp } from '../helpers/core';
import { HEADER, applicantLine, importFile, tempFile } from '../helpers/applicants';

vi.setConfig({ testTimeout: 60_000 });
let app: TestApp;
afterEach(async () => app?.close());

const SEED = 'kunci-dua-utas';
const WEIGHTS = { unemployed: 2, laid_off: 1.5 };
const CUTOFF = '2026-06-30T16:59:59.999Z';
const STATUSES = ['unemployed', 'laid_off', 'informal', 'micro_business', 'employed'];

async function register() {
  app = await createTestApp();
  const lines = Array.from({ length: 400 }, (_, i) =>
    applicantLine(`K-${i}`, { nik: `327301410190${String(i + 1).padStart(4, '0')}`, employment_status: STATUSES[i % 5]!, registered_at: `2026-06-${String(1 + (i % 29)).padStart(2, '0')}T08:00:00+07:00` }),
  );
  expect((await importFile(app, app.adminToken, tempFile('k.csv', `${HEADER}\n${lines.join('\n')}\n`))).state).toBe('done');
  return readRegisterUntil(app.core.db.sqlite, CUTOFF);
}

/** What the keys must be: the DESIGN 3.3 formula for each row, on this thread. */
function expected(reg: Awaited<ReturnType<typeof register>>) {
  const keyOf = selectionKeyer(SEED);
  return reg.columns.registration_id.map((id, i) => keyOf(id, weightOf(WEIGHTS, reg.employmentStatus[i]!)));
}

describe('selection keys from a second thread', () => {
  it('the second thread computes exactly the keys of the formula, row by row (also as the wave.keys job kind)', async () => {
    const reg = await register();
    const keys = computeKeys(app.dbPath, { cutoff: CUTOFF, seed: SEED, weights: WEIGHTS });
    expect(Array.from(keys.ids)).toEqual(Array.from(reg.ids));
    expect(Array.from(keys.keys)).toEqual(expected(reg));
    const spawned = await startKeysWorker(app.dbPath, { cutoff: CUTOFF, seed: SEED, weights: WEIGHTS }).result;
    expect(spawned).not.toBeNull();
    expect(Array.from(spawned!.keys)).toEqual(expected(reg));
  });

  it('uses a key from the thread only for the very row it was computed for; computes every other itself', async () => {
    const reg = await register();
    const all = Uint32Array.from(reg.ids.keys());
    const good = computeKeys(app.dbPath, { cutoff: CUTOFF, seed: SEED, weights: WEIGHTS });
    const want = all.length;
    const run = async (answer: Promise<RegistrationKeys | null> | null) => {
      const r = await keyPool(all, reg, WEIGHTS, SEED, answer);
      expect(r.keyed.map((k) => k.key)).toEqual(expected(reg));
      return r.fromWorker;
    };
    expect(await run(Promise.resolve(good))).toBe(want);
    expect(await run(null)).toBe(0);
    expect(await run(Promise.resolve(null))).toBe(0);
    // A row whose hash or weight differs (another snapshot, another status) is keyed here.
    const tampered: RegistrationKeys = { ...good, idHashes: good.idHashes.slice(), weights: good.weights.slice(), keys: good.keys.slice() };
    tampered.idHashes[3] = tampered.idHashes[3]! ^ 1;
    tampered.weights[7] = 99;
    tampered.keys[3] = -1;
    tampered.keys[7] = -1;
    expect(await run(Promise.resolve(tampered))).toBe(want - 2);
    // Another row set or versions: nothing is taken.
    expect(await run(Promise.resolve({ ...good, versions: good.versions.map((v, i) => (i === 0 ? v + 1 : v)) }))).toBe(0);
    expect(await run(Promise.resolve({ ...good, ids: good.ids.subarray(1) }))).toBe(0);
    // A thread that never answers is not waited for.
    expect(await run(new Promise(() => {}))).toBe(0);
  });
});
