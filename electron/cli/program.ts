import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../core/version';
import { registerDbCommands } from './commands/db';
import { registerDemoCommands } from './commands/demo';
import { registerExportCommand } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerInvoiceCommands } from './commands/invoice';
import { registerScreenCommand } from './commands/screen';
import { registerServeCommand } from './commands/serve';
import { registerUsersCommands } from './commands/users';
import { registerWaveCommands } from './commands/waves';
import { resolveGlobals, type CliContext } from './context';
import { toCliError } from './errors';
import type { CliIo } from './io';
import { EXIT_OK, type Outcome } from './outcome';
import { Output } from './output';
import { defaultDbPath } from '../core/paths';

/**
 * A command's body: parsed arguments and the command's own options in, an Outcome out; throws on failure.
 * null means the command printed its result itself (serve prints its address, then keeps running).
 */
export type CommandAction = (ctx: CliContext, args: string[], options: Record<string, unknown>) => Promise<Outcome | null>;
/** Turns a CommandAction into a commander action handler wired to the output and exit code. */
export type Act = (action: CommandAction) => (...commanderArgs: unknown[]) => Promise<void>;

/** Each command group registers itself here; a new group (import, screen, wave, …) is one more line. */
const COMMAND_GROUPS: ((program: Command, act: Act) => void)[] = [
  registerDbCommands,
  registerUsersCommands,
  registerServeCommand,
  registerDemoCommands,
  registerImportCommand,
  registerScreenCommand,
  registerExportCommand,
  registerWaveCommands,
  registerInvoiceCommands,
];

/** Only what comes before a bare `--` is an option of ours. */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * The whole `prakerja-office` program, in process: argv without the node and script entries.
 * Resolves to the exit code: 0 done, 1 failed, 2 usage error.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const out = new Output(io, wantsJson(argv));
  let helpText = '';
  let exitCode = EXIT_OK;
  let dbPath = '';

  const program = new Command('prakerja-office')
    .description('Prakerja Office dari baris perintah: basis data, pengguna, dan tampilan peramban.')
    .option('--db <PATH>', 'file basis data (bawaan: PRAKERJA_DB, atau folder data aplikasi)')
    .option('--json', 'cetak satu objek JSON ke stdout')
    .option('--user <NAME>', 'bertindak sebagai pengguna ini (bawaan: PRAKERJA_USER)')
    .version(APP_VERSION, '-V, --version', 'tampilkan versi')
    .helpOption('-h, --help', 'tampilkan bantuan')
    .helpCommand('help [perintah]', 'tampilkan bantuan untuk perintah')
    .exitOverride()
    .configureOutput({
      // Help and version go to stdout for people; under --json they become the one JSON object.
      writeOut: (text) => {
        if (out.json) helpText += text;
        else io.stdout.write(text);
      },
      writeErr: (text) => void io.stderr.write(text),
      // Usage errors are printed by Output, in Indonesian (and as JSON under --json).
      outputError: () => {},
    });

  const act: Act = (action) => async (...commanderArgs) => {
    const command = commanderArgs[commanderArgs.length - 1] as Command;
    const ctx: CliContext = { globals: resolveGlobals(command, io.env), io, out };
    dbPath = ctx.globals.dbPath;
    const outcome = await action(ctx, command.processedArgs as string[], command.opts());
    if (outcome) exitCode = out.result(outcome);
  };
  for (const register of COMMAND_GROUPS) register(program, act);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0 && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version')) {
      if (out.json) out.result({ data: err.code === 'commander.version' ? { version: helpText.trim() } : { help: helpText }, lines: [] });
      return EXIT_OK;
    }
    return out.error(toCliError(err, dbPath || safeDefaultDbPath(io)));
  }
}

function safeDefaultDbPath(io: CliIo): string {
  try {
    return io.env.PRAKERJA_DB || defaultDbPath();
  } catch {
    return '';
  }
}
