import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors';
import { appendAudit } from '../../core/audit/chain';
import { backupDatabase, checkRestorable, restoreDatabase, stamp } from '../../core/db/backup';
import { openDb, openSqlite } from '../../core/db/connection';
import { migrateToLatest } from '../../core/db/migrate';
import { writeTransaction } from '../../core/db/transaction';
import { verifyDatabase } from '../../core/db/verify';
import { closeLocalSession, openLocalSession } from '../../core/users/local-session';
import { CLI_ORIGIN, requireUserOption, type CliContext } from '../context';
import type { Outcome } from '../outcome';
import type { Act } from '../program';

export function registerDbCommands(program: Command, act: Act): void {
  const db = program.command('db').description('basis data: migrasi, pemeriksaan, cadangan, pemulihan');
  db.command('migrate').description('perbarui skema basis data ke versi terbaru (dicadangkan dahulu)').action(act(migrate));
  db.command('verify').description('periksa keutuhan basis data dan rantai log audit').action(act(verify));
  db.command('backup').argument('<FILE>', 'file cadangan yang dibuat').description('cadangkan basis data selagi aplikasi berjalan').action(act(backup));
  db.command('restore')
    .argument('<FILE>', 'file cadangan yang dipulihkan')
    .description('pulihkan basis data dari cadangan (perlu --user admin; salinan pengaman dibuat dahulu)')
    .action(act(restore));
}

function requireExisting(dbPath: string) {
  if (!fs.existsSync(dbPath)) throw new ApiError('NOT_FOUND', `Basis data ${dbPath} tidak ditemukan.`);
}

async function migrate(ctx: CliContext): Promise<Outcome> {
  const db = openDb(ctx.globals.dbPath);
  try {
    const result = await migrateToLatest(db);
    return {
      data: { db: db.path, applied: result.applied, backup: result.backup, schemaVersion: result.schemaVersion },
      lines: [
        result.applied.length ? `Migrasi diterapkan: ${result.applied.join(', ')}` : 'Skema sudah terbaru; tidak ada migrasi yang diterapkan.',
        ...(result.backup ? [`Cadangan sebelum migrasi: ${result.backup}`] : []),
        `Versi skema: ${result.schemaVersion}`,
      ],
    };
  } finally {
    await db.close();
  }
}

async function verify(ctx: CliContext): Promise<Outcome> {
  requireExisting(ctx.globals.dbPath);
  // Read-only: verifying must not change the file it judges (no migration either).
  const sqlite = openSqlite(ctx.globals.dbPath, { readonly: true });
  try {
    const report = verifyDatabase(sqlite);
    const integrityOk = report.integrity.length === 1 && report.integrity[0] === 'ok';
    const problems = [
      ...(integrityOk ? [] : report.integrity.map((message) => ({ id: null, problem: 'integrity', message }))),
      ...report.auditProblems,
    ];
    return {
      data: { ok: report.ok, integrity: report.integrity, auditRecords: report.auditRecords, problems },
      lines: [
        `Basis data: ${ctx.globals.dbPath}`,
        `Keutuhan (integrity_check): ${integrityOk ? 'baik' : 'RUSAK'}`,
        `Catatan audit diperiksa: ${report.auditRecords}`,
        ...problems.map((p) => `  - ${p.message}`),
        report.ok ? 'Hasil: basis data utuh, rantai audit tidak berubah.' : `Hasil: DITEMUKAN ${problems.length} MASALAH.`,
      ],
      exitCode: report.ok ? 0 : 1,
    };
  } finally {
    sqlite.close();
  }
}

async function backup(ctx: CliContext, [file]: string[]): Promise<Outcome> {
  const dbPath = ctx.globals.dbPath;
  requireExisting(dbPath);
  const target = path.resolve(file!);
  if (target === dbPath) throw new ApiError('VALIDATION', 'File cadangan tidak boleh sama dengan basis data itu sendiri.');
  const sqlite = openSqlite(dbPath, { readonly: true });
  let result: { file: string; bytes: number };
  try {
    result = await backupDatabase(sqlite, target);
  } finally {
    sqlite.close();
  }
  const problem = checkRestorable(result.file);
  if (problem) throw new ApiError('INTERNAL', `Cadangan ${result.file} dibuat tetapi tidak lolos pemeriksaan: ${problem}`);
  return {
    data: { db: dbPath, file: result.file, bytes: result.bytes },
    lines: [`Cadangan dibuat: ${result.file} (${result.bytes} byte), dari ${dbPath}.`],
  };
}

/** The database about to be replaced: who may replace it, and whether it can be read at all. */
async function authorizeRestore(ctx: CliContext, dbPath: string): Promise<{ actor: string | null; setAside: string | null }> {
  if (!fs.existsSync(dbPath)) return { actor: null, setAside: null };
  let db: ReturnType<typeof openDb> | undefined;
  let hasUsers: boolean;
  try {
    db = openDb(dbPath);
    const table = db.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'`).get();
    hasUsers = !!table && !!db.sqlite.prepare('SELECT 1 FROM users LIMIT 1').get();
  } catch {
    await db?.close().catch(() => {});
    // An unreadable database protects nothing and cannot name an admin: move it aside whole.
    return { actor: null, setAside: setAsideUnreadable(dbPath) };
  }
  try {
    let actor: string | null = null;
    if (hasUsers) {
      const username = requireUserOption(ctx, 'Memulihkan basis data yang sudah memiliki pengguna');
      const { token, user } = await openLocalSession({ db }, username, { origin: CLI_ORIGIN });
      await closeLocalSession({ db }, token);
      if (user.role !== 'admin') {
        throw new ApiError('FORBIDDEN', `Hanya admin yang boleh memulihkan basis data; "${user.username}" berperan ${user.role}.`);
      }
      actor = user.username;
    }
    assertNotInUse(db.sqlite, dbPath);
    return { actor, setAside: null };
  } finally {
    await db.close();
  }
}

/**
 * Replacing the file under a running app would lose what it writes next. SQLite leaves WAL mode only
 * when no other connection has the database open, which makes that a test for "in use"; the next open
 * turns WAL back on.
 */
function assertNotInUse(sqlite: ReturnType<typeof openDb>['sqlite'], dbPath: string) {
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.pragma('journal_mode = DELETE');
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw err;
    throw new ApiError('CONFLICT', `Basis data ${dbPath} sedang dibuka oleh aplikasi atau proses lain. Tutup aplikasinya dahulu, lalu ulangi; tidak ada yang diubah.`);
  }
}

function setAsideUnreadable(dbPath: string): string {
  const target = path.join(path.dirname(dbPath), 'backups', `unreadable-before-restore-${stamp()}.sqlite`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, target + suffix);
  }
  return target;
}

async function restore(ctx: CliContext, [file]: string[]): Promise<Outcome> {
  const dbPath = ctx.globals.dbPath;
  const source = path.resolve(file!);
  if (source === dbPath) throw new ApiError('VALIDATION', 'File yang dipulihkan adalah basis data itu sendiri.');
  // Checked before anything else so that a bad file changes nothing, not even the safety copy.
  const problem = checkRestorable(source);
  if (problem) throw new ApiError('VALIDATION', `${problem} Basis data saat ini tidak diubah.`);

  const { actor, setAside } = await authorizeRestore(ctx, dbPath);
  const { safetyCopy } = await restoreDatabase(dbPath, source);

  const db = openDb(dbPath);
  try {
    const migration = await migrateToLatest(db);
    const auditId = await writeTransaction(db.kysely, async (trx) => {
      const restoredActor = actor ? await trx.selectFrom('users').select('id').where('username', '=', actor).executeTakeFirst() : undefined;
      return appendAudit(trx, {
        userId: restoredActor?.id ?? null,
        username: actor,
        action: 'db.restore',
        entity: 'database',
        after: { file: source, safetyCopy: safetyCopy ?? setAside, migrationsApplied: migration.applied, origin: CLI_ORIGIN },
      });
    });
    const kept = safetyCopy ?? setAside;
    return {
      data: { db: dbPath, restoredFrom: source, safetyCopy: kept, migrationsApplied: migration.applied, schemaVersion: migration.schemaVersion, auditId },
      lines: [
        `Basis data ${dbPath} dipulihkan dari ${source}.`,
        kept ? `Salinan pengaman basis data sebelumnya: ${kept}` : 'Tidak ada basis data sebelumnya; tidak ada salinan pengaman.',
        ...(migration.applied.length ? [`Migrasi diterapkan: ${migration.applied.join(', ')}`] : []),
        `Dicatat di log audit (catatan ${auditId}).`,
      ],
    };
  } finally {
    await db.close();
  }
}
