import type { Generated, Selectable } from 'kysely';

/** Kysely table types. Column names are snake_case as in SQL; the API maps them to camelCase. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'admin' | 'reviewer' | 'finance' | 'manager';
  password_hash: string;
  active: number;
  locale: 'id' | 'en';
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

/** A users row as read. */
export type User = Selectable<UsersTable>;

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  idle_expires_at: string;
}

export interface AuditLogTable {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** Synced tables carry version and updated_at (DESIGN 8); settings is the first of them. */
export interface SettingsTable {
  key: string;
  value_json: string;
  version: number;
  updated_at: string;
}

export interface OutboxTable {
  id: string;
  created_at: string;
  mutation: string;
  entity: string;
  entity_id: string | null;
  payload_json: string;
  status: 'pending' | 'sent' | 'conflict' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
}

export interface SyncStateTable {
  stream: string;
  cursor: string | null;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  outbox: OutboxTable;
  sync_state: SyncStateTable;
}
