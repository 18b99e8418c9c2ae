import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import type { TestApp } from './core';

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A wave's settings with a fresh seed: override any field. */
export function waveInput(number: number, over: Partial<InputOf<'waves.create'>> = {}, seed = `seed-gelombang-${number}`): InputOf<'waves.create'> {
  return {
    number,
    name: `Gelombang ${number}`,
    quota: { national: 10 },
    opensOn: '2026-05-01',
    closesOn: '2026-05-31',
    seedCommitment: sha256Hex(seed),
    ...over,
  };
}

/** Starts a job through the API and waits for it; fails the test when the job does not finish. */
export async function runJob<T>(app: TestApp, token: string, start: () => Promise<{ jobId: string }>): Promise<T> {
  const { jobId } = await start();
  const job = await app.core.jobs.wait(jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  return job.result as T;
}

/** The job's failure (code and message); fails the test when it succeeded. */
export async function jobError(app: TestApp, start: () => Promise<{ jobId: string }>) {
  const { jobId } = await start();
  const job = await app.core.jobs.wait(jobId);
  expect(job.state).not.toBe('done');
  return job.error!;
}

/** create → open → close (the app's clock must be past the close date). */
export async function closedWave(app: TestApp, token: string, input: InputOf<'waves.create'>) {
  await app.as(token, 'waves.create', input);
  await app.as(token, 'waves.open', { number: input.number });
  return app.as(token, 'waves.close', { number: input.number });
}
