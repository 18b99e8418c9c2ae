import ExcelJS from 'exceljs';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { formatRupiah } from '../../../shared/reconciliation';
import { jakartaToday } from '../applicants/list-query';
import { openSqlite } from '../db/connection';
import type { ExportJobContext } from '../export/job-context';
import { exportTarget, registerExportSync } from '../files/export-file';
import { findInvoice, type InvoiceRecord } from './queries';
import { terbilang } from './terbilang';
import { RUPIAH_FORMAT, jakartaDateTime } from './workbook-format';

interface Institution {
  name: string;
  npwp: string;
  platform: string;
  bank_account: string;
}

/** An approved invoice and its institution (the advice needs the bank account), or a clear refusal. */
export function adviceInputs(sqlite: BetterSqlite3.Database, invoiceNo: string, now: Date): { inv: InvoiceRecord; institution: Institution } {
  const inv = findInvoice(sqlite, invoiceNo, jakartaToday(now));
  if (inv.status !== 'approved') {
    const why = { imported: 'belum direkonsiliasi', reconciled: 'belum disetujui', rejected: 'ditolak' }[inv.status];
    throw new ApiError('CONFLICT', `Tagihan ${invoiceNo} ${why}; nota pembayaran hanya dibuat untuk tagihan yang sudah disetujui.`);
  }
  const institution = sqlite.prepare('SELECT name, npwp, platform, bank_account FROM institutions WHERE institution_id = ?').get(inv.institution_id) as Institution | undefined;
  if (!institution) {
    throw new ApiError('CONFLICT', `Lembaga ${inv.institution_id} tidak ada dalam katalog, jadi rekening banknya tidak diketahui. Impor data lembaga dulu.`);
  }
  return { inv, institution };
}

/**
 * The payment advice of an approved invoice: who is paid (institution, NPWP, bank account), how much
 * (the approved amount, in figures and in words) and on whose decision (maker and checker).
 */
export async function exportPaymentAdvice(ctx: ExportJobContext, params: { invoiceNo: string }) {
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  try {
    const { inv, institution } = adviceInputs(sqlite, params.invoiceNo, now);
    const matched = (JSON.parse(inv.statuses_json ?? '{}') as Record<string, number>).MATCHED ?? 0;
    const approved = inv.approved_amount ?? 0;
    const workbook = new ExcelJS.Workbook();
    workbook.created = now;
    workbook.creator = 'Prakerja Office';
    const sheet = workbook.addWorksheet('Nota pembayaran', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 } });
    sheet.columns = [{ width: 34 }, { width: 60 }];
    const title = sheet.addRow(['NOTA PEMBAYARAN TAGIHAN PELATIHAN']);
    title.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, 2);
    sheet.addRow(['Program Kartu Prakerja — Prakerja Office']).font = { italic: true, color: { argb: 'FF555555' } };
    sheet.addRow([]);
    const rows: [string, string | number, { money?: boolean; bold?: boolean }?][] = [
      ['Nomor nota', `PA-${inv.invoice_no}`],
      ['Dibuat', jakartaDateTime(now.toISOString())],
      ['Nomor tagihan', inv.invoice_no],
      ['Tanggal tagihan', inv.invoice_date],
      ['Lembaga pelatihan', institution.name],
      ['ID lembaga', inv.institution_id],
      ['NPWP', institution.npwp],
      ['Platform', institution.platform],
      ['Rekening bank penerima', institution.bank_account, { bold: true }],
      ['Jumlah ditagih', inv.claimed_amount, { money: true }],
      ['Jumlah disengketakan (tidak dibayar)', inv.disputed_amount ?? 0, { money: true }],
      ['JUMLAH DIBAYAR', approved, { money: true, bold: true }],
      ['Terbilang', terbilang(approved)],
      ['Baris dibayar', `${matched} dari ${inv.lines} baris tagihan (status Cocok)`],
      ['Direkonsiliasi oleh', `${inv.reconciled_by_name ?? '-'}, ${jakartaDateTime(inv.reconciled_at)} (rekonsiliasi nomor ${inv.reconcile_run_id ?? '-'})`],
      ['Disetujui oleh', `${inv.decided_by_name ?? '-'}, ${jakartaDateTime(inv.decided_at)}`],
    ];
    for (const [label, value, style] of rows) {
      const row = sheet.addRow([label, value]);
      row.getCell(1).font = { bold: true };
      if (style?.money) {
        row.getCell(2).numFmt = RUPIAH_FORMAT;
        row.getCell(2).alignment = { horizontal: 'left' };
      }
      if (style?.bold) row.getCell(2).font = { bold: true, size: 12 };
      row.getCell(2).alignment = { ...row.getCell(2).alignment, wrapText: true };
    }
    sheet.addRow([]);
    sheet.addRow(['Catatan', `Dibayar hanya baris yang cocok; rincian per baris ada di hasil rekonsiliasi tagihan ${inv.invoice_no}. Jumlah: ${formatRupiah(approved)}.`]).getCell(2).alignment = { wrapText: true };

    const fileName = `nota-pembayaran-${inv.invoice_no.replace(/[^\w.-]+/g, '_')}.xlsx`;
    const target = exportTarget(ctx.dbPath, fileName);
    await workbook.xlsx.writeFile(target);
    const file = registerExportSync(
      sqlite,
      { path: target, originalName: fileName, ownerUserId: ctx.owner.userId },
      {
        userId: ctx.owner.userId,
        username: ctx.owner.username,
        action: 'invoice.exportPaymentAdvice',
        entity: 'invoice',
        entityId: inv.invoice_no,
        after: { fileName, approvedAmount: approved, institutionId: inv.institution_id, bankAccount: institution.bank_account },
      },
      now,
    );
    return { ...file, approvedAmount: approved };
  } finally {
    sqlite.close();
  }
}
