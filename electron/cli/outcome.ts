/**
 * What a command hands back: `data` becomes the one JSON object under --json, `lines` the
 * human-readable text otherwise. A command that ran but found something wrong (db verify) sets exitCode 1.
 */
export interface Outcome {
  data: Record<string, unknown>;
  lines: string[];
  exitCode?: 0 | 1;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
