import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/app';
import { defaultDbPath } from '../core/paths';
import { startHttpShell } from './http';

/** `npm run serve`: the browser shell on 127.0.0.1 with the built renderer. */
async function main() {
  const dbPath = process.env.PRAKERJA_DB ?? defaultDbPath();
  const port = Number(process.env.PORT ?? process.argv[2] ?? 5174);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const core = await createCore(dbPath);
  const shell = await startHttpShell(core, { port, staticDir: path.resolve(here, '../renderer') });
  console.log(`Prakerja Office (browser shell) at ${shell.url}  — database ${dbPath}`);
  const stop = async () => {
    await shell.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
