import path from 'node:path';
import { defaultDbPath, userDataDir } from '../core/paths';

/**
 * Where this run keeps its data: `--user-data-dir=DIR` wins, then PRAKERJA_DATA_DIR, then the usual
 * per-user folder (electron/core/paths.ts). The choice is written back to PRAKERJA_DATA_DIR so that
 * everything in this process resolves the same database the CLI finds for that folder.
 */
export function resolveDataLocation(argv: readonly string[]): { dir: string; dbPath: string } {
  const flag = argv.find((arg) => arg.startsWith('--user-data-dir='));
  const fromFlag = flag?.slice('--user-data-dir='.length).trim();
  if (fromFlag) process.env.PRAKERJA_DATA_DIR = path.resolve(fromFlag);
  const dir = userDataDir();
  process.env.PRAKERJA_DATA_DIR = dir;
  return { dir, dbPath: defaultDbPath() };
}
