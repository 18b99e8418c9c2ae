import { CommanderError } from 'commander';
import { ApiError, type FieldIssue } from '../../shared/api/errors';
import { EXIT_FAILED, EXIT_USAGE } from './outcome';

/** What the CLI prints for a failure: the API's error codes plus USAGE for a wrong command line. */
export interface CliError {
  code: string;
  message: string;
  issues?: FieldIssue[];
  exitCode: number;
}

/** Commander's messages are English and quote what was wrong; say the same in Indonesian. */
function usageMessage(err: CommanderError): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownCommand':
      return `Perintah tidak dikenal: ${quoted}.`;
    case 'commander.unknownOption':
      return `Opsi tidak dikenal: ${quoted}.`;
    case 'commander.missingArgument':
      return `Argumen ${quoted} wajib diisi.`;
    case 'commander.optionMissingArgument':
      return `Opsi ${quoted} memerlukan nilai.`;
    case 'commander.missingMandatoryOptionValue':
      return `Opsi ${quoted} wajib diisi.`;
    case 'commander.excessArguments':
      return 'Terlalu banyak argumen.';
    case 'commander.help':
      return 'Perintah belum lengkap: sebutkan subperintahnya.';
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.+)\./.exec(err.message)?.[1];
      if (allowed) return `Nilai ${quoted} tidak valid; pilihan: ${allowed}.`;
      const reason = /is invalid\. (.+)$/.exec(err.message)?.[1];
      return reason ? `Nilai ${quoted} tidak valid: ${reason}` : `Nilai tidak valid: ${err.message.replace(/^error: /, '')}`;
    }
    default:
      return err.message.replace(/^error: /, '');
  }
}

const SQLITE_MESSAGES: Record<string, (db: string) => string> = {
  SQLITE_NOTADB: (db) => `File ${db} bukan basis data SQLite.`,
  SQLITE_CORRUPT: (db) => `Basis data ${db} rusak. Pulihkan dari cadangan dengan "db restore".`,
  SQLITE_CANTOPEN: (db) => `Basis data ${db} tidak dapat dibuka (periksa lokasi dan izin file).`,
  SQLITE_READONLY: (db) => `Basis data ${db} hanya dapat dibaca; perubahan tidak dapat disimpan.`,
  SQLITE_FULL: () => 'Ruang disk penuh; perubahan tidak disimpan.',
};

export function toCliError(err: unknown, dbPath: string): CliError {
  if (err instanceof CommanderError) return { code: 'USAGE', message: usageMessage(err), exitCode: EXIT_USAGE };
  if (err instanceof ApiError) return { ...err.toJSON(), exitCode: EXIT_FAILED };
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const base = code.split('_').slice(0, 2).join('_');
    if (base === 'SQLITE_BUSY' || base === 'SQLITE_LOCKED') {
      return { code: 'CONFLICT', message: 'Basis data sedang dipakai proses lain. Coba lagi sebentar lagi.', exitCode: EXIT_FAILED };
    }
    const message = SQLITE_MESSAGES[base];
    if (message) return { code: 'INTERNAL', message: message(dbPath), exitCode: EXIT_FAILED };
  }
  const text = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Terjadi kesalahan: ${text}`, exitCode: EXIT_FAILED };
}
