import { ApiError, isApiErrorShape, type Result } from '../../../shared/api/errors';
import { isBrowserShell } from '../api/transport';
import { tokenStore } from '../session/token-store';

/** A file the core knows by an opaque reference (never a path from the renderer). */
export interface FileRef {
  fileRef: string;
  name: string;
  size: number;
}

/** What the user chose: Electron's native dialog registers the file at once; the browser shell has a File to upload. */
export type ChosenFile = ({ source: 'native' } & FileRef) | { source: 'browser'; file: File; name: string; size: number };

export interface PickOptions {
  /** Extensions without the dot, e.g. ['csv', 'xlsx']. */
  extensions: string[];
  /** Name of the filter in the native dialog. */
  label: string;
}

const UPLOAD_PATH = '/api/upload';
const DOWNLOAD_PATH = '/api/download';

/** Electron's main process answers these pseudo-methods on the same channel as API calls. */
async function invokeNative<T>(method: 'files.pickOpen' | 'files.saveAs', input: unknown): Promise<T> {
  const preload = window.api;
  if (!preload) throw new ApiError('INTERNAL', 'Dialog file bawaan hanya tersedia di aplikasi desktop.');
  const result = (await preload.invoke(method, input, tokenStore.get())) as Result<T>;
  if (result.ok) return result.value;
  throw ApiError.from(result.error);
}

/**
 * Lets the user choose a file: the native open dialog in Electron, a file input in the browser shell.
 * Call it straight from a click handler (browsers only open the chooser during a user gesture).
 * Resolves null when the user cancels.
 */
export function pickFile(options: PickOptions): Promise<ChosenFile | null> {
  if (!isBrowserShell()) {
    return invokeNative<FileRef | null>('files.pickOpen', { filters: [{ name: options.label, extensions: options.extensions }] }).then((picked) =>
      picked ? { source: 'native', ...picked } : null,
    );
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = options.extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    const done = (value: ChosenFile | null) => {
      input.remove();
      resolve(value);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done(file ? browserFile(file) : null);
    });
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

export const browserFile = (file: File): ChosenFile => ({ source: 'browser', file, name: file.name, size: file.size });

/** Browser shell: sends the file's bytes to the core (`POST /api/upload?name=…`, raw body) and gets its reference. */
export function uploadFile(file: File, onProgress?: (sent: number, total: number) => void, signal?: AbortSignal): Promise<FileRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`);
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.responseType = 'json';
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const raw = xhr.response as unknown;
      // The shell answers like every call, {ok, value: {fileRef, fileName, size}} or {ok: false, error}.
      const body = raw && typeof raw === 'object' && 'ok' in raw ? (raw as Result<unknown>) : null;
      const value = body?.ok ? (body.value as { fileRef?: unknown; fileName?: string; size?: number }) : null;
      if (xhr.status >= 200 && xhr.status < 300 && value && typeof value.fileRef === 'string') {
        resolve({ fileRef: value.fileRef, name: value.fileName ?? file.name, size: value.size ?? file.size });
        return;
      }
      const error = body && !body.ok ? body.error : null;
      reject(isApiErrorShape(error) ? ApiError.from(error) : new ApiError('INTERNAL', `Unggah ${file.name} gagal (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new ApiError('INTERNAL', `Unggah ${file.name} gagal: tidak dapat menghubungi layanan aplikasi.`));
    xhr.onabort = () => reject(new ApiError('INTERNAL', `Unggah ${file.name} dibatalkan.`));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** Turns what the user chose into a file reference the API accepts (uploading in the browser shell). */
export async function toFileRef(chosen: ChosenFile, onProgress?: (sent: number, total: number) => void, signal?: AbortSignal): Promise<FileRef> {
  if (chosen.source === 'native') return { fileRef: chosen.fileRef, name: chosen.name, size: chosen.size };
  return uploadFile(chosen.file, onProgress, signal);
}

/**
 * Saves a file the core produced (an export, a rejects report): Electron asks where with the native
 * save dialog; the browser shell downloads it. Resolves false when the user cancelled the dialog.
 */
export async function saveDownload(fileRef: string, name: string): Promise<boolean> {
  if (!isBrowserShell()) {
    const saved = await invokeNative<{ path: string } | null>('files.saveAs', { fileRef, suggestedName: name });
    return saved !== null;
  }
  const token = tokenStore.get();
  const res = await fetch(`${DOWNLOAD_PATH}/${encodeURIComponent(fileRef)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    const error = body && typeof body === 'object' && 'error' in body ? (body as { error: unknown }).error : body;
    throw isApiErrorShape(error) ? ApiError.from(error) : new ApiError('INTERNAL', `Unduh ${name} gagal (HTTP ${res.status}).`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/** `1,2 MB` style sizes for people. */
export function formatBytes(bytes: number, locale: 'id' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
