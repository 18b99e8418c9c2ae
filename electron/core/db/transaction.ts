import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Runs fn in one write transaction that takes the write lock up front (BEGIN IMMEDIATE),
 * so reading the audit chain head and appending to it cannot race another process.
 * `keep(err)` decides whether a thrown error still commits what was written (failed-login counters).
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
  keep: (err: unknown) => boolean = () => false,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql.raw(keep(err) ? 'commit' : 'rollback').execute(conn);
      throw err;
    }
  });
}
