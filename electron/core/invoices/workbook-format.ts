import type ExcelJS from 'exceljs';
import type { InvoiceStatus } from '../../../shared/api/invoices';
import { LINE_STATUSES, type LineStatus } from '../../../shared/reconciliation';

export const RUPIAH_FORMAT = '"Rp"#,##0';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

export const INVOICE_STATUS_WORDS: Record<InvoiceStatus, string> = {
  imported: 'Diimpor, belum direkonsiliasi',
  reconciled: 'Direkonsiliasi, menunggu persetujuan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
};

/** When each status applies (DESIGN 3.4), in words for the institution. */
export const STATUS_EXPLANATIONS: Record<LineStatus, string> = {
  DUPLICATE_LINE: 'Enrollment yang sama sudah muncul pada baris sebelumnya di tagihan ini.',
  UNKNOWN_ENROLLMENT: 'Nomor enrollment tidak ada dalam data pembelian yang dilaporkan platform.',
  ALREADY_BILLED: 'Enrollment sudah dinyatakan cocok pada tagihan lain yang tidak ditolak; tagihan yang lebih dulu direkonsiliasi yang berhak.',
  INSTITUTION_MISMATCH: 'Pelatihan yang dibeli milik lembaga lain (atau tidak ada dalam katalog).',
  PARTICIPANT_MISMATCH: 'NIK pada baris tagihan bukan NIK peserta yang membeli pelatihan.',
  TRAINING_MISMATCH: 'Pelatihan pada baris tagihan bukan pelatihan yang dibeli peserta.',
  CANCELLED: 'Platform melaporkan pembelian dibatalkan.',
  PARTICIPANT_REVOKED: 'Kepesertaan sudah dicabut sebelum pelatihan dibeli.',
  NOT_COMPLETED: 'Platform belum melaporkan pelatihan selesai, atau selesai tanpa nomor sertifikat.',
  AMOUNT_MISMATCH: 'Jumlah yang ditagih berbeda dengan harga yang dibayar peserta.',
  MATCHED: 'Semua pemeriksaan terpenuhi; jumlah disetujui untuk dibayar.',
};

export { LINE_STATUSES };

/** `2027-02-03 10:15 WIB` from a stored UTC instant. */
export function jakartaDateTime(iso: string | null): string {
  if (!iso) return '-';
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} WIB`;
}

/** A header row in the team's export style. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}
