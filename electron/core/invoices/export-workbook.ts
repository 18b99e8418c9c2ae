import ExcelJS from 'exceljs';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { maskNik } from '../../../shared/nik';
import { STATUS_LABELS, type LineStatus } from '../../../shared/reconciliation';
import { jakartaToday } from '../applicants/list-query';
import { openSqlite } from '../db/connection';
import type { ExportJobContext } from '../export/job-context';
import { exportTarget, registerExportSync } from '../files/export-file';
import { findInvoice, type InvoiceRecord } from './queries';
import { INVOICE_STATUS_WORDS, LINE_STATUSES, RUPIAH_FORMAT, STATUS_EXPLANATIONS, jakartaDateTime, styleHeader } from './workbook-format';

export interface InvoiceFileParams {
  invoiceNo: string;
  /** Managers get NIKs masked (DESIGN 3.6); the handler decides by role. */
  maskNik?: boolean;
}

/** An invoice that has a reconciliation (the workbook explains its result), or a clear refusal. */
export function reconciledInvoice(sqlite: BetterSqlite3.Database, invoiceNo: string, now: Date): InvoiceRecord {
  const inv = findInvoice(sqlite, invoiceNo, jakartaToday(now));
  if (inv.status === 'imported') throw new ApiError('CONFLICT', `Tagihan ${invoiceNo} belum direkonsiliasi; belum ada hasil untuk dikirim ke lembaga.`);
  return inv;
}

type LineRow = [lineNo: number, enrollmentId: string, nik: string, trainingId: string, amount: number, status: LineStatus, reason: string, approved: number, note: string | null];

/**
 * The workbook sent back to the institution: a summary (claimed, approved and disputed, in total and
 * by status), every line with its status and reason in Indonesian (and finance's note on a disputed
 * line), and what each status means. Written with exceljs's streaming writer so a 100,000-line invoice
 * keeps memory flat.
 */
export async function exportInvoiceWorkbook(ctx: ExportJobContext, params: InvoiceFileParams) {
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  try {
    sqlite.exec('BEGIN');
    const inv = reconciledInvoice(sqlite, params.invoiceNo, now);
    const institution = sqlite.prepare('SELECT name, npwp FROM institutions WHERE institution_id = ?').get(inv.institution_id) as { name: string; npwp: string } | undefined;
    const byStatus = sqlite
      .prepare(
        `SELECT r.status, count(*) AS lines, sum(l.amount) AS claimed, sum(r.approved_amount) AS approved
         FROM invoice_line_results r JOIN invoice_lines l ON l.invoice_id = r.invoice_id AND l.line_no = r.line_no WHERE r.invoice_id = ? GROUP BY r.status`,
      )
      .all(inv.id) as { status: LineStatus; lines: number; claimed: number; approved: number }[];
    const counts = new Map(byStatus.map((s) => [s.status, s]));

    const fileName = `hasil-rekonsiliasi-${inv.invoice_no.replace(/[^\w.-]+/g, '_')}.xlsx`;
    const target = exportTarget(ctx.dbPath, fileName);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useStyles: true, useSharedStrings: false });
    workbook.created = now;
    workbook.creator = 'Prakerja Office';

    const summary = workbook.addWorksheet('Ringkasan');
    summary.columns = [{ width: 26 }, { width: 46 }, { width: 10 }, { width: 18 }, { width: 18 }, { width: 18 }];
    const title = summary.addRow([`Hasil rekonsiliasi tagihan ${inv.invoice_no}`]);
    title.font = { bold: true, size: 14 };
    title.commit();
    const info: [string, string | number][] = [
      ['Lembaga pelatihan', institution ? `${institution.name} (${inv.institution_id})` : `${inv.institution_id} (tidak ada dalam katalog)`],
      ['NPWP', institution?.npwp ?? '-'],
      ['Nomor tagihan', inv.invoice_no],
      ['Tanggal tagihan', inv.invoice_date],
      ['Status tagihan', INVOICE_STATUS_WORDS[inv.status]],
      ['Direkonsiliasi', `${jakartaDateTime(inv.reconciled_at)} oleh ${inv.reconciled_by_name ?? '-'}`],
      ...(inv.decided_at ? ([[inv.status === 'approved' ? 'Disetujui' : 'Ditolak', `${jakartaDateTime(inv.decided_at)} oleh ${inv.decided_by_name ?? '-'}`]] as [string, string][]) : []),
      ...(inv.decision_note ? ([['Catatan keputusan', inv.decision_note]] as [string, string][]) : []),
      ['Jumlah baris', inv.lines],
    ];
    for (const [k, v] of info) {
      const row = summary.addRow([k, v]);
      row.getCell(1).font = { bold: true };
      row.commit();
    }
    summary.addRow([]).commit();
    for (const [label, value, bold] of [
      ['Jumlah ditagih', inv.claimed_amount, false],
      ['Jumlah disetujui', inv.approved_amount ?? 0, true],
      ['Jumlah disengketakan', inv.disputed_amount ?? 0, false],
    ] as const) {
      const row = summary.addRow([label, value]);
      row.getCell(1).font = { bold: true };
      row.getCell(2).numFmt = RUPIAH_FORMAT;
      row.getCell(2).alignment = { horizontal: 'left' };
      if (bold) row.getCell(2).font = { bold: true };
      row.commit();
    }
    summary.addRow([]).commit();
    styleHeader(summary.addRow(['Status', 'Keterangan', 'Baris', 'Ditagih', 'Disetujui', 'Disengketakan']));
    for (const status of LINE_STATUSES) {
      const s = counts.get(status);
      if (!s) continue;
      const row = summary.addRow([status, STATUS_LABELS[status], s.lines, s.claimed, s.approved, s.claimed - s.approved]);
      for (const c of [4, 5, 6]) row.getCell(c).numFmt = RUPIAH_FORMAT;
      row.commit();
    }
    const total = summary.addRow(['Jumlah', '', inv.lines, inv.claimed_amount, inv.approved_amount ?? 0, inv.disputed_amount ?? 0]);
    total.font = { bold: true };
    for (const c of [4, 5, 6]) total.getCell(c).numFmt = RUPIAH_FORMAT;
    total.commit();
    await summary.commit();

    const lines = workbook.addWorksheet('Baris tagihan', { views: [{ state: 'frozen', ySplit: 1 }] });
    lines.columns = [
      { header: 'Baris', width: 8 },
      { header: 'Enrollment', width: 20 },
      { header: 'NIK', width: 19 },
      { header: 'Pelatihan', width: 14 },
      { header: 'Ditagih', width: 15 },
      { header: 'Kode status', width: 22 },
      { header: 'Status', width: 24 },
      { header: 'Alasan', width: 70 },
      { header: 'Disetujui', width: 15 },
      { header: 'Disengketakan', width: 15 },
      { header: 'Catatan keuangan', width: 40 },
    ];
    lines.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
    styleHeader(lines.getRow(1));
    const rows = sqlite
      .prepare(
        `SELECT l.line_no, l.enrollment_id, l.nik, l.training_id, l.amount, r.status, r.reason, r.approved_amount, l.dispute_note
         FROM invoice_lines l JOIN invoice_line_results r ON r.invoice_id = l.invoice_id AND r.line_no = l.line_no WHERE l.invoice_id = ? ORDER BY l.line_no`,
      )
      .raw()
      .iterate(inv.id) as IterableIterator<LineRow>;
    let done = 0;
    for (const [lineNo, enrollmentId, nik, trainingId, amount, status, reason, approved, note] of rows) {
      const row = lines.addRow([
        lineNo, enrollmentId, params.maskNik ? maskNik(nik) : nik, trainingId, amount, status, STATUS_LABELS[status], reason, approved, amount - approved,
        status === 'MATCHED' ? '' : (note ?? ''),
      ]);
      row.getCell(5).numFmt = RUPIAH_FORMAT;
      row.getCell(9).numFmt = RUPIAH_FORMAT;
      row.getCell(10).numFmt = RUPIAH_FORMAT;
      row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
      if (++done % 5000 === 0) {
        ctx.progress(done, inv.lines, 'Menulis baris tagihan…');
        ctx.checkCancelled();
      }
    }
    await lines.commit();

    const legend = workbook.addWorksheet('Keterangan status');
    legend.columns = [{ header: 'Kode status', width: 22 }, { header: 'Status', width: 26 }, { header: 'Kapan berlaku', width: 90 }];
    styleHeader(legend.getRow(1));
    for (const status of LINE_STATUSES) legend.addRow([status, STATUS_LABELS[status], STATUS_EXPLANATIONS[status]]).commit();
    const note = legend.addRow([]);
    note.commit();
    legend
      .addRow(['', 'Urutan', 'Setiap baris mendapat tepat satu status: yang pertama berlaku menurut urutan di atas. Hanya baris "Cocok" yang dibayar.'])
      .commit();
    await legend.commit();
    await workbook.commit();
    sqlite.exec('COMMIT');

    const file = registerExportSync(
      sqlite,
      { path: target, originalName: fileName, ownerUserId: ctx.owner.userId },
      {
        userId: ctx.owner.userId,
        username: ctx.owner.username,
        action: 'invoice.exportWorkbook',
        entity: 'invoice',
        entityId: inv.invoice_no,
        after: { fileName, lines: inv.lines, nikMasked: params.maskNik === true },
      },
      now,
    );
    return { ...file, rows: inv.lines };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
