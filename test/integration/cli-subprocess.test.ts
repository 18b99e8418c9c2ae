import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath, TEST_PASSWORD } from '../helpers/core';

const ROOT = path.resolve(__dirname, '../..');

/** Runs a real process with a minimal environment; resolves with its exit code and output. */
function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tsx = (args: string[], env: Record<string, string>) => run(path.join(ROOT, 'node_modules/.bin/tsx'), ['electron/cli/index.ts', ...args], env);

/** stdout must be exactly one line holding one JSON object. */
function oneJsonObject(stdout: string): Record<string, unknown> {
  expect(stdout.endsWith('\n')).toBe(true);
  const lines = stdout.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  const value = JSON.parse(lines[0]!) as unknown;
  expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
  return value as Record<string, unknown>;
}

describe('prakerja-office as a process', () => {
  it('adds the first admin, then verifies, each printing one JSON line with exit 0', { timeout: 120_000 }, async () => {
    const db = tempDbPath();
    const add = await tsx(['--json', 'users', 'add', 'admin', '--role', 'admin'], { PRAKERJA_DB: db, PRAKERJA_PASSWORD: TEST_PASSWORD });
    expect(add.code).toBe(0);
    expect(oneJsonObject(add.stdout)).toMatchObject({ user: { username: 'admin', role: 'admin' }, firstUser: true });

    const verify = await tsx(['db', 'verify', '--json'], { PRAKERJA_DB: db });
    expect(verify.code).toBe(0);
    // user.create and auth.logout (the first-run session is closed again).
    expect(oneJsonObject(verify.stdout)).toEqual({ ok: true, integrity: ['ok'], auditRecords: 2, problems: [] });
  });

  it('exits 1 with one JSON error for an unknown --user, and 2 for a usage error', { timeout: 120_000 }, async () => {
    const db = tempDbPath();
    await tsx(['users', 'add', 'admin', '--role', 'admin'], { PRAKERJA_DB: db, PRAKERJA_PASSWORD: TEST_PASSWORD });
    const unknown = await tsx(['--json', '--user', 'siapa', 'users', 'add', 'rina', '--role', 'reviewer'], { PRAKERJA_DB: db, PRAKERJA_PASSWORD: TEST_PASSWORD });
    expect(unknown.code).toBe(1);
    expect(oneJsonObject(unknown.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const usage = await tsx(['--json', 'db', 'restore'], { PRAKERJA_DB: db });
    expect(usage.code).toBe(2);
    expect(oneJsonObject(usage.stdout)).toMatchObject({ error: { code: 'USAGE' } });
  });

  it('prints only the JSON object through npm run --silent cli', { timeout: 120_000 }, async () => {
    const db = tempDbPath();
    const migrate = await run('npm', ['run', '--silent', 'cli', '--', '--json', 'db', 'migrate'], { PRAKERJA_DB: db });
    expect(migrate.code).toBe(0);
    expect(oneJsonObject(migrate.stdout)).toMatchObject({ db, backup: null });
    const missing = await run('npm', ['run', '--silent', 'cli', '--', '--json', 'db', 'verify'], { PRAKERJA_DB: `${db}.absent` });
    expect(missing.code).toBe(1);
    expect(oneJsonObject(missing.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
