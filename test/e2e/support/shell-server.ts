import { test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ShellServer {
  baseUrl: string;
  /** The server's own empty data folder, also a place for the files a test writes. */
  dataDir: string;
}

/**
 * Gives a spec file its own browser shell (the built out/main/serve.js) on its own port and empty
 * data folder, so spec files never depend on each other's data or order. Call at the top level of a spec.
 */
export function useShellServer(name: string, port: number): ShellServer {
  const shell: ShellServer = { baseUrl: `http://127.0.0.1:${port}`, dataDir: '' };
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    shell.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `prakerja-e2e-${name}-`));
    server = spawn(process.execPath, ['out/main/serve.js', String(port)], {
      env: { ...process.env, PRAKERJA_DATA_DIR: shell.dataDir, PRAKERJA_DB: path.join(shell.dataDir, 'prakerja-office.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stderr?.on('data', (d: Buffer) => process.stderr.write(`[serve ${name}] ${d.toString()}`));
    const until = Date.now() + 30_000;
    while (!(await fetch(`${shell.baseUrl}/`).then((r) => r.ok, () => false))) {
      if (server.exitCode !== null) throw new Error(`the browser shell for ${name} exited with code ${server.exitCode}`);
      if (Date.now() > until) throw new Error(`the browser shell at ${shell.baseUrl} did not start`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    if (shell.dataDir) fs.rmSync(shell.dataDir, { recursive: true, force: true });
  });

  test.use({ baseURL: shell.baseUrl });
  return shell;
}
