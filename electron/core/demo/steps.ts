import { ApiError } from '../../../shared/api/errors';
import { JobCancelled } from '../jobs/protocol';

export type StepProgress = (done: number, total: number | null) => void;

/**
 * Runs the demo's steps one after another, each with its own message ("Langkah 4 dari 12: …") for the
 * first-run progress bar. Each step is its own transaction (an import, a wave call, a job body), so a
 * failure names its step and says that the earlier steps stay; a cancel passes through unchanged.
 */
export interface StepTiming {
  step: string;
  seconds: number;
}

export function stepRunner(total: number, progress: (done: number, total: number | null, message?: string) => void) {
  let n = 0;
  let saved = false;
  const timings: StepTiming[] = [];
  /** `writes: false` for a step that only prepares (files in a temporary folder). */
  const step = async function step<T>(label: string, work: (progress: StepProgress) => Promise<T> | T, options: { writes?: boolean } = {}): Promise<T> {
    n++;
    const message = `Langkah ${n} dari ${total}: ${label}…`;
    progress(0, null, message);
    const started = performance.now();
    try {
      const result = await work((done, of) => progress(done, of, message));
      saved ||= options.writes !== false;
      timings.push({ step: label, seconds: Math.round(performance.now() - started) / 1000 });
      return result;
    } catch (err) {
      throw stepFailed(n, total, label, saved, err);
    }
  };
  return { step, timings };
}

function stepFailed(n: number, total: number, label: string, saved: boolean, err: unknown): unknown {
  if (err instanceof JobCancelled) return err;
  if (!(err instanceof ApiError)) console.error(`[demo] step ${n} (${label})`, err);
  const code = err instanceof ApiError ? err.code : 'INTERNAL';
  const cause = err instanceof Error ? err.message : String(err);
  const kept = !saved
      ? 'Tidak ada data yang berubah.'
      : 'Data dari langkah sebelumnya sudah tersimpan; untuk mencoba lagi, isi data demo ke basis data baru (data demo hanya diisikan ke basis data yang masih kosong).';
  return new ApiError(code, `Data demo gagal pada langkah ${n} dari ${total} (${label}): ${cause} ${kept}`);
}
