import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { ApiError } from '../../../shared/api/errors';
import { startHttpShell } from '../../server/http';
import { withCore, type CliContext } from '../context';
import type { Outcome } from '../outcome';
import type { Act } from '../program';

export const DEFAULT_PORT = 5174;

export function registerServeCommand(program: Command, act: Act): void {
  program
    .command('serve')
    .option('--port <N>', `port di 127.0.0.1 (bawaan ${DEFAULT_PORT}; 0 = port bebas)`, parsePort)
    .description('sajikan aplikasi ke peramban di 127.0.0.1 sampai dihentikan (Ctrl+C)')
    .action(act(serve));
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError(`port harus bilangan 0–65535, bukan '${value}'.`);
  return port;
}

/**
 * The built renderer (out/renderer), found from wherever this code runs: out/main/cli.js,
 * a chunk in out/main/chunks, or electron/cli/commands under tsx. Never the renderer's source folder.
 */
export function findRendererDir(from = path.dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidates = path.basename(dir) === 'out' ? [path.join(dir, 'renderer')] : [path.join(dir, 'out', 'renderer')];
    for (const candidate of candidates) if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal) {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function serve(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<Outcome | null> {
  const staticDir = findRendererDir();
  if (!staticDir) throw new ApiError('NOT_FOUND', 'Tampilan aplikasi belum dibangun (out/renderer tidak ada). Jalankan "npm run build" terlebih dahulu.');
  const port = (options.port as number | undefined) ?? DEFAULT_PORT;
  return withCore(ctx, async (core) => {
    let shell;
    try {
      shell = await startHttpShell(core, { port, staticDir });
    } catch (err) {
      if ((err as { code?: string }).code === 'EADDRINUSE') throw new ApiError('CONFLICT', `Port ${port} sudah dipakai program lain; pilih port lain dengan --port.`);
      throw err;
    }
    // The address is the result; it is printed now because serving goes on until stopped.
    ctx.out.result({
      data: { url: shell.url, port: shell.port, db: ctx.globals.dbPath },
      lines: [`Prakerja Office (tampilan peramban) di ${shell.url}`, `Basis data: ${ctx.globals.dbPath}`, 'Tekan Ctrl+C untuk berhenti.'],
    });
    await untilStopped(ctx.io.stop);
    await shell.close();
    ctx.out.note('Berhenti.');
    return null;
  });
}
