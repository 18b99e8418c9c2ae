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
  applicants: ApplicantsTable;
  exclusions: ExclusionsTable;
  import_runs: ImportRunsTable;
  import_rejects: ImportRejectsTable;
  file_refs: FileRefsTable;
  participants: ParticipantsTable;
  screening_runs: ScreeningRunsTable;
  screening_results: ScreeningResultsTable;
  overrides: OverridesTable;
  institutions: InstitutionsTable;
  trainings: TrainingsTable;
  enrollments: EnrollmentsTable;
  waves: WavesTable;
  wave_pools: WavePoolsTable;
  wave_selections: WaveSelectionsTable;
  participant_expiries: ParticipantExpiriesTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  invoice_line_results: InvoiceLineResultsTable;
  reconciliation_runs: ReconciliationRunsTable;
}

/** The applicant register (DESIGN 4); registered_at is the UTC instant in ISO form. Synced (DESIGN 8). */
export interface ApplicantsTable {
  id: Generated<number>;
  registration_id: string;
  nik: string;
  kk: string;
  full_name: string;
  birth_date: string;
  gender: 'L' | 'P';
  phone: string | null;
  email: string | null;
  province_code: string;
  regency_code: string;
  education: string | null;
  employment_status: string;
  registered_at: string;
  test_score: number | null;
  import_run_id: number | null;
  version: number;
  updated_at: string;
}

export interface ExclusionsTable {
  id: Generated<number>;
  nik: string;
  list: string;
  valid_from: string | null;
  valid_to: string | null;
  source: string | null;
  import_run_id: number | null;
  version: number;
  updated_at: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  kind: 'applicants' | 'exclusions' | 'institutions' | 'trainings' | 'enrollments' | 'invoices';
  file_name: string;
  file_sha256: string;
  file_size: number;
  user_id: number | null;
  username: string | null;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  rows_total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  message: string | null;
}

export interface ImportRejectsTable {
  run_id: number;
  seq: number;
  row: number;
  column_name: string;
  reason: string;
  value: string | null;
}

/** Files known to the core by an opaque reference (uploads, local picks, exports). */
export interface FileRefsTable {
  ref: string;
  path: string;
  original_name: string;
  size: number;
  owner_user_id: number | null;
  origin: 'upload' | 'local' | 'export';
  created_at: string;
}

/** Selected applicants (DESIGN 3.3); the waves feature extends this. published_on is null until the wave is published. */
export interface ParticipantsTable {
  id: Generated<number>;
  registration_id: string;
  applicant_id: number | null;
  nik: string;
  kk: string;
  wave_number: number;
  published_on: string | null;
  revoked_at: string | null;
  version: number;
  updated_at: string;
  /** Added by 0006 (waves): set at publication, frozen after. */
  card_number: string | null;
  balance: number | null;
  province_code: string | null;
  expiry_id: number | null;
}

export interface ScreeningRunsTable {
  id: Generated<number>;
  as_of: string;
  user_id: number | null;
  username: string | null;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  exclusion_imports_json: string;
  counts_json: string | null;
  message: string | null;
}

/** The latest screening's result per registration; mask holds the reasons (REASON_BIT), status includes an approved override. */
export interface ScreeningResultsTable {
  applicant_id: number;
  run_id: number;
  status: 'eligible' | 'ineligible';
  mask: number;
  applicant_version: number;
  override_id: number | null;
  details_json: string | null;
}

export interface OverridesTable {
  id: Generated<number>;
  applicant_id: number;
  registration_id: string;
  from_status: 'eligible' | 'ineligible';
  status: 'eligible' | 'ineligible';
  reason: string;
  run_id: number;
  mask: number;
  fingerprint: string;
  proposed_by: number;
  proposed_by_name: string;
  proposed_at: string;
  decision: 'approved' | 'rejected' | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  lapsed_at: string | null;
  lapsed_run_id: number | null;
  superseded_by: number | null;
}

/** Training institutions (DESIGN 4). Synced (DESIGN 8). */
export interface InstitutionsTable {
  id: Generated<number>;
  institution_id: string;
  name: string;
  npwp: string;
  platform: string;
  bank_account: string;
  import_run_id: number | null;
  version: number;
  updated_at: string;
}

/** Trainings of the catalog (DESIGN 4); price in integer Rupiah. Synced (DESIGN 8). */
export interface TrainingsTable {
  id: Generated<number>;
  training_id: string;
  institution_id: string;
  title: string;
  category: string;
  price: number;
  mode: 'online' | 'offline';
  hours: number;
  import_run_id: number | null;
  version: number;
  updated_at: string;
}

/** A participant's purchase of a training as a platform reported it (DESIGN 3.4, 4); timestamps are UTC ISO instants. */
export interface EnrollmentsTable {
  id: Generated<number>;
  enrollment_id: string;
  nik: string;
  participant_id: number;
  training_id: string;
  platform: string;
  price_paid: number;
  purchased_at: string;
  completed_at: string | null;
  certificate_no: string | null;
  cancelled_at: string | null;
  import_run_id: number | null;
  version: number;
  updated_at: string;
}

/** A selection wave (DESIGN 3.3). Quotas: national_quota, or province_quotas_json ({code: quota}); the other is null. */
export interface WavesTable {
  id: Generated<number>;
  number: number;
  name: string;
  national_quota: number | null;
  province_quotas_json: string | null;
  weights_json: string;
  opens_on: string;
  closes_on: string;
  balance: number;
  seed_commitment: string;
  status: 'draft' | 'open' | 'closed' | 'selected' | 'published';
  seed: string | null;
  result_json: string | null;
  created_at: string;
  created_by: string | null;
  opened_at: string | null;
  opened_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  selected_at: string | null;
  selected_by: string | null;
  published_on: string | null;
  published_at: string | null;
  published_by: string | null;
  version: number;
  updated_at: string;
}

/** An institution's invoice (DESIGN 3.4, 4): imported, reconciled (again until decided), then approved or rejected and locked. */
export interface InvoicesTable {
  id: Generated<number>;
  invoice_no: string;
  institution_id: string;
  invoice_date: string;
  status: 'imported' | 'reconciled' | 'approved' | 'rejected';
  lines: number;
  claimed_amount: number;
  approved_amount: number | null;
  disputed_amount: number | null;
  statuses_json: string | null;
  import_run_id: number | null;
  imported_at: string;
  rejected_rows: number;
  reconcile_run_id: number | null;
  reconciled_by: number | null;
  reconciled_by_name: string | null;
  reconciled_at: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  version: number;
  updated_at: string;
}

/** A wave's whole pool in proof order, packed column by column (see migration 0006). */
export interface WavePoolsTable {
  wave_id: number;
  rows: number;
  registration_ids: string;
  province_codes: string;
  province_index: Buffer;
  weights: string;
  weight_index: Buffer;
  keys: Buffer;
  selected: Buffer;
}

/** The selected applicants of a wave, in proof order. */
export interface WaveSelectionsTable {
  wave_id: number;
  seq: number;
  province_rank: number;
  applicant_id: number;
  applicant_version: number;
  registration_id: string;
  province_code: string;
  employment_status: string;
  weight: number;
  key: number;
}

/** One `participants expire` run. */
export interface ParticipantExpiriesTable {
  id: Generated<number>;
  as_of: string;
  run_at: string;
  user_id: number | null;
  username: string | null;
  revoked: number;
  by_wave_json: string;
}

/** One claimed line as imported, with finance's dispute note. */
export interface InvoiceLinesTable {
  id: Generated<number>;
  invoice_id: number;
  line_no: number;
  enrollment_id: string;
  nik: string;
  training_id: string;
  amount: number;
  dispute_note: string | null;
  dispute_note_by: string | null;
  dispute_note_at: string | null;
}

/** The latest reconciliation's result of one line. */
export interface InvoiceLineResultsTable {
  id: Generated<number>;
  invoice_id: number;
  line_no: number;
  enrollment_id: string;
  status: string;
  reason: string;
  approved_amount: number;
  facts_json: string | null;
  evidence_json: string | null;
}

export interface ReconciliationRunsTable {
  id: Generated<number>;
  invoice_id: number;
  user_id: number | null;
  username: string | null;
  at: string;
  lines: number;
  statuses_json: string;
  claimed_amount: number;
  approved_amount: number;
  disputed_amount: number;
  seconds: number;
}
