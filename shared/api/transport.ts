import type { ApiEvent } from './jobs';
import type { Result } from './errors';

/**
 * How the renderer reaches the core. Electron's preload, the browser shell's HTTP client
 * and the tests' in-process client all implement exactly this.
 */
export interface Transport {
  call(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** Events for the session behind token (job progress). Returns an unsubscribe function. */
  subscribe(token: string, onEvent: (event: ApiEvent) => void): () => void;
}

/** What Electron's preload puts on window.api. */
export interface PreloadApi {
  invoke(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  on(token: string, listener: (event: ApiEvent) => void): () => void;
}

export const HTTP_CALL_PATH = '/api/call';
export const HTTP_EVENTS_PATH = '/api/events';
/** Browser shell: POST a file body here (?name=…) to get a fileRef; GET HTTP_DOWNLOAD_PATH + fileRef for an export. */
export const HTTP_UPLOAD_PATH = '/api/upload';
export const HTTP_DOWNLOAD_PATH = '/api/download/';
export const IPC_CALL_CHANNEL = 'api:call';
export const IPC_SUBSCRIBE_CHANNEL = 'api:subscribe';
export const IPC_EVENT_CHANNEL = 'api:event';
