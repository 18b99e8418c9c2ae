import { processIo } from './io';
import { runCli } from './program';

/** `prakerja-office`: see program.ts. Exits once stdout has been flushed. */
runCli(process.argv.slice(2), processIo()).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
