import { sql } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { UserRow } from '../../../shared/api/users';
import type { Handler } from '../api/router';
import { committedError } from '../api/router';
import type { User, UsersTable } from '../db/schema';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './policy';
import { createSession, deleteSessionsOf } from './sessions';
import type { HandlerContext } from '../api/context';

export function toUserRow(u: User): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    active: u.active === 1,
    createdAt: u.created_at,
    lastLoginAt: u.last_login_at,
  };
}

/** What the audit log keeps of a user: never the password hash. */
const auditView = (u: User) => ({ username: u.username, displayName: u.display_name, role: u.role, active: u.active === 1 });

async function getUser(ctx: HandlerContext, id: number): Promise<User> {
  const u = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw new ApiError('NOT_FOUND', `Pengguna dengan id ${id} tidak ditemukan.`);
  return u;
}

export async function insertUser(
  ctx: HandlerContext,
  input: { username: string; displayName: string; role: UsersTable['role']; password: string },
): Promise<User> {
  const exists = await ctx.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (exists) throw new ApiError('CONFLICT', `Nama pengguna "${input.username}" sudah dipakai.`);
  const iso = ctx.now.toISOString();
  const user = await ctx.db
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: await hashPassword(input.password),
      active: 1,
      locale: 'id',
      failed_attempts: 0,
      locked_until: null,
      created_at: iso,
      updated_at: iso,
      last_login_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // On first run nobody is logged in: the new admin is recorded as creating themselves.
  const actor = ctx.user ? {} : { userId: user.id, username: user.username };
  await ctx.audit({ ...actor, action: 'user.create', entity: 'user', entityId: user.id, after: auditView(user) });
  return user;
}

async function countUsers(ctx: HandlerContext): Promise<number> {
  const row = await ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function startSession(ctx: HandlerContext, user: User) {
  const { token, expiresAt } = await createSession(ctx.db, user.id, ctx.now);
  return {
    token,
    expiresAt,
    user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, locale: user.locale },
  };
}

const setup: Handler<'auth.setup'> = async (input, ctx) => {
  if ((await countUsers(ctx)) > 0) throw new ApiError('CONFLICT', 'Akun admin pertama sudah dibuat. Silakan masuk.');
  const user = await insertUser(ctx, { ...input, role: 'admin' });
  return startSession({ ...ctx, user: null }, user);
};

const login: Handler<'auth.login'> = async (input, ctx) => {
  const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username.toLowerCase()).executeTakeFirst();
  const wrong = () => new ApiError('UNAUTHORIZED', 'Nama pengguna atau kata sandi salah.');
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw wrong();
  }
  const iso = ctx.now.toISOString();
  if (user.locked_until && user.locked_until > iso) {
    const minutes = Math.ceil((Date.parse(user.locked_until) - ctx.now.getTime()) / 60_000);
    throw new ApiError('FORBIDDEN', `Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara; coba lagi dalam ${minutes} menit.`);
  }
  if (!(await verifyPassword(input.password, user.password_hash))) {
    const failed = user.failed_attempts + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await ctx.db
      .updateTable('users')
      .set({ failed_attempts: lock ? 0 : failed, locked_until: lock ? new Date(ctx.now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : user.locked_until })
      .where('id', '=', user.id)
      .execute();
    await ctx.audit({ userId: user.id, username: user.username, action: lock ? 'auth.lockout' : 'auth.login_failed', entity: 'user', entityId: user.id, after: { origin: ctx.caller.origin, failed } });
    throw committedError(
      lock
        ? new ApiError('FORBIDDEN', `Terlalu banyak percobaan masuk yang gagal. Akun dikunci selama ${LOCKOUT_MINUTES} menit.`)
        : wrong(),
    );
  }
  if (user.active !== 1) throw new ApiError('FORBIDDEN', 'Akun ini telah dinonaktifkan. Hubungi admin.');
  await ctx.db.updateTable('users').set({ failed_attempts: 0, locked_until: null, last_login_at: iso }).where('id', '=', user.id).execute();
  await ctx.audit({ userId: user.id, username: user.username, action: 'auth.login', entity: 'user', entityId: user.id, after: { origin: ctx.caller.origin } });
  return startSession(ctx, user);
};

export const authHandlers = {
  'auth.setup': setup,
  'auth.login': login,
  'auth.logout': (async (_input, ctx) => {
    await ctx.db.deleteFrom('sessions').where('token_hash', '=', ctx.session!.tokenHash).execute();
    await ctx.audit({ action: 'auth.logout', entity: 'user', entityId: ctx.user!.id });
    return { ok: true as const };
  }) satisfies Handler<'auth.logout'>,
  'auth.me': (async (_input, ctx) => ctx.user!) satisfies Handler<'auth.me'>,
  'auth.changePassword': (async (input, ctx) => {
    const user = await getUser(ctx, ctx.user!.id);
    if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
      throw new ApiError('VALIDATION', 'Kata sandi saat ini salah.', [{ path: 'currentPassword', message: 'Kata sandi saat ini salah.' }]);
    }
    await ctx.db.updateTable('users').set({ password_hash: await hashPassword(input.newPassword), updated_at: ctx.now.toISOString() }).where('id', '=', user.id).execute();
    await ctx.db.deleteFrom('sessions').where('user_id', '=', user.id).where('token_hash', '!=', ctx.session!.tokenHash).execute();
    await ctx.audit({ action: 'user.change_password', entity: 'user', entityId: user.id });
    return { ok: true as const };
  }) satisfies Handler<'auth.changePassword'>,
  'auth.setLocale': (async (input, ctx) => {
    const user = await getUser(ctx, ctx.user!.id);
    await ctx.db.updateTable('users').set({ locale: input.locale, updated_at: ctx.now.toISOString() }).where('id', '=', user.id).execute();
    await ctx.audit({ action: 'user.set_locale', entity: 'user', entityId: user.id, before: { locale: user.locale }, after: { locale: input.locale } });
    return { ok: true as const };
  }) satisfies Handler<'auth.setLocale'>,
};

const SORTABLE = { username: 'username', displayName: 'display_name', role: 'role', createdAt: 'created_at', lastLoginAt: 'last_login_at', active: 'active' } as const;

/** An admin may not remove the last active admin: someone must always be able to manage users. */
async function assertAnotherActiveAdmin(ctx: HandlerContext, userId: number) {
  const row = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', userId)
    .executeTakeFirstOrThrow();
  if (Number(row.n) === 0) throw new ApiError('CONFLICT', 'Harus selalu ada setidaknya satu admin aktif.');
}

export const usersHandlers = {
  'users.list': (async (input, ctx) => {
    let q = ctx.db.selectFrom('users');
    if (input.search) {
      const like = `%${input.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`(username LIKE ${like} ESCAPE '\\' OR display_name LIKE ${like} ESCAPE '\\')`);
    }
    if (!input.includeInactive) q = q.where('active', '=', 1);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const sortCol = SORTABLE[input.sortField as keyof typeof SORTABLE] ?? 'username';
    const rows = await q.selectAll().orderBy(sortCol, input.sortDir).orderBy('id').limit(input.pageSize).offset(input.page * input.pageSize).execute();
    return { rows: rows.map(toUserRow), total };
  }) satisfies Handler<'users.list'>,
  'users.create': (async (input, ctx) => toUserRow(await insertUser(ctx, input))) satisfies Handler<'users.create'>,
  'users.setRole': (async (input, ctx) => {
    const before = await getUser(ctx, input.id);
    if (before.role === 'admin' && input.role !== 'admin') await assertAnotherActiveAdmin(ctx, before.id);
    const after = await ctx.db.updateTable('users').set({ role: input.role, updated_at: ctx.now.toISOString() }).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
    await deleteSessionsOf(ctx.db, input.id);
    await ctx.audit({ action: 'user.set_role', entity: 'user', entityId: input.id, before: auditView(before), after: auditView(after) });
    return toUserRow(after);
  }) satisfies Handler<'users.setRole'>,
  'users.resetPassword': (async (input, ctx) => {
    const user = await getUser(ctx, input.id);
    await ctx.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.password), failed_attempts: 0, locked_until: null, updated_at: ctx.now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await deleteSessionsOf(ctx.db, user.id);
    await ctx.audit({ action: 'user.reset_password', entity: 'user', entityId: user.id });
    return { ok: true as const };
  }) satisfies Handler<'users.resetPassword'>,
  'users.setActive': (async (input, ctx) => {
    const before = await getUser(ctx, input.id);
    if (!input.active) {
      if (before.id === ctx.user!.id) throw new ApiError('CONFLICT', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
      if (before.role === 'admin') await assertAnotherActiveAdmin(ctx, before.id);
    }
    const after = await ctx.db.updateTable('users').set({ active: input.active ? 1 : 0, updated_at: ctx.now.toISOString() }).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
    if (!input.active) await deleteSessionsOf(ctx.db, input.id);
    await ctx.audit({ action: input.active ? 'user.activate' : 'user.deactivate', entity: 'user', entityId: input.id, before: auditView(before), after: auditView(after) });
    return toUserRow(after);
  }) satisfies Handler<'users.setActive'>,
};
