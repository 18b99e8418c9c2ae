import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/core';
import { MAX_FAILED_LOGINS } from '../../electron/core/users/policy';

let app: TestApp;
afterEach(async () => app?.close());

describe('first run and login', () => {
  it('creates the first admin once, then refuses a second setup', async () => {
    app = await createTestApp();
    expect(await app.as(undefined, 'system.status', {})).toMatchObject({ firstRun: false });
    await expect(app.as(undefined, 'auth.setup', { username: 'other', displayName: 'X', password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'CONFLICT' });
    const me = await app.as(app.adminToken, 'auth.me', {});
    expect(me).toMatchObject({ username: 'admin', role: 'admin', locale: 'id' });
  });

  it('rejects a wrong password with the same message as an unknown user, and locks after repeated failures', async () => {
    app = await createTestApp();
    const wrong = app.as(undefined, 'auth.login', { username: 'admin', password: 'salah-salah-salah' });
    const unknown = app.as(undefined, 'auth.login', { username: 'nobody', password: 'salah-salah-salah' });
    const [a, b] = await Promise.allSettled([wrong, unknown]);
    expect(a.status === 'rejected' && b.status === 'rejected' && (a.reason as Error).message === (b.reason as Error).message).toBe(true);
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      await app.as(undefined, 'auth.login', { username: 'admin', password: 'salah-salah-salah' }).catch(() => {});
    }
    // Locked now: even the right password is refused, and the lock was committed despite the error.
    await expect(app.as(undefined, 'auth.login', { username: 'admin', password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const audit = await app.as(app.adminToken, 'audit.list', { action: 'auth.lockout' });
    expect(audit.total).toBe(1);
  });
});
