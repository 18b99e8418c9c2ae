/** Where the CLI reads and writes: the real process streams, or buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** For the password prompt; a prompt is only offered when this is a TTY. */
  stdin?: NodeJS.ReadStream | undefined;
  /** Ends long-running commands (serve). Without it they run until SIGINT or SIGTERM. */
  stop?: AbortSignal | undefined;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };
}
