import type { Kysely } from 'kysely';
import { runStatements } from './run';

/** Users, sessions, the hash-chained audit log, settings, and the sync outbox (DESIGN 3.6, 8). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin','reviewer','finance','manager')),
      password_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      locale TEXT NOT NULL DEFAULT 'id' CHECK (locale IN ('id','en')),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_login_at TEXT
    ) STRICT`,
    `CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      idle_expires_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX sessions_user ON sessions(user_id)`,
    `CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user_id INTEGER,
      username TEXT,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      before_json TEXT,
      after_json TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)`,
    `CREATE INDEX audit_log_user ON audit_log(username, id)`,
    `CREATE INDEX audit_log_action ON audit_log(action, id)`,
    `CREATE INDEX audit_log_at ON audit_log(at)`,
    `CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      mutation TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      payload_json TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','conflict','failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      next_attempt_at TEXT,
      sent_at TEXT
    ) STRICT`,
    `CREATE INDEX outbox_pending ON outbox(status, next_attempt_at)`,
    `CREATE TABLE sync_state (
      stream TEXT PRIMARY KEY,
      cursor TEXT,
      updated_at TEXT NOT NULL
    ) STRICT`,
  ]);
}
