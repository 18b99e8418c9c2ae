import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/app';
import type { InputOf, MethodName, OutputOf } from '../../shared/api/contract';

/** A fresh database file in its own temporary folder, per test. */
export function tempDbPath(name = 'test.sqlite'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-test-')), name);
}

export interface TestApp {
  core: Core;
  dbPath: string;
  /** Calls a method in process as the holder of token. Throws ApiError on failure. */
  as<M extends MethodName>(token: string | undefined, method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  adminToken: string;
  /** Adds a user with the given role and returns a logged-in token. */
  userToken(username: string, role: 'admin' | 'reviewer' | 'finance' | 'manager'): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'rahasia-sekali-123';

export async function createTestApp(options: { now?: () => Date } = {}): Promise<TestApp> {
  const dbPath = tempDbPath();
  const core = await createCore(dbPath, { ...options, log: () => {} });
  const as: TestApp['as'] = (token, method, input) => core.router.invoke(method, input, { token, origin: 'test' });
  const setup = await as(undefined, 'auth.setup', { username: 'admin', displayName: 'Admin Utama', password: TEST_PASSWORD });
  return {
    core,
    dbPath,
    as,
    adminToken: setup.token,
    async userToken(username, role) {
      await as(setup.token, 'users.create', { username, displayName: username, role, password: TEST_PASSWORD });
      return (await as(undefined, 'auth.login', { username, password: TEST_PASSWORD })).token;
    },
    close: () => core.close(),
  };
}
