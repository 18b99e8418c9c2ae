import { Option, type Command } from 'commander';
import { ApiError } from '../../../shared/api/errors';
import { ROLES, type Role } from '../../../shared/roles';
import { actAs, CLI_ORIGIN, withCore, type CliContext } from '../context';
import type { Outcome } from '../outcome';
import type { Act } from '../program';
import { promptHidden } from '../prompt';

export function registerUsersCommands(program: Command, act: Act): void {
  const users = program.command('users').description('pengguna aplikasi');
  users
    .command('add')
    .argument('<NAME>', 'nama pengguna (huruf kecil, angka, . _ -)')
    .addOption(new Option('--role <ROLE>', 'peran pengguna').choices(ROLES).makeOptionMandatory())
    .option('--display-name <TEXT>', 'nama tampilan (bawaan: NAME)')
    .description('tambah pengguna; kata sandi dari PRAKERJA_PASSWORD atau ditanyakan. Pengguna pertama harus admin dan tidak perlu --user')
    .action(act(addUser));
}

async function readPassword(ctx: CliContext): Promise<string> {
  const fromEnv = ctx.io.env.PRAKERJA_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!ctx.io.stdin?.isTTY) {
    throw new ApiError('VALIDATION', 'Kata sandi belum diberikan: setel PRAKERJA_PASSWORD, atau jalankan perintah ini di terminal agar kata sandi ditanyakan.');
  }
  const first = await promptHidden(ctx.io, 'Kata sandi baru: ');
  const again = await promptHidden(ctx.io, 'Ulangi kata sandi: ');
  if (first !== again) throw new ApiError('VALIDATION', 'Kedua kata sandi tidak sama; pengguna tidak ditambahkan.');
  return first;
}

async function addUser(ctx: CliContext, [name]: string[], options: Record<string, unknown>): Promise<Outcome> {
  const role = options.role as Role;
  const username = name!;
  const displayName = (options.displayName as string | undefined) ?? username;
  return withCore(ctx, async (core) => {
    const { firstRun } = await core.router.invoke('system.status', {}, { origin: CLI_ORIGIN });
    if (firstRun && role !== 'admin') {
      throw new ApiError('VALIDATION', `Pengguna pertama harus admin (--role admin), bukan ${role}.`);
    }
    const password = await readPassword(ctx);
    let user: { id: number; username: string; displayName: string; role: Role };
    if (firstRun) {
      // The first admin, exactly as the app's first-run page creates it; its login session is not kept.
      const setup = await core.router.invoke('auth.setup', { username, displayName, password }, { origin: CLI_ORIGIN });
      await core.router.invoke('auth.logout', {}, { token: setup.token, origin: CLI_ORIGIN });
      user = setup.user;
    } else {
      user = await actAs(ctx, core, 'Menambah pengguna', (session) => session.call('users.create', { username, displayName, role, password }));
    }
    const data = { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
    return {
      data: { user: data, firstUser: firstRun },
      lines: [`Pengguna "${data.username}" (${data.displayName}) ditambahkan sebagai ${data.role}${firstRun ? ' — admin pertama' : ''}.`],
    };
  });
}
