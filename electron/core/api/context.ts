import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/api/auth';
import type { AuditEntry } from '../audit/chain';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import type { JobRunner } from '../jobs/runner';

/** Who is calling, as the transport established it. */
export interface Caller {
  token?: string | undefined;
  /** For the failed-login limit and the audit trail: 'ipc', 'cli', '127.0.0.1', … */
  origin: string;
}

export interface CoreServices {
  db: Db;
  jobs: JobRunner;
  now: () => Date;
  version: string;
}

/** What a handler gets: the transaction to write in, the caller, and the audit writer bound to both. */
export interface HandlerContext {
  db: Kysely<Database>;
  user: SessionUser | null;
  session: { tokenHash: string } | null;
  caller: Caller;
  core: CoreServices;
  now: Date;
  audit(entry: Omit<AuditEntry, 'userId' | 'username'> & { userId?: number | null; username?: string | null }): Promise<number>;
}

export function requireUser(ctx: HandlerContext): SessionUser {
  if (!ctx.user) throw new Error('handler needs a user but access allowed none');
  return ctx.user;
}
