import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/core';
import { contract } from '../../shared/api/contract';

let app: TestApp;
afterEach(async () => app?.close());

const caller = (token?: string) => ({ token, origin: 'test' });

describe('the router', () => {
  it('refuses an unknown method, invalid input and a missing session with typed, readable errors', async () => {
    app = await createTestApp();
    const r = app.core.router;
    expect(await r.call('users.dropAll', {}, caller(app.adminToken))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const invalid = await r.call('users.create', { username: 'X Y', displayName: '', role: 'boss', password: 'short' }, caller(app.adminToken));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!invalid.ok) {
      expect(invalid.error.issues?.map((i) => i.path).sort()).toEqual(['displayName', 'password', 'role', 'username']);
      expect(invalid.error.message).not.toMatch(/at .*\.ts/);
    }
    expect(await r.call('users.list', {}, caller())).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await r.call('users.list', {}, caller('not-a-token'))).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('checks the role of every method in core, not in the UI', async () => {
    app = await createTestApp();
    const tokens = {
      admin: app.adminToken,
      reviewer: await app.userToken('rina', 'reviewer'),
      finance: await app.userToken('fajar', 'finance'),
      manager: await app.userToken('maya', 'manager'),
    };
    for (const [name, def] of Object.entries(contract)) {
      if (def.access === 'public' || def.access === 'authenticated') continue;
      for (const [role, token] of Object.entries(tokens)) {
        const result = await app.core.router.call(name, {}, caller(token));
        const allowed = (def.access as readonly string[]).includes(role);
        if (allowed) expect(result.ok || result.error.code !== 'FORBIDDEN', `${role} may call ${name}`).toBe(true);
        else expect(result, `${role} must not call ${name}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('writes the audit record in the same transaction as the change, and neither when the change fails', async () => {
    app = await createTestApp();
    const before = (await app.as(app.adminToken, 'audit.list', {})).total;
    await app.as(app.adminToken, 'users.create', { username: 'budi', displayName: 'Budi', role: 'reviewer', password: TEST_PASSWORD });
    const created = await app.as(app.adminToken, 'audit.list', { action: 'user.create', entityId: '2' });
    expect(created.rows[0]).toMatchObject({ username: 'admin', entity: 'user', after: { username: 'budi', role: 'reviewer', active: true } });
    expect(JSON.stringify(created.rows[0])).not.toContain('scrypt');
    // A conflicting create fails: no user row and no audit record are left behind.
    await expect(app.as(app.adminToken, 'users.create', { username: 'budi', displayName: 'B2', role: 'finance', password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'CONFLICT' });
    const users = await app.as(app.adminToken, 'users.list', {});
    expect(users.total).toBe(2);
    expect((await app.as(app.adminToken, 'audit.list', {})).total).toBe(before + 1);
  });

  it('lets an admin manage users but never delete them, and keeps one active admin', async () => {
    app = await createTestApp();
    const rina = await app.userToken('rina', 'reviewer');
    const list = await app.as(app.adminToken, 'users.list', { sortField: 'username' });
    const rinaId = list.rows.find((u) => u.username === 'rina')!.id;
    await app.as(app.adminToken, 'users.setActive', { id: rinaId, active: false });
    // Deactivation ends her sessions and blocks login.
    await expect(app.as(rina, 'auth.me', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(app.as(undefined, 'auth.login', { username: 'rina', password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await app.as(app.adminToken, 'users.setActive', { id: rinaId, active: true });
    await app.as(app.adminToken, 'users.setRole', { id: rinaId, role: 'finance' });
    await app.as(app.adminToken, 'users.resetPassword', { id: rinaId, password: 'kata-sandi-baru-99' });
    const login = await app.as(undefined, 'auth.login', { username: 'rina', password: 'kata-sandi-baru-99' });
    expect(login.user.role).toBe('finance');
    const adminId = list.rows.find((u) => u.username === 'admin')!.id;
    await expect(app.as(app.adminToken, 'users.setRole', { id: adminId, role: 'manager' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(app.as(app.adminToken, 'users.setActive', { id: adminId, active: false })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('expires idle sessions and logs out', async () => {
    let now = new Date('2026-11-28T01:00:00Z');
    app = await createTestApp({ now: () => now });
    const token = await app.userToken('maya', 'manager');
    now = new Date(now.getTime() + 30 * 60_000);
    expect((await app.as(token, 'auth.me', {})).username).toBe('maya');
    now = new Date(now.getTime() + 61 * 60_000);
    await expect(app.as(token, 'auth.me', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const fresh = (await app.as(undefined, 'auth.login', { username: 'maya', password: TEST_PASSWORD })).token;
    await app.as(fresh, 'auth.logout', {});
    await expect(app.as(fresh, 'auth.me', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('runs the verify job in a worker thread and reports progress to its owner', async () => {
    app = await createTestApp();
    const events: string[] = [];
    const stop = app.core.jobs.subscribe((job) => events.push(job.state));
    const { jobId } = await app.as(app.adminToken, 'system.verify', {});
    const job = await app.core.jobs.wait(jobId);
    stop();
    expect(job.state).toBe('done');
    expect(job.result).toMatchObject({ ok: true, integrity: ['ok'] });
    expect(events[0]).toBe('running');
    expect(events.at(-1)).toBe('done');
    const manager = await app.userToken('maya', 'manager');
    await expect(app.as(manager, 'jobs.get', { id: jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
