/** A message a clerk can act on when the database cannot be opened or migrated at start. */
export function describeStartupError(err: unknown, dbPath: string): { title: string; message: string } {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const text = err instanceof Error ? err.message : String(err);
  const title = 'Prakerja Office tidak dapat dibuka';
  const where = `\n\nBerkas basis data: ${dbPath}`;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /database is locked/i.test(text)) {
    return {
      title,
      message: `Basis data sedang dipakai oleh program lain (misalnya Prakerja Office yang masih terbuka atau perintah prakerja-office di terminal). Tutup program tersebut, lalu buka aplikasi ini lagi.${where}`,
    };
  }
  if (/corrupted migrations/i.test(text)) {
    return {
      title,
      message: `Basis data ini dibuat atau diperbarui oleh versi Prakerja Office yang lebih baru. Pasang versi terbaru aplikasi ini; jangan membuka basis data ini dengan versi lama.${where}`,
    };
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(text)) {
    return {
      title,
      message: `Berkas basis data rusak atau bukan basis data Prakerja Office. Pulihkan dari cadangan (folder "backups" di sebelahnya) dengan perintah "prakerja-office db restore", atau hubungi admin.${where}`,
    };
  }
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].includes(code)) {
    return {
      title,
      message: `Folder data tidak dapat dibaca atau ditulis. Periksa izin folder tersebut atau ruang disk, lalu coba lagi.${where}`,
    };
  }
  return { title, message: `Basis data tidak dapat dibuka: ${text}${where}` };
}
