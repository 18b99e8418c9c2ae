import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import { runCli } from '../../electron/cli/program';
import { findRendererDir } from '../../electron/cli/commands/serve';
import { tempDbPath, TEST_PASSWORD } from '../helpers/core';
import { runCliCaptured } from '../helpers/cli';

const PW = { PRAKERJA_PASSWORD: TEST_PASSWORD };
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** The audit records with this action, read straight from the file the CLI wrote. */
async function auditOf(dbPath: string, action: string) {
  core = await createCore(dbPath, { log: () => {} });
  const rows = await core.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
  await core.close();
  core = undefined;
  return rows;
}

describe('prakerja-office users add', () => {
  it('adds the first user without --user only as an admin, through auth.setup', async () => {
    const db = tempDbPath();
    const refused = await runCliCaptured(['--db', db, '--json', 'users', 'add', 'rina', '--role', 'reviewer'], PW);
    expect(refused.code).toBe(1);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION' });
    expect(refused.json().error!.message).toContain('admin');

    const ok = await runCliCaptured(['--db', db, '--json', 'users', 'add', 'admin', '--role', 'admin', '--display-name', 'Admin Utama'], PW);
    expect(ok.code).toBe(0);
    expect(ok.json()).toEqual({ user: { id: 1, username: 'admin', displayName: 'Admin Utama', role: 'admin' }, firstUser: true });
    const created = await auditOf(db, 'user.create');
    expect(created).toHaveLength(1);
    // The first-run login session is closed again, not left behind.
    core = await createCore(db, { log: () => {} });
    expect(await core.db.kysely.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('needs an admin --user after the first user, and audits the change as that user', async () => {
    const db = tempDbPath();
    expect((await runCliCaptured(['--db', db, 'users', 'add', 'admin', '--role', 'admin'], PW)).code).toBe(0);

    const noUser = await runCliCaptured(['--db', db, '--json', 'users', 'add', 'rina', '--role', 'reviewer'], PW);
    expect(noUser.code).toBe(1);
    expect(noUser.json().error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(noUser.json().error!.message).toContain('--user');

    const byAdmin = await runCliCaptured(['--db', db, '--json', '--user', 'admin', 'users', 'add', 'rina', '--role', 'reviewer'], PW);
    expect(byAdmin.code).toBe(0);
    expect(byAdmin.json()).toMatchObject({ user: { username: 'rina', role: 'reviewer', displayName: 'rina' }, firstUser: false });

    const byReviewer = await runCliCaptured(['--db', db, '--json', '--user', 'rina', 'users', 'add', 'budi', '--role', 'finance'], PW);
    expect(byReviewer.code).toBe(1);
    expect(byReviewer.json().error).toMatchObject({ code: 'FORBIDDEN' });

    const created = await auditOf(db, 'user.create');
    // The first admin is created before anyone is logged in: the record names the new admin as the actor.
    expect(created.map((r) => [r.username, JSON.parse(r.after_json!).username])).toEqual([
      ['admin', 'admin'],
      ['admin', 'rina'],
    ]);
    const localSessions = await auditOf(db, 'auth.local_session');
    expect(localSessions.map((r) => [r.username, JSON.parse(r.after_json!).origin])).toEqual([
      ['admin', 'cli'],
      ['rina', 'cli'],
    ]);
    core = await createCore(db, { log: () => {} });
    expect(await core.db.kysely.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('takes --user and the database from PRAKERJA_USER and PRAKERJA_DB', async () => {
    const db = tempDbPath();
    await runCliCaptured(['users', 'add', 'admin', '--role', 'admin'], { ...PW, PRAKERJA_DB: db });
    const run = await runCliCaptured(['--json', 'users', 'add', 'sari', '--role', 'manager'], { ...PW, PRAKERJA_DB: db, PRAKERJA_USER: 'admin' });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ user: { username: 'sari', role: 'manager' } });
  });

  it('refuses an unknown or deactivated --user with exit 1', async () => {
    const db = tempDbPath();
    await runCliCaptured(['--db', db, 'users', 'add', 'admin', '--role', 'admin'], PW);
    await runCliCaptured(['--db', db, '--user', 'admin', 'users', 'add', 'lama', '--role', 'admin'], PW);

    const unknown = await runCliCaptured(['--db', db, '--json', '--user', 'siapa', 'users', 'add', 'x-user', '--role', 'manager'], PW);
    expect(unknown.code).toBe(1);
    expect(unknown.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(unknown.json().error!.message).toContain('siapa');

    core = await createCore(db, { log: () => {} });
    const admin = (await core.router.invoke('auth.login', { username: 'admin', password: TEST_PASSWORD }, { origin: 'test' })).token;
    await core.router.invoke('users.setActive', { id: 2, active: false }, { token: admin, origin: 'test' });
    await core.close();
    core = undefined;

    const inactive = await runCliCaptured(['--db', db, '--user', 'lama', 'users', 'add', 'x-user', '--role', 'manager'], PW);
    expect(inactive.code).toBe(1);
    expect(inactive.stdout).toBe('');
    expect(inactive.stderr).toContain('"lama" telah dinonaktifkan');
  });

  it('fails without a password when stdin is not a terminal', async () => {
    const db = tempDbPath();
    const run = await runCliCaptured(['--db', db, '--json', 'users', 'add', 'admin', '--role', 'admin']);
    expect(run.code).toBe(1);
    expect(run.json().error).toMatchObject({ code: 'VALIDATION' });
    expect(run.json().error!.message).toContain('PRAKERJA_PASSWORD');
  });

  it('reports a password the API refuses with the field named', async () => {
    const db = tempDbPath();
    const run = await runCliCaptured(['--db', db, 'users', 'add', 'admin', '--role', 'admin'], { PRAKERJA_PASSWORD: 'pendek' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('password');
    expect(run.stderr).toContain('minimal 10');
  });
});

describe('prakerja-office command line', () => {
  it.each([
    [['db', 'frob'], 'frob'],
    [['--frob', 'db', 'verify'], '--frob'],
    [['db', 'backup'], 'FILE'],
    [['users', 'add', 'x-user'], '--role'],
    [['users', 'add', 'x-user', '--role', 'boss'], 'admin, reviewer, finance, manager'],
    [['serve', '--port', 'abc'], 'abc'],
    [['db'], 'subperintah'],
    [[], 'subperintah'],
    [['db', 'verify', 'extra'], 'argumen'],
  ])('%j is a usage error: exit 2, one JSON error with code USAGE', async (argv, mentions) => {
    const run = await runCliCaptured(['--json', ...argv], { PRAKERJA_DB: tempDbPath() });
    expect(run.code).toBe(2);
    expect(run.json().error).toMatchObject({ code: 'USAGE' });
    expect(run.json().error!.message).toContain(mentions);
  });

  it('prints usage errors for people on stderr, nothing on stdout', async () => {
    const run = await runCliCaptured(['db', 'frob'], { PRAKERJA_DB: tempDbPath() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Perintah tidak dikenal: frob');
  });

  it('puts help into the one JSON object under --json, and on stdout otherwise', async () => {
    const json = await runCliCaptured(['--json', '--help']);
    expect(json.code).toBe(0);
    expect(String(json.json().help)).toContain('users');
    const text = await runCliCaptured(['db', '--help']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('restore');
  });

  it('db migrate reports the applied migrations, the backup and the schema version', async () => {
    const db = tempDbPath();
    const first = await runCliCaptured(['--db', db, '--json', 'db', 'migrate']);
    expect(first.code).toBe(0);
    const data = first.json();
    expect(Object.keys(data).sort()).toEqual(['applied', 'backup', 'db', 'schemaVersion']);
    expect((data.applied as string[])[0]).toBe('0001_foundation');
    expect(data.schemaVersion).toBe((data.applied as string[]).at(-1));
    expect(data.backup).toBeNull();
    const again = await runCliCaptured(['--db', db, '--json', 'db', 'migrate']);
    expect(again.json()).toMatchObject({ applied: [], backup: null, schemaVersion: data.schemaVersion });
    const text = await runCliCaptured(['--db', db, 'db', 'migrate']);
    expect(text.stdout).toContain(`Versi skema: ${String(data.schemaVersion)}`);
  });

  it('db verify of a missing database fails without creating it', async () => {
    const db = tempDbPath();
    const run = await runCliCaptured(['--db', db, '--json', 'db', 'verify']);
    expect(run.code).toBe(1);
    expect(run.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('db verify of a file that is not a database fails with a message naming it', async () => {
    const db = tempDbPath();
    fs.writeFileSync(db, 'ini bukan basis data, hanya teks biasa yang cukup panjang untuk dibaca SQLite'.repeat(20));
    const run = await runCliCaptured(['--db', db, '--json', 'db', 'verify']);
    expect(run.code).toBe(1);
    expect(run.json().error!.message).toContain(db);
  });

  it.skipIf(!findRendererDir())('serve prints its address as one JSON object, serves the app, and stops on request', async () => {
    const db = tempDbPath();
    let stdout = '';
    const stop = new AbortController();
    const done = runCli(['--db', db, '--json', 'serve', '--port', '0'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => {} },
      env: {},
      stop: stop.signal,
    });
    for (let i = 0; i < 100 && !stdout.includes('\n'); i++) await new Promise((r) => setTimeout(r, 50));
    const { url } = JSON.parse(stdout) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const status = await fetch(`${url}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'system.status', input: {} }) });
    expect(await status.json()).toMatchObject({ ok: true, value: { firstRun: true } });
    stop.abort();
    expect(await done).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
