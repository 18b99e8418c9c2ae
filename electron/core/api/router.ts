import { z } from 'zod';
import { contract, isMethodName, type InputOf, type MethodName, type OutputOf, type ParsedInputOf } from '../../../shared/api/contract';
import { ApiError, type ApiErrorShape, type Result } from '../../../shared/api/errors';
import type { SessionUser } from '../../../shared/api/auth';
import { appendAudit } from '../audit/chain';
import { writeTransaction } from '../db/transaction';
import { resolveSession } from '../users/sessions';
import type { Caller, CoreServices, HandlerContext } from './context';
import { handlers } from './handlers';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: HandlerContext) => Promise<OutputOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface Router {
  /** Every transport ends here: validate, authenticate, authorise, run (in one transaction if it writes), audit. */
  call(method: unknown, input: unknown, caller: Caller): Promise<Result<unknown>>;
  /** Typed convenience for in-process callers (CLI, tests); throws ApiError. */
  invoke<M extends MethodName>(method: M, input: InputOf<M>, caller: Caller): Promise<OutputOf<M>>;
  /** The user behind a token, for transports that push events to a session. */
  sessionUser(token: string): Promise<SessionUser | null>;
}

const ROLE_NAMES: Record<string, string> = { admin: 'admin', reviewer: 'reviewer', finance: 'keuangan', manager: 'manajer' };

function validationError(method: string, error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return new ApiError('VALIDATION', first ? `Isian tidak valid${first.path ? ` pada "${first.path}"` : ''}: ${first.message}` : `Isian untuk ${method} tidak valid.`, issues);
}

export function createRouter(core: CoreServices, log: (msg: string, err?: unknown) => void = defaultLog): Router {
  async function run(method: unknown, rawInput: unknown, caller: Caller): Promise<unknown> {
    if (!isMethodName(method)) throw new ApiError('NOT_FOUND', `Perintah "${String(method).slice(0, 64)}" tidak dikenal.`);
    const def = contract[method];
    const now = core.now();
    let session: { tokenHash: string; user: SessionUser } | null = null;
    if (caller.token) session = await resolveSession(core.db.kysely, caller.token, now);
    if (def.access !== 'public') {
      if (!session) throw new ApiError('UNAUTHORIZED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
      if (def.access !== 'authenticated' && !def.access.includes(session.user.role)) {
        throw new ApiError(
          'FORBIDDEN',
          `Peran ${ROLE_NAMES[session.user.role]} tidak berwenang untuk tindakan ini (${method}). Hubungi admin bila Anda memerlukannya.`,
        );
      }
    }
    // Validated only after the role check: a caller who may not use a method learns nothing of its schema.
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(method, parsed.error);
    const handler = handlers[method] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const makeCtx = (db: HandlerContext['db']): HandlerContext => ({
      db,
      user: session?.user ?? null,
      session: session ? { tokenHash: session.tokenHash } : null,
      caller,
      core,
      now,
      audit: (entry) =>
        appendAudit(db, { userId: session?.user.id ?? null, username: session?.user.username ?? null, ...entry }, now),
    });
    if (!def.mutates) return def.output.parse(await handler(parsed.data, makeCtx(core.db.kysely)));
    return writeTransaction(
      core.db.kysely,
      async (trx) => def.output.parse(await handler(parsed.data, makeCtx(trx))),
      (err) => err instanceof ApiError && (err as ApiError & { keepChanges?: boolean }).keepChanges === true,
    );
  }

  async function call(method: unknown, input: unknown, caller: Caller): Promise<Result<unknown>> {
    try {
      return { ok: true, value: await run(method, input, caller) };
    } catch (err) {
      return { ok: false, error: toErrorShape(err, String(method), log) };
    }
  }

  return {
    call,
    async invoke(method, input, caller) {
      const result = await call(method, input, caller);
      if (!result.ok) throw ApiError.from(result.error);
      return result.value as never;
    },
    async sessionUser(token) {
      return (await resolveSession(core.db.kysely, token, core.now()))?.user ?? null;
    },
  };
}

/** An ApiError that should still commit what the handler wrote (a failed-login counter). */
export function committedError(err: ApiError): ApiError {
  return Object.assign(err, { keepChanges: true });
}

function toErrorShape(err: unknown, method: string, log: (msg: string, err?: unknown) => void): ApiErrorShape {
  if (err instanceof ApiError) return err.toJSON();
  const code = (err as { code?: string } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'CONFLICT', message: 'Basis data sedang dipakai proses lain. Coba lagi sebentar lagi.' };
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: 'Perubahan bertentangan dengan data yang sudah ada.' };
  }
  log(`internal error in ${method}`, err);
  return { code: 'INTERNAL', message: 'Terjadi kesalahan internal. Perubahan tidak disimpan; silakan coba lagi atau hubungi admin.' };
}

function defaultLog(msg: string, err?: unknown) {
  console.error(`[core] ${msg}`, err);
}
