import { runCli } from '../../electron/cli/program';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as the one JSON object it must be; fails the test otherwise. */
  json(): Record<string, unknown> & { error?: { code: string; message: string } };
}

/** Runs `prakerja-office` in process with only the environment given (no PRAKERJA_* leaking in from the shell). */
export async function runCliCaptured(argv: string[], env: Record<string, string> = {}, extra: { stop?: AbortSignal } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    stop: extra.stop,
  });
  return {
    code,
    stdout,
    stderr,
    json() {
      const lines = stdout.split('\n').filter((l) => l !== '');
      if (lines.length !== 1) throw new Error(`expected exactly one JSON line on stdout, got ${lines.length}: ${stdout}`);
      const value = JSON.parse(lines[0]!) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`stdout is not one JSON object: ${stdout}`);
      return value as ReturnType<CliRun['json']>;
    },
  };
}
