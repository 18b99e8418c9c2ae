import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApiError, type Result } from '../../shared/api/errors';
import { HTTP_CALL_PATH, HTTP_DOWNLOAD_PATH, HTTP_EVENTS_PATH, HTTP_UPLOAD_PATH } from '../../shared/api/transport';
import type { Core } from '../core/app';
import { subscribeSession } from '../core/api/events';
import { CONTENT_SECURITY_POLICY } from './csp';
import { handleDownload, handleUpload } from './files';

const MAX_BODY = 1024 * 1024;
const STATUS: Record<string, number> = { VALIDATION: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INTERNAL: 500 };
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HttpShell {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The browser shell: the built renderer and the same API over HTTP, on 127.0.0.1 only.
 * Cross-origin requests are refused (no CORS headers, Origin and Host checked) so that a web page
 * open in the same browser cannot drive the API.
 */
export async function startHttpShell(
  core: Core,
  options: { port?: number; staticDir?: string | null; maxUploadBytes?: number } = {},
): Promise<HttpShell> {
  const staticDir = options.staticDir === undefined ? null : options.staticDir;
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (!allowedHosts.has(host) || (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')))) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: cross-origin request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === HTTP_CALL_PATH) return void handleCall(req, res);
    if (url.pathname === HTTP_EVENTS_PATH) return void handleEvents(req, res);
    if (url.pathname === HTTP_UPLOAD_PATH) return void handleUpload(core, req, res, url, options.maxUploadBytes);
    if (url.pathname.startsWith(HTTP_DOWNLOAD_PATH)) return void handleDownload(core, req, res, url.pathname.slice(HTTP_DOWNLOAD_PATH.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(url.pathname, res);
  });

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse) {
    const reply = (status: number, body: Result<unknown>) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return reply(400, { ok: false, error: new ApiError('VALIDATION', 'Permintaan harus POST application/json.').toJSON() });
    }
    let body: { method?: unknown; input?: unknown };
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch (err) {
      return reply(400, { ok: false, error: new ApiError('VALIDATION', (err as Error).message === 'too large' ? 'Permintaan terlalu besar.' : 'Permintaan bukan JSON yang valid.').toJSON() });
    }
    const token = bearer(req);
    const result = await core.router.call(body?.method, body?.input, { token, origin: req.socket.remoteAddress ?? 'http' });
    reply(result.ok ? 200 : STATUS[result.error.code] ?? 500, result);
  }

  async function handleEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    const token = bearer(req);
    const unsubscribe = token ? await subscribeSession(core, token, (event) => res.write(`data: ${JSON.stringify(event)}\n\n`)) : null;
    if (!unsubscribe) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Sesi tidak valid.' } }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse) {
    if (!staticDir) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No renderer build: run npm run build');
      return;
    }
    const root = path.resolve(staticDir);
    let file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    // Client-side routes fall back to index.html.
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=31536000, immutable' });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function bearer(req: http.IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() || undefined : undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
