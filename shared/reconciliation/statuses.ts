/** Line statuses in the order they are tried (DESIGN 3.4): a line gets the first that applies. */
export const LINE_STATUSES = [
  'DUPLICATE_LINE',
  'UNKNOWN_ENROLLMENT',
  'ALREADY_BILLED',
  'INSTITUTION_MISMATCH',
  'PARTICIPANT_MISMATCH',
  'TRAINING_MISMATCH',
  'CANCELLED',
  'PARTICIPANT_REVOKED',
  'NOT_COMPLETED',
  'AMOUNT_MISMATCH',
  'MATCHED',
] as const;

export type LineStatus = (typeof LINE_STATUSES)[number];

/** Short Indonesian labels for chips and report headings. */
export const STATUS_LABELS: Record<LineStatus, string> = {
  DUPLICATE_LINE: 'Baris ganda',
  UNKNOWN_ENROLLMENT: 'Enrollment tidak dikenal',
  ALREADY_BILLED: 'Sudah ditagih',
  INSTITUTION_MISMATCH: 'Lembaga tidak sesuai',
  PARTICIPANT_MISMATCH: 'Peserta tidak sesuai',
  TRAINING_MISMATCH: 'Pelatihan tidak sesuai',
  CANCELLED: 'Dibatalkan',
  PARTICIPANT_REVOKED: 'Kepesertaan dicabut',
  NOT_COMPLETED: 'Belum selesai',
  AMOUNT_MISMATCH: 'Jumlah tidak sesuai',
  MATCHED: 'Cocok',
};
