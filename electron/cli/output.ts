import type { CliError } from './errors';
import type { CliIo } from './io';
import type { Outcome } from './outcome';

/**
 * The only writer to stdout. With --json it prints exactly one JSON object per run (a second one,
 * should a bug ever try, goes to stderr); without it, Indonesian lines for people.
 */
export class Output {
  private printedJson = false;

  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  result(outcome: Outcome): number {
    if (this.json) this.printJson(outcome.data);
    else for (const line of outcome.lines) this.io.stdout.write(`${line}\n`);
    return outcome.exitCode ?? 0;
  }

  error(err: CliError): number {
    const { exitCode, ...shape } = err;
    if (this.json) this.printJson({ error: shape });
    else {
      this.io.stderr.write(`Gagal: ${shape.message}\n`);
      for (const issue of shape.issues ?? []) this.io.stderr.write(`  - ${issue.path ? `${issue.path}: ` : ''}${issue.message}\n`);
      if (shape.code === 'USAGE') this.io.stderr.write('Lihat "prakerja-office --help".\n');
    }
    return exitCode;
  }

  /** Progress and notes for people: always stderr, so stdout stays one JSON object. */
  note(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  private printJson(value: unknown) {
    const text = `${JSON.stringify(value)}\n`;
    if (this.printedJson) this.io.stderr.write(text);
    else this.io.stdout.write(text);
    this.printedJson = true;
  }
}
