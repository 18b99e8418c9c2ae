import { sql, type Kysely } from 'kysely';
import { LINE_STATUSES } from '../../../../shared/reconciliation/statuses';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

/** Every kind of file import_runs records after this migration (0002 allowed the first two only). */
export const IMPORT_RUN_KINDS_0007 = ['applicants', 'exclusions', 'institutions', 'trainings', 'enrollments', 'invoices'] as const;

/**
 * import_runs rebuilt with the wider kind CHECK (SQLite cannot alter a CHECK): the 12-step table rebuild
 * of the SQLite manual, with foreign keys off so that import_rejects, applicants and exclusions keep
 * pointing at the same ids, and a foreign_key_check before the commit. One history of imports, one
 * rejects table and one import dialog for every kind, instead of a second runs table beside the first.
 */
const REBUILD_IMPORT_RUNS = [
  `CREATE TABLE import_runs_0007 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN (${list(IMPORT_RUN_KINDS_0007)})),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id),
    username TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('running','done','failed','cancelled')),
    rows_total INTEGER NOT NULL DEFAULT 0,
    inserted INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    message TEXT
  ) STRICT`,
  `INSERT INTO import_runs_0007 (id, kind, file_name, file_sha256, file_size, user_id, username, started_at, finished_at, status,
     rows_total, inserted, updated, unchanged, rejected, message)
   SELECT id, kind, file_name, file_sha256, file_size, user_id, username, started_at, finished_at, status,
     rows_total, inserted, updated, unchanged, rejected, message FROM import_runs`,
  `DROP TABLE import_runs`,
  `ALTER TABLE import_runs_0007 RENAME TO import_runs`,
  `CREATE INDEX import_runs_kind ON import_runs(kind, id)`,
];

const LOCKED = `('approved','rejected')`;

/**
 * Invoices and their reconciliation (DESIGN 3.4, 4, 7).
 *
 * invoices: one row per invoice_no; `status` imported → reconciled (again as often as needed) →
 * approved | rejected, the last two locked. The maker is the user of the latest reconciliation
 * (reconciled_by); the checker (decided_by) must be someone else, which a CHECK holds as well as core.
 * Amounts are integer Rupiah; approved/disputed are those of the latest reconciliation.
 *
 * invoice_lines: the lines as imported, with finance's dispute note. invoice_line_results: the latest
 * reconciliation's result per line (status, reason, approved amount, the enrollment facts it was decided
 * on and the rest of its evidence). ALREADY_BILLED reads "MATCHED on a line of another invoice not
 * rejected" through the partial index invoice_line_results_matched.
 *
 * reconciliation_runs: every reconciliation of an invoice (who, when, counts), so the history shows a
 * re-reconciliation after late completions, and approval can name the run the checker saw.
 *
 * Triggers lock approved and rejected invoices (and their lines) in the database too, and refuse a
 * decision by the maker even if core were bypassed.
 */
const INVOICE_TABLES = [
  `CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    invoice_no TEXT NOT NULL UNIQUE,
    institution_id TEXT NOT NULL,
    invoice_date TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'imported' CHECK (status IN ('imported','reconciled','approved','rejected')),
    lines INTEGER NOT NULL DEFAULT 0,
    claimed_amount INTEGER NOT NULL DEFAULT 0,
    approved_amount INTEGER,
    disputed_amount INTEGER,
    statuses_json TEXT,
    import_run_id INTEGER REFERENCES import_runs(id),
    imported_at TEXT NOT NULL,
    rejected_rows INTEGER NOT NULL DEFAULT 0,
    reconcile_run_id INTEGER,
    reconciled_by INTEGER REFERENCES users(id),
    reconciled_by_name TEXT,
    reconciled_at TEXT,
    decided_by INTEGER REFERENCES users(id),
    decided_by_name TEXT,
    decided_at TEXT,
    decision_note TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    CHECK (decided_by IS NULL OR decided_by <> reconciled_by),
    CHECK ((status IN ${LOCKED}) = (decided_by IS NOT NULL)),
    CHECK (status = 'imported' OR reconciled_by IS NOT NULL),
    CHECK (status <> 'rejected' OR length(trim(decision_note)) > 0)
  ) STRICT`,
  `CREATE INDEX invoices_institution ON invoices(institution_id, invoice_date)`,
  `CREATE INDEX invoices_status ON invoices(status, invoice_date)`,
  `CREATE INDEX invoices_date ON invoices(invoice_date)`,
  `CREATE TABLE invoice_lines (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    line_no INTEGER NOT NULL CHECK (line_no >= 1),
    enrollment_id TEXT NOT NULL,
    nik TEXT NOT NULL,
    training_id TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    dispute_note TEXT,
    dispute_note_by TEXT,
    dispute_note_at TEXT
  ) STRICT`,
  `CREATE UNIQUE INDEX invoice_lines_key ON invoice_lines(invoice_id, line_no)`,
  `CREATE INDEX invoice_lines_enrollment ON invoice_lines(enrollment_id)`,
  // The latest reconciliation's result per line, apart from the lines: a first reconciliation inserts an
  // invoice's results with multi-row INSERTs and a later one rewrites only the lines whose result changed
  // (measured: a third of the CPU of updating 100,000 wide line rows), and the lines stay narrow for the read. enrollment_id is the line's, repeated for the
  // ALREADY_BILLED index. No foreign keys and no status index: rows are written only by the reconcile job
  // from the lines it read in the same transaction (and removed with them on a re-import), and the
  // probes and index upkeep cost a fifth of the write on a 100,000-line invoice; a status filter reads
  // the invoice's range of the key.
  `CREATE TABLE invoice_line_results (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    enrollment_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN (${list(LINE_STATUSES)})),
    reason TEXT NOT NULL,
    approved_amount INTEGER NOT NULL CHECK (approved_amount >= 0 AND (status = 'MATCHED' OR approved_amount = 0)),
    facts_json TEXT,
    evidence_json TEXT
  ) STRICT`,
  `CREATE UNIQUE INDEX invoice_line_results_key ON invoice_line_results(invoice_id, line_no)`,
  `CREATE INDEX invoice_line_results_matched ON invoice_line_results(enrollment_id, invoice_id) WHERE status = 'MATCHED'`,
  `CREATE TABLE reconciliation_runs (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    user_id INTEGER REFERENCES users(id),
    username TEXT,
    at TEXT NOT NULL,
    lines INTEGER NOT NULL,
    statuses_json TEXT NOT NULL,
    claimed_amount INTEGER NOT NULL,
    approved_amount INTEGER NOT NULL,
    disputed_amount INTEGER NOT NULL,
    seconds REAL NOT NULL
  ) STRICT`,
  `CREATE INDEX reconciliation_runs_invoice ON reconciliation_runs(invoice_id, id)`,
  // The enrollments page lists the latest purchases first.
  `CREATE INDEX enrollments_purchased ON enrollments(purchased_at)`,
  // Locked after approval or rejection: no change to the invoice, its lines or its history.
  `CREATE TRIGGER invoices_locked_update BEFORE UPDATE ON invoices WHEN old.status IN ${LOCKED} BEGIN
     SELECT RAISE(ABORT, 'invoice is locked: approved or rejected');
   END`,
  `CREATE TRIGGER invoices_locked_delete BEFORE DELETE ON invoices WHEN old.status IN ${LOCKED} BEGIN
     SELECT RAISE(ABORT, 'invoice is locked: approved or rejected');
   END`,
  `CREATE TRIGGER invoice_lines_locked_insert BEFORE INSERT ON invoice_lines
     WHEN (SELECT status FROM invoices WHERE id = new.invoice_id) IN ${LOCKED} BEGIN
     SELECT RAISE(ABORT, 'invoice is locked: approved or rejected');
   END`,
  `CREATE TRIGGER invoice_lines_locked_update BEFORE UPDATE ON invoice_lines
     WHEN (SELECT status FROM invoices WHERE id = old.invoice_id) IN ${LOCKED} BEGIN
     SELECT RAISE(ABORT, 'invoice is locked: approved or rejected');
   END`,
  `CREATE TRIGGER invoice_lines_locked_delete BEFORE DELETE ON invoice_lines
     WHEN (SELECT status FROM invoices WHERE id = old.invoice_id) IN ${LOCKED} BEGIN
     SELECT RAISE(ABORT, 'invoice is locked: approved or rejected');
   END`,
  `CREATE TRIGGER invoice_line_results_locked_insert BEFORE INSERT ON invoice_line_results
     WHEN (SELECT status FROM invoices WHERE id = new.invoice_id) IN ${LOCKED} BEGIN
     SELECT RAISE(ABORT, 'invoice is locked: approved or rejected');
   END`,
  `CREATE TRIGGER invoice_line_results_locked_update BEFORE UPDATE ON invoice_line_results
     WHEN (SELECT status FROM invoices WHERE id = old.invoice_id) IN ${LOCKED} BEGIN
     SELECT RAISE(ABORT, 'invoice is locked: approved or rejected');
   END`,
  `CREATE TRIGGER invoice_line_results_locked_delete BEFORE DELETE ON invoice_line_results
     WHEN (SELECT status FROM invoices WHERE id = old.invoice_id) IN ${LOCKED} BEGIN
     SELECT RAISE(ABORT, 'invoice is locked: approved or rejected');
   END`,
  // The checker is never the maker of the reconciliation being decided (the CHECK above says the same).
  `CREATE TRIGGER invoices_maker_checker BEFORE UPDATE OF status ON invoices
     WHEN new.status IN ${LOCKED} AND (new.decided_by IS NULL OR new.decided_by = old.reconciled_by) BEGIN
     SELECT RAISE(ABORT, 'maker-checker: the user who reconciled an invoice cannot approve or reject it');
   END`,
  // Only a reconciled invoice can be decided.
  `CREATE TRIGGER invoices_decide_reconciled BEFORE UPDATE OF status ON invoices
     WHEN new.status IN ${LOCKED} AND old.status <> 'reconciled' BEGIN
     SELECT RAISE(ABORT, 'only a reconciled invoice can be approved or rejected');
   END`,
];

/**
 * Runs in its own transaction with foreign keys off (a PRAGMA that only works outside one): Kysely's
 * SQLite migrator does not wrap migrations in a transaction, so this one makes itself atomic.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      for (const statement of [...REBUILD_IMPORT_RUNS, ...INVOICE_TABLES]) await sql.raw(statement).execute(db);
      const broken = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`0007_invoices: foreign key check failed after rebuilding import_runs (${JSON.stringify(broken.rows.slice(0, 3))})`);
      await sql`COMMIT`.execute(db);
    } catch (err) {
      await sql`ROLLBACK`.execute(db);
      throw err;
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
