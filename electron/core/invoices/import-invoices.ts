import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { formatRupiah } from '../../../shared/reconciliation/money';
import { parseDate, parseInteger } from '../applicants/import/values';
import type { WriteCounts } from '../applicants/import/writers';
import type { ImportSpec } from '../catalog/import/table-import';
import { rowReader, rowRejects, show } from '../catalog/import/values';

export const INVOICE_COLUMNS = ['invoice_no', 'institution_id', 'invoice_date', 'line_no', 'enrollment_id', 'nik', 'training_id', 'amount'] as const;

export interface InvoiceLineValues {
  invoiceNo: string;
  institutionId: string;
  invoiceDate: string;
  lineNo: number;
  enrollmentId: string;
  nik: string;
  trainingId: string;
  amount: number;
}

export type InvoiceOutcome = 'inserted' | 'updated' | 'unchanged';

interface InvoiceGroup {
  invoiceNo: string;
  institutionId: string;
  invoiceDate: string;
  /** The first row of the invoice in the file, for messages. */
  row: number;
  lines: (InvoiceLineValues & { row: number })[];
}

interface StoredInvoice {
  id: number;
  institution_id: string;
  invoice_date: string;
  status: 'imported' | 'reconciled' | 'approved' | 'rejected';
  decided_by_name: string | null;
  decided_at: string | null;
}

type StoredLine = { line_no: number; enrollment_id: string; nik: string; training_id: string; amount: number };

const LINE_BATCH = 500;
const WORD = { approved: 'disetujui', rejected: 'ditolak' } as const;

/** The first difference between what is stored and what the file says, in words, for the refusal of a locked invoice. */
function firstDifference(stored: StoredInvoice, old: Map<number, StoredLine>, group: InvoiceGroup): string {
  if (stored.institution_id !== group.institutionId) return `institution_id ${stored.institution_id} → ${group.institutionId}`;
  if (stored.invoice_date !== group.invoiceDate) return `invoice_date ${stored.invoice_date} → ${group.invoiceDate}`;
  const fresh = new Set<number>();
  for (const l of group.lines) {
    fresh.add(l.lineNo);
    const o = old.get(l.lineNo);
    if (!o) return `baris ${l.row}: line_no ${l.lineNo} tidak ada pada tagihan yang tersimpan`;
    if (o.enrollment_id !== l.enrollmentId) return `baris ${l.row}: enrollment_id ${o.enrollment_id} → ${l.enrollmentId}`;
    if (o.nik !== l.nik) return `baris ${l.row}: nik berubah`;
    if (o.training_id !== l.trainingId) return `baris ${l.row}: training_id ${o.training_id} → ${l.trainingId}`;
    if (o.amount !== l.amount) return `baris ${l.row}: amount ${formatRupiah(o.amount)} → ${formatRupiah(l.amount)}`;
  }
  for (const lineNo of old.keys()) if (!fresh.has(lineNo)) return `line_no ${lineNo} tidak ada lagi di file`;
  return 'isi berubah';
}

/**
 * Invoices (DESIGN 4): one file may hold several invoices, invoice_no groups the lines, and the lines of
 * an invoice in the file are the invoice. Per invoice: new → inserted; identical to what is stored →
 * unchanged (a re-import changes nothing, its reconciliation stays); different → its lines replaced and
 * its reconciliation cleared (status back to imported), unless it is approved or rejected: then the whole
 * file is refused with a message naming the invoice. Counts are of lines.
 */
export const invoicesSpec: ImportSpec<InvoiceLineValues> = {
  kind: 'invoices',
  columns: INVOICE_COLUMNS,
  required: INVOICE_COLUMNS,
  keyOf: (v) => `${v.invoiceNo}\u0000${v.lineNo}`,
  keyColumn: 'line_no',
  keyName: 'kombinasi invoice_no dan line_no',
  keyValue: (v) => String(v.lineNo),
  open(sqlite, run) {
    const groups = new Map<string, InvoiceGroup>();
    return {
      groupOf: (values, indexes) => rowReader(values, indexes)('invoice_no') || null,
      check(values, row, indexes) {
        const get = rowReader(values, indexes);
        const r = rowRejects(row, get);
        const invoiceNo = r.required('invoice_no');
        const institutionId = r.required('institution_id');
        const dateRaw = r.required('invoice_date');
        if (dateRaw !== '' && parseDate(dateRaw) === null) r.reject('invoice_date', `${show(dateRaw)} bukan tanggal YYYY-MM-DD yang ada`, dateRaw);
        const lineNo = r.parsed('line_no', (v) => parseInteger(v, 1, 10_000_000), (v) => `${show(v)} bukan nomor baris (bilangan bulat >= 1)`);
        const enrollmentId = r.required('enrollment_id');
        const nik = r.required('nik');
        const trainingId = r.required('training_id');
        const amount = r.rupiah('amount');
        // One invoice belongs to one institution and has one date: a row saying otherwise cannot be stored with it.
        const first = invoiceNo === '' ? undefined : groups.get(invoiceNo);
        if (first && institutionId !== '' && institutionId !== first.institutionId) {
          r.reject('institution_id', `tagihan ${invoiceNo} pada baris ${first.row} milik lembaga ${first.institutionId}; satu tagihan hanya untuk satu lembaga`, institutionId);
        }
        if (first && dateRaw !== '' && dateRaw !== first.invoiceDate && parseDate(dateRaw) !== null) {
          r.reject('invoice_date', `tagihan ${invoiceNo} pada baris ${first.row} bertanggal ${first.invoiceDate}; satu tagihan hanya punya satu tanggal`, dateRaw);
        }
        if (r.rejects.length) return r.rejects;
        return { invoiceNo, institutionId, invoiceDate: dateRaw, lineNo: lineNo!, enrollmentId, nik, trainingId, amount: amount! };
      },
      add(v, row) {
        let g = groups.get(v.invoiceNo);
        if (!g) {
          g = { invoiceNo: v.invoiceNo, institutionId: v.institutionId, invoiceDate: v.invoiceDate, row, lines: [] };
          groups.set(v.invoiceNo, g);
        }
        g.lines.push({ ...v, row });
      },
      finish(rejectedGroups) {
        return applyInvoices(sqlite, run, [...groups.values()], rejectedGroups);
      },
    };
  },
};

function applyInvoices(
  sqlite: BetterSqlite3.Database,
  run: { id: number; at: string; fileName: string },
  groups: InvoiceGroup[],
  rejectedGroups: ReadonlyMap<string, number>,
): WriteCounts & { extra: Record<string, unknown> } {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const outcomes: Record<string, InvoiceOutcome> = {};
  let removedLines = 0;
  const find = sqlite.prepare('SELECT id, institution_id, invoice_date, status, decided_by_name, decided_at FROM invoices WHERE invoice_no = ?');
  const oldLines = sqlite.prepare('SELECT line_no, enrollment_id, nik, training_id, amount FROM invoice_lines WHERE invoice_id = ?');
  const insertInvoice = sqlite.prepare(
    `INSERT INTO invoices (invoice_no, institution_id, invoice_date, status, lines, claimed_amount, import_run_id, imported_at, rejected_rows, version, updated_at)
     VALUES (?, ?, ?, 'imported', ?, ?, ?, ?, ?, 1, ?)`,
  );
  const resetInvoice = sqlite.prepare(
    `UPDATE invoices SET institution_id = ?, invoice_date = ?, status = 'imported', lines = ?, claimed_amount = ?, approved_amount = NULL, disputed_amount = NULL,
       statuses_json = NULL, import_run_id = ?, imported_at = ?, rejected_rows = ?, reconcile_run_id = NULL, reconciled_by = NULL, reconciled_by_name = NULL,
       reconciled_at = NULL, version = version + 1, updated_at = ? WHERE id = ?`,
  );
  const deleteResults = sqlite.prepare('DELETE FROM invoice_line_results WHERE invoice_id = ?');
  const deleteLines = sqlite.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?');
  const inserts = new Map<number, BetterSqlite3.Statement>();
  const insertLines = (invoiceId: number, lines: InvoiceGroup['lines']) => {
    for (let i = 0; i < lines.length; i += LINE_BATCH) {
      const batch = lines.slice(i, i + LINE_BATCH);
      let stmt = inserts.get(batch.length);
      if (!stmt) {
        stmt = sqlite.prepare(`INSERT INTO invoice_lines (invoice_id, line_no, enrollment_id, nik, training_id, amount) VALUES ${batch.map(() => '(?,?,?,?,?,?)').join(',')}`);
        inserts.set(batch.length, stmt);
      }
      const params: unknown[] = [];
      for (const l of batch) params.push(invoiceId, l.lineNo, l.enrollmentId, l.nik, l.trainingId, l.amount);
      stmt.run(params);
    }
  };

  for (const g of groups) {
    g.lines.sort((a, b) => a.lineNo - b.lineNo);
    const claimed = g.lines.reduce((s, l) => s + l.amount, 0);
    const rejectedRows = rejectedGroups.get(g.invoiceNo) ?? 0;
    const stored = find.get(g.invoiceNo) as StoredInvoice | undefined;
    if (!stored) {
      const id = Number(insertInvoice.run(g.invoiceNo, g.institutionId, g.invoiceDate, g.lines.length, claimed, run.id, run.at, rejectedRows, run.at).lastInsertRowid);
      insertLines(id, g.lines);
      counts.inserted += g.lines.length;
      outcomes[g.invoiceNo] = 'inserted';
      continue;
    }
    const old = new Map((oldLines.all(stored.id) as StoredLine[]).map((l) => [l.line_no, l]));
    let inserted = 0;
    let changed = 0;
    let same = 0;
    for (const l of g.lines) {
      const o = old.get(l.lineNo);
      if (!o) inserted++;
      else if (o.enrollment_id === l.enrollmentId && o.nik === l.nik && o.training_id === l.trainingId && o.amount === l.amount) same++;
      else changed++;
    }
    const removed = old.size - same - changed;
    const headerSame = stored.institution_id === g.institutionId && stored.invoice_date === g.invoiceDate;
    if (headerSame && inserted === 0 && changed === 0 && removed === 0) {
      counts.unchanged += same;
      outcomes[g.invoiceNo] = 'unchanged';
      continue;
    }
    if (stored.status === 'approved' || stored.status === 'rejected') {
      throw new ApiError(
        'CONFLICT',
        `File ${run.fileName} tidak diimpor: tagihan ${g.invoiceNo} sudah ${WORD[stored.status]}` +
          `${stored.decided_by_name ? ` oleh ${stored.decided_by_name}` : ''}${stored.decided_at ? ` pada ${stored.decided_at.slice(0, 10)}` : ''} dan terkunci, ` +
          `tetapi file ini mengubahnya (${firstDifference(stored, old, g)}). Tagihan yang sudah diputuskan tidak dapat diubah; ` +
          `minta lembaga menerbitkan tagihan baru dengan nomor lain, atau hapus tagihan ${g.invoiceNo} dari file.`,
      );
    }
    deleteResults.run(stored.id);
    deleteLines.run(stored.id);
    insertLines(stored.id, g.lines);
    resetInvoice.run(g.institutionId, g.invoiceDate, g.lines.length, claimed, run.id, run.at, rejectedRows, run.at, stored.id);
    counts.inserted += inserted;
    counts.updated += changed;
    counts.unchanged += same;
    removedLines += removed;
    outcomes[g.invoiceNo] = 'updated';
  }
  return { ...counts, extra: { invoices: groups.map((g) => g.invoiceNo), invoiceOutcomes: outcomes, removedLines } };
}
