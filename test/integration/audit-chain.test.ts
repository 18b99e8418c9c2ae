import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainHash } from '../../electron/core/audit/chain';
import type { AuditLogTable } from '../../electron/core/db/schema';
import { createTestApp, tempDbPath } from '../helpers/core';
import { runCliCaptured } from '../helpers/cli';

let template: string;
let records: number;

/** A database with a few hundred audit records written through the router, closed (WAL folded in). */
beforeAll(async () => {
  const app = await createTestApp();
  for (let i = 0; i < 150; i++) await app.as(app.adminToken, 'auth.setLocale', { locale: i % 2 ? 'id' : 'en' });
  await app.userToken('rina', 'reviewer');
  template = app.dbPath;
  await app.close();
  const db = new BetterSqlite3(template, { readonly: true });
  records = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  db.close();
});

/** A copy of the template, tampered with by fn on a raw connection: what someone with the file could do. */
function tampered(fn: (db: BetterSqlite3.Database) => void): string {
  const file = tempDbPath();
  fs.copyFileSync(template, file);
  const db = new BetterSqlite3(file);
  fn(db);
  db.close();
  return file;
}

interface VerifyJson {
  ok: boolean;
  integrity: string[];
  auditRecords: number;
  problems: { id: number | null; problem: string; message: string }[];
}

async function verify(file: string) {
  const run = await runCliCaptured(['--db', file, '--json', 'db', 'verify']);
  return { code: run.code, report: run.json() as unknown as VerifyJson };
}

const row = (db: BetterSqlite3.Database, id: number) => db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as AuditLogTable;

describe('db verify and the audit hash chain', () => {
  it('passes on an untouched database', async () => {
    expect(records).toBeGreaterThan(150);
    const { code, report } = await verify(tampered(() => {}));
    expect(code).toBe(0);
    expect(report).toEqual({ ok: true, integrity: ['ok'], auditRecords: records, problems: [] });
  });

  it('reports an edited record by its id', async () => {
    const file = tampered((db) => db.prepare(`UPDATE audit_log SET after_json = '{"locale":"xx"}' WHERE id = 77`).run());
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ id: 77, problem: 'edited' })]);
    expect(report.problems[0]!.message).toContain('77');
  });

  it('reports an edit even when the editor recomputed that record hash', async () => {
    const file = tampered((db) => {
      const r = row(db, 40);
      const forged = { ...r, username: 'orang-lain' };
      db.prepare('UPDATE audit_log SET username = ?, hash = ? WHERE id = 40').run(forged.username, chainHash(r.prev_hash, forged));
    });
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    // The next record no longer links to it.
    expect(report.problems.map((p) => p.id)).toEqual([41]);
    expect(report.problems[0]!.message).toContain('41');
  });

  it('reports a record deleted in the middle, naming it', async () => {
    const file = tampered((db) => db.prepare('DELETE FROM audit_log WHERE id = 100').run());
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.auditRecords).toBe(records - 1);
    expect(report.problems).toEqual([expect.objectContaining({ id: 101, problem: 'inserted_or_deleted' })]);
    expect(report.problems[0]!.message).toContain('Catatan audit 100 hilang');
  });

  it('reports the last records deleted, naming them', async () => {
    const file = tampered((db) => db.prepare('DELETE FROM audit_log WHERE id > ?').run(records - 3));
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ problem: 'head_mismatch' })]);
    expect(report.problems[0]!.message).toContain(`${records - 2}–${records}`);
  });

  it('reports a record inserted in the middle with a well-formed hash', async () => {
    const file = tampered((db) => {
      // Make room after record 60 (two steps: ids are unique), then forge a record that links to 60.
      db.prepare('UPDATE audit_log SET id = -id WHERE id > 60').run();
      db.prepare('UPDATE audit_log SET id = -id + 1 WHERE id < 0').run();
      const prev = row(db, 60);
      const forged = { id: 61, at: prev.at, user_id: 1, username: 'admin', action: 'user.create', entity: 'user', entity_id: '99', before_json: null, after_json: '{"username":"hantu"}' };
      db.prepare('INSERT INTO audit_log VALUES (@id, @at, @user_id, @username, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)').run({
        ...forged,
        prev_hash: prev.hash,
        hash: chainHash(prev.hash, forged),
      });
    });
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.problems[0]).toMatchObject({ id: 62, problem: 'inserted_or_deleted' });
    expect(report.problems[0]!.message).toContain('62');
  });

  it('reports a record appended at the end with a well-formed hash', async () => {
    const file = tampered((db) => {
      const last = row(db, records);
      const forged = { id: records + 1, at: last.at, user_id: 1, username: 'admin', action: 'user.create', entity: 'user', entity_id: '99', before_json: null, after_json: '{"username":"hantu"}' };
      db.prepare('INSERT INTO audit_log VALUES (@id, @at, @user_id, @username, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)').run({
        ...forged,
        prev_hash: last.hash,
        hash: chainHash(last.hash, forged),
      });
    });
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ problem: 'head_mismatch' })]);
    expect(report.problems[0]!.message).toContain(String(records + 1));
  });

  it('lists the problems for people and exits 1', async () => {
    const file = tampered((db) => db.prepare('DELETE FROM audit_log WHERE id = 5').run());
    const run = await runCliCaptured(['--db', file, 'db', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Catatan audit 5 hilang (dihapus) sebelum catatan 6');
    expect(run.stdout).toContain('DITEMUKAN 1 MASALAH');
  });

  it('reports a damaged file through integrity_check', async () => {
    const file = tampered(() => {});
    // Overwrite a page in the middle of the file with garbage.
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
    fs.closeSync(fd);
    const run = await runCliCaptured(['--db', file, '--json', 'db', 'verify']);
    expect(run.code).toBe(1);
    const out = run.json();
    // Either integrity_check lists the damage, or SQLite refuses the file outright.
    if ('error' in out) expect(out.error!.message).toContain(path.basename(file));
    else expect((out as unknown as VerifyJson).integrity).not.toEqual(['ok']);
  });
});
