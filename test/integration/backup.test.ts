import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import { checkRestorable } from '../../electron/core/db/backup';
import { createTestApp, tempDbPath, TEST_PASSWORD, type TestApp } from '../helpers/core';
import { runCliCaptured } from '../helpers/cli';

let app: TestApp | undefined;
let other: Core | undefined;
afterEach(async () => {
  await app?.close();
  await other?.close();
  app = undefined;
  other = undefined;
});

const PW = { PRAKERJA_PASSWORD: TEST_PASSWORD };
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const backupsDir = (dbPath: string) => path.join(path.dirname(dbPath), 'backups');

function read<T>(file: string, sql: string): T[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const usernames = (file: string) => read<{ username: string }>(file, 'SELECT username FROM users ORDER BY id').map((r) => r.username);

/** A thread inserting filler rows through its own connection until stopped, pausing pauseMs between writes. */
function startBusyWriter(dbPath: string, pauseMs: number) {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const db = new (require('better-sqlite3'))(workerData.dbPath);
     db.pragma('busy_timeout = 5000');
     db.pragma('synchronous = NORMAL');
     const insert = db.prepare('INSERT INTO filler (b) VALUES (?)');
     while (Atomics.load(workerData.flag, 0) === 0) {
       insert.run(Buffer.alloc(64, 7));
       if (workerData.pauseMs > 0) Atomics.wait(workerData.flag, 0, 0, workerData.pauseMs);
     }
     db.close();`,
    { eval: true, workerData: { dbPath, flag, pauseMs } },
  );
  const exited = new Promise((resolve, reject) => worker.on('exit', resolve).on('error', reject));
  return {
    async stop() {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      await exited;
    },
  };
}

function addFiller(sqlite: BetterSqlite3.Database, rows: number) {
  sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, b BLOB)');
  const fill = sqlite.prepare('INSERT INTO filler (b) VALUES (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) fill.run(Buffer.alloc(4000, i % 251));
  })();
}

/** A database with an admin and a reviewer, made through the CLI and closed. */
async function databaseWithUsers(): Promise<string> {
  const db = tempDbPath();
  expect((await runCliCaptured(['--db', db, 'users', 'add', 'admin', '--role', 'admin'], PW)).code).toBe(0);
  expect((await runCliCaptured(['--db', db, '--user', 'admin', 'users', 'add', 'rina', '--role', 'reviewer'], PW)).code).toBe(0);
  return db;
}

describe('db backup', () => {
  it('makes a sound copy while another connection keeps writing', async () => {
    app = await createTestApp();
    // Enough pages that the copy takes many steps, so writes land in the middle of it.
    addFiller(app.core.db.sqlite, 4000);
    const auditAt = (file: string) => read<{ n: number }>(file, 'SELECT count(*) AS n FROM audit_log')[0]!.n;
    const before = auditAt(app.dbPath);

    // Another connection in another thread keeps writing too: each of its writes restarts an
    // online backup that is copying in small steps.
    const busy = startBusyWriter(app.dbPath, 1);

    let writing = true;
    let writes = 0;
    const writer = (async () => {
      const token = app!.adminToken;
      while (writing) {
        await app!.as(token, 'auth.setLocale', { locale: writes % 2 ? 'id' : 'en' });
        writes++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (writes % 50 === 0) await app!.as(token, 'users.create', { username: `u${writes}`, displayName: 'U', role: 'manager', password: TEST_PASSWORD });
      }
    })();

    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      const file = path.join(path.dirname(tempDbPath()), `cadangan-${i}.sqlite`);
      const run = await runCliCaptured(['--db', app.dbPath, '--json', 'db', 'backup', file]);
      expect(run.code, run.stdout).toBe(0);
      expect(run.json()).toMatchObject({ file, db: app.dbPath });
      files.push(file);
    }
    writing = false;
    await writer;
    await busy.stop();
    expect(writes).toBeGreaterThan(0);

    for (const file of files) {
      expect(checkRestorable(file)).toBeNull();
      const verified = await runCliCaptured(['--db', file, '--json', 'db', 'verify']);
      expect(verified.code).toBe(0);
      expect(verified.json()).toMatchObject({ ok: true, integrity: ['ok'], problems: [] });
      expect(auditAt(file)).toBeGreaterThanOrEqual(before);
      expect(read<{ n: number }>(file, 'SELECT count(*) AS n FROM filler')[0]!.n).toBeGreaterThanOrEqual(4000);
    }
    expect(auditAt(files[2]!)).toBeLessThanOrEqual(auditAt(app.dbPath));
  });

  it('finishes while the app writes between every step of the copy', async () => {
    app = await createTestApp();
    addFiller(app.core.db.sqlite, 5000);
    // The app's connection writes every millisecond, i.e. between the backup's steps; a copy that
    // restarts on each such write in small steps would never end.
    const insert = app.core.db.sqlite.prepare('INSERT INTO filler (b) VALUES (?)');
    const timer = setInterval(() => insert.run(Buffer.alloc(64, 7)), 1);
    const file = path.join(path.dirname(app.dbPath), 'cadangan.sqlite');
    try {
      const run = await runCliCaptured(['--db', app.dbPath, '--json', 'db', 'backup', file]);
      expect(run.code, run.stdout).toBe(0);
    } finally {
      clearInterval(timer);
    }
    expect(checkRestorable(file)).toBeNull();
    expect(read<{ n: number }>(file, 'SELECT count(*) AS n FROM filler')[0]!.n).toBeGreaterThanOrEqual(5000);
  });

  it('refuses to overwrite the database itself, and a missing database', async () => {
    const db = await databaseWithUsers();
    const self = await runCliCaptured(['--db', db, '--json', 'db', 'backup', db]);
    expect(self.code).toBe(1);
    expect(self.json().error).toMatchObject({ code: 'VALIDATION' });
    const missing = await runCliCaptured(['--db', `${db}.tidak-ada`, '--json', 'db', 'backup', `${db}.bak`]);
    expect(missing.code).toBe(1);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.existsSync(`${db}.bak`)).toBe(false);
  });
});

describe('db restore', () => {
  async function refusedRestore(file: string, mentions: string) {
    const db = await databaseWithUsers();
    const hash = sha(db);
    const run = await runCliCaptured(['--db', db, '--user', 'admin', '--json', 'db', 'restore', file]);
    expect(run.code).toBe(1);
    expect(run.json().error).toMatchObject({ code: 'VALIDATION' });
    expect(run.json().error!.message).toContain(mentions);
    expect(sha(db)).toBe(hash);
    expect(fs.existsSync(backupsDir(db))).toBe(false);
    expect(usernames(db)).toEqual(['admin', 'rina']);
  }

  it('refuses a file that is not a database, changing nothing', async () => {
    const file = path.join(path.dirname(tempDbPath()), 'catatan.sqlite');
    fs.writeFileSync(file, 'registration_id,nik\nR1,3201234567890001\n'.repeat(200));
    await refusedRestore(file, file);
  });

  it('refuses a SQLite database of another application, changing nothing', async () => {
    const file = tempDbPath('lain.sqlite');
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT); INSERT INTO pelanggan (nama) VALUES (\'x\')');
    other.close();
    await refusedRestore(file, 'bukan basis data Prakerja Office');
  });

  it('refuses a damaged backup, changing nothing', async () => {
    const source = await databaseWithUsers();
    const file = path.join(path.dirname(source), 'rusak.sqlite');
    fs.copyFileSync(source, file);
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    for (let offset = 4096; offset < size; offset += 8192) fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, offset);
    fs.closeSync(fd);
    await refusedRestore(file, file);
  });

  it('refuses a missing file, changing nothing', async () => {
    await refusedRestore(path.join(path.dirname(tempDbPath()), 'tidak-ada.sqlite'), 'tidak ditemukan');
  });

  it('needs an admin --user when the current database has users', async () => {
    const db = await databaseWithUsers();
    const file = path.join(path.dirname(db), 'cadangan.sqlite');
    expect((await runCliCaptured(['--db', db, 'db', 'backup', file])).code).toBe(0);
    const hash = sha(file);

    const anonymous = await runCliCaptured(['--db', db, '--json', 'db', 'restore', file]);
    expect(anonymous.code).toBe(1);
    expect(anonymous.json().error).toMatchObject({ code: 'UNAUTHORIZED' });

    const reviewer = await runCliCaptured(['--db', db, '--user', 'rina', '--json', 'db', 'restore', file]);
    expect(reviewer.code).toBe(1);
    expect(reviewer.json().error).toMatchObject({ code: 'FORBIDDEN' });
    expect(fs.existsSync(backupsDir(db))).toBe(false);
    // Only the refused attempt's local session was recorded: nothing was restored.
    expect(usernames(db)).toEqual(['admin', 'rina']);
    expect(read(db, `SELECT id FROM audit_log WHERE action = 'db.restore'`)).toEqual([]);
    expect(sha(file)).toBe(hash);
  });

  it('refuses while another program has the database open', async () => {
    const db = await databaseWithUsers();
    const file = path.join(path.dirname(db), 'cadangan.sqlite');
    expect((await runCliCaptured(['--db', db, 'db', 'backup', file])).code).toBe(0);
    other = await createCore(db, { log: () => {} });
    const run = await runCliCaptured(['--db', db, '--user', 'admin', '--json', 'db', 'restore', file]);
    expect(run.code).toBe(1);
    expect(run.json().error).toMatchObject({ code: 'CONFLICT' });
    expect(fs.existsSync(backupsDir(db))).toBe(false);
    // The open connection still works on the same file.
    expect(await other.db.kysely.selectFrom('users').select('username').execute()).toHaveLength(2);
  });

  it('brings back the backed-up state, keeps a safety copy, and audits the restore', async () => {
    const db = await databaseWithUsers();
    const file = path.join(path.dirname(db), 'cadangan.sqlite');
    expect((await runCliCaptured(['--db', db, 'db', 'backup', file])).code).toBe(0);
    expect((await runCliCaptured(['--db', db, '--user', 'admin', 'users', 'add', 'budi', '--role', 'finance'], PW)).code).toBe(0);
    expect(usernames(db)).toEqual(['admin', 'rina', 'budi']);

    const run = await runCliCaptured(['--db', db, '--user', 'admin', '--json', 'db', 'restore', file]);
    expect(run.code, run.stdout).toBe(0);
    const out = run.json() as { safetyCopy: string; restoredFrom: string; auditId: number; migrationsApplied: string[] };
    expect(out).toMatchObject({ db, restoredFrom: file, migrationsApplied: [] });

    expect(usernames(db)).toEqual(['admin', 'rina']);
    expect(usernames(out.safetyCopy)).toEqual(['admin', 'rina', 'budi']);
    const last = read<{ id: number; action: string; username: string; after_json: string }>(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT 1')[0]!;
    expect(last).toMatchObject({ id: out.auditId, action: 'db.restore', username: 'admin' });
    expect(JSON.parse(last.after_json)).toMatchObject({ file, safetyCopy: out.safetyCopy, origin: 'cli' });

    const verified = await runCliCaptured(['--db', db, '--json', 'db', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, problems: [] });
    // The restored database is usable: the admin can act again.
    const again = await runCliCaptured(['--db', db, '--user', 'admin', 'users', 'add', 'budi', '--role', 'finance'], PW);
    expect(again.code).toBe(0);
  });

  it('restores over an unreadable database without --user, setting the broken file aside', async () => {
    const source = await databaseWithUsers();
    const file = path.join(path.dirname(source), 'cadangan.sqlite');
    expect((await runCliCaptured(['--db', source, 'db', 'backup', file])).code).toBe(0);
    const db = tempDbPath();
    fs.writeFileSync(db, Buffer.alloc(8192, 0x33));

    const run = await runCliCaptured(['--db', db, '--json', 'db', 'restore', file]);
    expect(run.code, run.stdout).toBe(0);
    const out = run.json() as { safetyCopy: string };
    expect(fs.readFileSync(out.safetyCopy)).toEqual(Buffer.alloc(8192, 0x33));
    expect(usernames(db)).toEqual(['admin', 'rina']);
    expect((await runCliCaptured(['--db', db, 'db', 'verify'])).code).toBe(0);
  });

  it('restores into a place with no database yet', async () => {
    const source = await databaseWithUsers();
    const file = path.join(path.dirname(source), 'cadangan.sqlite');
    expect((await runCliCaptured(['--db', source, 'db', 'backup', file])).code).toBe(0);
    const db = tempDbPath();
    const run = await runCliCaptured(['--db', db, '--json', 'db', 'restore', file]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ safetyCopy: null });
    expect(usernames(db)).toEqual(['admin', 'rina']);
  });
});
