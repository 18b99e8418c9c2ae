import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpShell, type HttpShell } from '../../electron/server/http';
import { createTestApp, type TestApp } from '../helpers/core';
import { httpTransport } from '../helpers/http-client';
import type { ApiEvent } from '../../shared/api/jobs';

let app: TestApp;
let shell: HttpShell;
afterEach(async () => {
  await shell?.close();
  await app?.close();
});

/** A raw request, so the test can set Host and Origin headers as an attacker's page would. */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function start(staticDir: string | null = null) {
  app = await createTestApp();
  shell = await startHttpShell(app.core, { staticDir });
  return shell;
}

describe('browser shell over HTTP', () => {
  it('listens on 127.0.0.1 only and answers API calls with typed results and status codes', async () => {
    await start();
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const t = httpTransport(shell.url);
    expect(await t.call('auth.me', {}, app.adminToken)).toMatchObject({ ok: true, value: { username: 'admin' } });
    const res = await fetch(`${shell.url}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'users.list', input: {} }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses cross-origin requests and foreign Host headers (DNS rebinding)', async () => {
    await start();
    const body = JSON.stringify({ method: 'system.status', input: {} });
    const json = { 'Content-Type': 'application/json' };
    const evil = await raw(shell.port, { method: 'POST', path: '/api/call', headers: { ...json, Host: `127.0.0.1:${shell.port}`, Origin: 'http://evil.example' }, body });
    expect(evil.status).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const rebound = await raw(shell.port, { method: 'POST', path: '/api/call', headers: { ...json, Host: `evil.example:${shell.port}` }, body });
    expect(rebound.status).toBe(403);
    const same = await raw(shell.port, { method: 'POST', path: '/api/call', headers: { ...json, Host: `127.0.0.1:${shell.port}`, Origin: `http://127.0.0.1:${shell.port}` }, body });
    expect(same.status).toBe(200);
  });

  it('rejects non-JSON and oversized bodies without crashing', async () => {
    await start();
    const notJson = await fetch(`${shell.url}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    const big = await fetch(`${shell.url}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'system.status', input: { x: 'a'.repeat(2_000_000) } }) }).catch(() => null);
    expect(big === null || big.status === 400).toBe(true);
    expect(await httpTransport(shell.url).call('system.status', {}, null)).toMatchObject({ ok: true });
  });

  it('serves the renderer with a CSP, falls back to index.html, and never serves files outside its folder', async () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(app?.dbPath ?? '/tmp/x'), 'static-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
    await start(dir);
    const index = await fetch(`${shell.url}/users`);
    expect(await index.text()).toContain('<title>app</title>');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await raw(shell.port, { path: '/../../../../etc/passwd', headers: { Host: `127.0.0.1:${shell.port}` } });
    expect(traversal.body).not.toContain('root:');
    const encoded = await raw(shell.port, { path: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', headers: { Host: `127.0.0.1:${shell.port}` } });
    expect(encoded.body).not.toContain('root:');
  });

  it('pushes job progress events to the session that started the job', async () => {
    await start();
    const t = httpTransport(shell.url);
    const events: ApiEvent[] = [];
    let opened!: () => void;
    const open = new Promise<void>((r) => (opened = r));
    const finished = new Promise<void>((resolve) => {
      const stop = t.subscribe(
        app.adminToken,
        (e) => {
          events.push(e);
          if (e.job.state !== 'running') {
            stop();
            resolve();
          }
        },
        opened,
      );
    });
    await open;
    const started = await t.call('system.verify', {}, app.adminToken);
    expect(started.ok).toBe(true);
    await finished;
    expect(events.at(-1)?.job).toMatchObject({ kind: 'verify', state: 'done', result: { ok: true } });
    const noSession = await fetch(`${shell.url}/api/events`);
    expect(noSession.status).toBe(401);
  });
});
