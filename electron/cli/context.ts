import path from 'node:path';
import type { Command } from 'commander';
import { ApiError } from '../../shared/api/errors';
import type { InputOf, MethodName, OutputOf } from '../../shared/api/contract';
import type { SessionUser } from '../../shared/api/auth';
import { createCore, type Core } from '../core/app';
import { defaultDbPath } from '../core/paths';
import { closeLocalSession, openLocalSession } from '../core/users/local-session';
import type { CliIo } from './io';
import type { Output } from './output';

export const CLI_ORIGIN = 'cli';

/** The global options every command sees, with their environment defaults applied. */
export interface Globals {
  dbPath: string;
  json: boolean;
  user: string | undefined;
}

/** What a command's action gets. */
export interface CliContext {
  globals: Globals;
  io: CliIo;
  out: Output;
}

export function resolveGlobals(command: Command, env: CliIo['env']): Globals {
  const opts = command.optsWithGlobals<{ db?: string; json?: boolean; user?: string }>();
  const db = opts.db ?? (env.PRAKERJA_DB || undefined) ?? defaultDbPath();
  return { dbPath: path.resolve(db), json: opts.json === true, user: opts.user ?? (env.PRAKERJA_USER || undefined) };
}

/** Opens the database (migrating it, as the app does), runs fn, and always closes it again. */
export async function withCore<T>(ctx: CliContext, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore(ctx.globals.dbPath, { log: (msg, err) => ctx.out.note(`[core] ${msg}${err instanceof Error ? `: ${err.message}` : ''}`) });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/** Calls the one router, as the acting user: the same validation, roles and audit as the UI. */
export interface ActingSession {
  core: Core;
  user: SessionUser;
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

export function requireUserOption(ctx: CliContext, what: string): string {
  if (!ctx.globals.user) {
    throw new ApiError('UNAUTHORIZED', `${what} memerlukan --user NAMA (atau PRAKERJA_USER): pengguna yang berwenang melakukannya.`);
  }
  return ctx.globals.user;
}

/** Runs fn as --user NAME through a short-lived local session that is closed afterwards. */
export async function actAs<T>(ctx: CliContext, core: Core, what: string, fn: (session: ActingSession) => Promise<T>): Promise<T> {
  const username = requireUserOption(ctx, what);
  const { token, user } = await openLocalSession(core, username, { origin: CLI_ORIGIN });
  try {
    return await fn({ core, user, call: (method, input) => core.router.invoke(method, input, { token, origin: CLI_ORIGIN }) });
  } finally {
    await closeLocalSession(core, token);
  }
}
