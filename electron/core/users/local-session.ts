import { ApiError } from '../../../shared/api/errors';
import type { SessionUser } from '../../../shared/api/auth';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { createSession, hashToken } from './sessions';

/** A local session lives only as long as one command; this caps it should the command die before closing it. */
const LOCAL_SESSION_MINUTES = 60;

export interface LocalSession {
  token: string;
  user: SessionUser;
}

/**
 * A session for an existing active user without a password, for local programs (the CLI) run by
 * someone who already holds the database file: a password would protect nothing there.
 * Every call made with the token still goes through the router, so roles and the audit log apply.
 * Opening the session is itself audited, with the origin.
 */
export async function openLocalSession(
  target: { db: Db },
  username: string,
  options: { origin?: string; now?: Date } = {},
): Promise<LocalSession> {
  const db = target.db.kysely;
  const now = options.now ?? new Date();
  const name = username.trim().toLowerCase();
  return writeTransaction(db, async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst();
    if (!user) throw new ApiError('NOT_FOUND', `Pengguna "${username}" tidak ada di basis data ini.`);
    if (user.active !== 1) throw new ApiError('FORBIDDEN', `Pengguna "${username}" telah dinonaktifkan dan tidak dapat dipakai.`);
    const { token } = await createSession(trx, user.id, now);
    const cap = new Date(now.getTime() + LOCAL_SESSION_MINUTES * 60_000).toISOString();
    await trx.updateTable('sessions').set({ expires_at: cap, idle_expires_at: cap }).where('token_hash', '=', hashToken(token)).execute();
    await appendAudit(
      trx,
      { userId: user.id, username: user.username, action: 'auth.local_session', entity: 'user', entityId: user.id, after: { origin: options.origin ?? 'cli' } },
      now,
    );
    return {
      token,
      user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, locale: user.locale },
    };
  });
}

/** Ends a local session; harmless when it is already gone (expired, or the user was deactivated meanwhile). */
export async function closeLocalSession(target: { db: Db }, token: string): Promise<void> {
  await target.db.kysely.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
