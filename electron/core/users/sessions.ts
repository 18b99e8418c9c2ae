import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/api/auth';
import type { Database } from '../db/schema';
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from './policy';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<Database>, userId: number, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_MAX_HOURS * 3600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      idle_expires_at: new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000).toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

export interface ActiveSession {
  tokenHash: string;
  user: SessionUser;
}

/** The session's user, or null when the token is unknown, expired, idle too long, or the user was deactivated. */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date): Promise<ActiveSession | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.expires_at', 'sessions.idle_expires_at', 'users.id', 'users.username', 'users.display_name', 'users.role', 'users.locale', 'users.active'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  const iso = now.toISOString();
  if (!row || row.active !== 1 || row.expires_at <= iso || row.idle_expires_at <= iso) {
    if (row) await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  const idle = new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000).toISOString();
  // Slide the idle window at most once a minute: no write on every call.
  if (Date.parse(idle) - Date.parse(row.idle_expires_at) > 60_000) {
    await db.updateTable('sessions').set({ idle_expires_at: idle }).where('token_hash', '=', tokenHash).execute();
  }
  return {
    tokenHash,
    user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role, locale: row.locale },
  };
}

export async function deleteSessionsOf(db: Kysely<Database>, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
