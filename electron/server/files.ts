import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ApiError, type Result } from '../../shared/api/errors';
import type { Core } from '../core/app';
import { newFileRef, registerFile, uploadsDir } from '../core/files/registry';
import { DEFAULT_MAX_FILE_BYTES, formatBytes } from '../core/applicants/import/table-source';

function reply(res: http.ServerResponse, status: number, body: Result<unknown>) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
const fail = (res: http.ServerResponse, status: number, code: ApiError['code'], message: string) =>
  reply(res, status, { ok: false, error: new ApiError(code, message).toJSON() });

function bearer(req: http.IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() || undefined : undefined;
}

/**
 * `POST /api/upload?name=<file name>` (Bearer token): the body is the file, streamed to the uploads
 * folder beside the database and registered for the caller; answers `{ok: true, value: {fileRef}}`.
 */
export async function handleUpload(core: Core, req: http.IncomingMessage, res: http.ServerResponse, url: URL, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  if (req.method !== 'POST') return fail(res, 405, 'VALIDATION', 'Unggah file harus dengan POST.');
  const token = bearer(req);
  const user = token ? await core.router.sessionUser(token) : null;
  if (!user) return fail(res, 401, 'UNAUTHORIZED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
  const name = path.basename(url.searchParams.get('name') ?? '').slice(0, 255);
  if (!name) return fail(res, 400, 'VALIDATION', 'Nama file (parameter name) wajib diisi.');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return fail(res, 413, 'VALIDATION', `File ${name} terlalu besar (batas ${formatBytes(maxBytes)}).`);

  const dir = uploadsDir(core.db.path);
  fs.mkdirSync(dir, { recursive: true });
  const ref = newFileRef();
  const target = path.join(dir, `${ref}${path.extname(name).toLowerCase().replace(/[^.\w]/g, '')}`);
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes && !tooLarge) {
      tooLarge = true;
      req.unpipe();
      req.destroy();
    }
  });
  try {
    await pipeline(req, fs.createWriteStream(target));
  } catch {
    fs.rmSync(target, { force: true });
    if (tooLarge) return fail(res, 413, 'VALIDATION', `File ${name} terlalu besar (batas ${formatBytes(maxBytes)}).`);
    return fail(res, 400, 'VALIDATION', `Unggahan file ${name} terputus. Coba lagi.`);
  }
  const record = await registerFile(core.db.kysely, { path: target, originalName: name, ownerUserId: user.id, origin: 'upload', ref });
  reply(res, 200, { ok: true, value: { fileRef: record.ref, fileName: record.originalName, size: record.size } });
}

/** `GET /api/download/<fileRef>` (Bearer token): an export, for the user who made it only. */
export async function handleDownload(core: Core, req: http.IncomingMessage, res: http.ServerResponse, ref: string) {
  if (req.method !== 'GET') return fail(res, 405, 'VALIDATION', 'Unduhan harus dengan GET.');
  const token = bearer(req);
  const user = token ? await core.router.sessionUser(token) : null;
  if (!user) return fail(res, 401, 'UNAUTHORIZED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
  const row = await core.db.kysely.selectFrom('file_refs').selectAll().where('ref', '=', ref).executeTakeFirst();
  if (!row || row.owner_user_id !== user.id || !fs.existsSync(row.path)) {
    return fail(res, 404, 'NOT_FOUND', 'File tidak ditemukan (mungkin sudah dihapus atau milik pengguna lain).');
  }
  const type = row.original_name.endsWith('.csv')
    ? 'text/csv; charset=utf-8'
    : row.original_name.endsWith('.xlsx')
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(fs.statSync(row.path).size),
    'Content-Disposition': `attachment; filename="${row.original_name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.original_name)}`,
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(row.path).pipe(res);
}
