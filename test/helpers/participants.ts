/**
 * Participants made the real way (DESIGN 3.3): a wave created, opened, closed, selected with its seed
 * and published through the API and its jobs; revocations come from `participants.expire` once the
 * purchases are in. Free of vitest so that the e2e specs can use it too.
 *
 * The wave's quota is larger than any test's pool, so every applicant eligible as of the close date
 * (and registered by then) is selected: which applicants become participants is decided by their data,
 * not by a seed's keys. Publication must fall on or after the day of the selection, and the finance
 * files are dated from a fixed publication (2026-12-01), so the core runs on a clock that starts on a
 * fixed day and moves on with real time (sessions stay alive, timestamps still increase).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/app';
import type { InputOf, MethodName, OutputOf } from '../../shared/api/contract';

export const SAMPLES = path.join(import.meta.dirname, '..', '..', 'resources', 'samples');

/** A clock that reads `startIso` now and moves on with real time. */
export function clockFrom(startIso: string): () => Date {
  const offset = Date.parse(startIso) - Date.now();
  return () => new Date(Date.now() + offset);
}

/** What publishing needs of a test app: calls as a token, and the core's jobs. */
export interface ApiCaller {
  core: Pick<Core, 'jobs'>;
  as<M extends MethodName>(token: string | undefined, method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

export interface WavePlan {
  number: number;
  opensOn: string;
  /** Applicants registered after this day (Asia/Jakarta) stay out of the pool. */
  closesOn: string;
  /** The announcement date; the purchase deadline is 30 days later. */
  publishedOn: string;
}

export interface Publication {
  wave: number;
  participants: number;
  publishedOn: string;
  revokedFrom: string;
}

async function finished(app: ApiCaller, what: string, started: Promise<{ jobId: string }>): Promise<unknown> {
  const job = await app.core.jobs.wait((await started).jobId);
  if (job.state !== 'done') throw new Error(`${what}: job ${job.state}: ${job.error?.message}`);
  return job.result;
}

/** create → open → close → select (seed checked against its commitment) → publish, as the admin behind token. */
export async function publishWave(app: ApiCaller, admin: string, plan: WavePlan): Promise<Publication> {
  const seed = `seed-gelombang-${plan.number}-${plan.closesOn}`;
  await app.as(admin, 'waves.create', {
    number: plan.number,
    name: `Gelombang ${plan.number}`,
    quota: { national: 100_000 },
    opensOn: plan.opensOn,
    closesOn: plan.closesOn,
    seedCommitment: createHash('sha256').update(seed, 'utf8').digest('hex'),
  });
  await app.as(admin, 'waves.open', { number: plan.number });
  await app.as(admin, 'waves.close', { number: plan.number });
  await finished(app, `wave ${plan.number} select`, app.as(admin, 'waves.select', { number: plan.number, seed }));
  return (await finished(app, `wave ${plan.number} publish`, app.as(admin, 'waves.publish', { number: plan.number, date: plan.publishedOn }))) as Publication;
}

/** Wave 1 of the finance samples (scripts/generate-finance-samples.ts): the last sample registration is on 2026-11-27. */
export const SAMPLE_WAVE: WavePlan = { number: 1, opensOn: '2026-10-01', closesOn: '2026-11-27', publishedOn: '2026-12-01' };
/** Selection and publication happen on this (moving) day: after the close date, before the publication. */
export const SAMPLE_CLOCK = '2026-11-28T03:00:00Z';
/** The expiry run after the sample purchases are in: the deadline 2026-12-31 has passed. */
export const SAMPLE_EXPIRY = '2027-01-01';
/** The sample participant with no purchase by the deadline (2026-12-31), revoked from 2027-01-01, who still bought on 2027-01-05. */
export const SAMPLE_REVOKED = 'PRK000000070';
/** The sample participants whose only purchase was cancelled (participant 30 of the generator): the expiry revokes them too. */
export const SAMPLE_CANCELLED_ONLY = 1;

/** The NIKs the sample purchases name: each must belong to a participant. */
export function sampleEnrollmentNiks(): Set<string> {
  const lines = fs.readFileSync(path.join(SAMPLES, 'enrollments-sample.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1);
  return new Set(lines.filter((l) => l.trim() !== '').map((l) => l.split(',')[1]!));
}

/**
 * publishWave on a database file another process has open (the CLI's, or the browser shell's: WAL lets
 * both write), through a core of its own on the sample clock, as an existing admin.
 */
export async function publishWaveInFile(dbPath: string, admin: { username: string; password: string }, plan: WavePlan = SAMPLE_WAVE, clock = SAMPLE_CLOCK): Promise<Publication> {
  const core = await createCore(dbPath, { now: clockFrom(clock), log: () => {} });
  try {
    const as: ApiCaller['as'] = (token, method, input) => core.router.invoke(method, input, { token, origin: 'test' });
    const { token } = await as(undefined, 'auth.login', admin);
    return await publishWave({ core, as }, token, plan);
  } finally {
    await core.close();
  }
}
