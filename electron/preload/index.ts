import { contextBridge, ipcRenderer } from 'electron';
import type { ApiEvent } from '../../shared/api/jobs';
import type { Result } from '../../shared/api/errors';
import type { PreloadApi } from '../../shared/api/transport';

/*
 * The sandboxed preload is bundled as one CommonJS file that may require nothing but 'electron',
 * so it imports types only. The channel names repeat shared/api/transport.ts; a unit test keeps them equal.
 */
const IPC_CALL_CHANNEL = 'api:call';
const IPC_SUBSCRIBE_CHANNEL = 'api:subscribe';
const IPC_EVENT_CHANNEL = 'api:event';

const listeners = new Set<(event: ApiEvent) => void>();

// The IpcRendererEvent (whose sender is ipcRenderer itself) never reaches the page: only the payload does.
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, payload: ApiEvent) => {
  for (const listener of [...listeners]) {
    try {
      listener(payload);
    } catch (err) {
      console.error('[api] event listener failed', err);
    }
  }
});

/** Points this window's event stream at a session (null ends it). Failures only mean no events. */
function subscribe(token: string | null): void {
  ipcRenderer.invoke(IPC_SUBSCRIBE_CHANNEL, token).catch(() => {});
}

const api: PreloadApi = {
  invoke(method, input, token) {
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, { method, input, token }) as Promise<Result<unknown>>;
  },
  on(token, listener) {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    listeners.add(listener);
    subscribe(token);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      listeners.delete(listener);
      if (listeners.size === 0) subscribe(null);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
