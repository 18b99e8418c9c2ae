import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiEvent } from '../../shared/api/jobs';
import type { Result } from '../../shared/api/errors';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_SUBSCRIBE_CHANNEL } from '../../shared/api/transport';
import type { Core } from '../core/app';
import { subscribeSession } from '../core/api/events';
import type { HostMethod } from './native-files';

export type TrustedFrameCheck = (frame: IpcMainInvokeEvent['senderFrame']) => boolean;

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Permintaan ditolak: asal jendela tidak dikenali sebagai Prakerja Office.' },
};
const BAD_REQUEST: Result<never> = { ok: false, error: { code: 'VALIDATION', message: 'Permintaan tidak valid.' } };
const NO_SESSION: Result<never> = { ok: false, error: { code: 'UNAUTHORIZED', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' } };

interface Subscription {
  /** Bumped by every subscribe request, so a slow earlier request cannot override a later one. */
  generation: number;
  unsubscribe: (() => void) | null;
}

/**
 * The Electron transport: api:call runs one method through the core router as the renderer's session;
 * api:subscribe points the job events of a session at the calling webContents (one subscription per
 * webContents: a new one, a null token, or the webContents going away ends the previous one).
 * Untrusted senders get FORBIDDEN; nothing here throws across the boundary. Returns a disposer.
 */
export function registerApiIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Core,
  isTrustedFrame: TrustedFrameCheck,
  hostMethods: Record<string, HostMethod> = {},
): () => void {
  const subscriptions = new Map<number, Subscription>();

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, request: unknown): Promise<Result<unknown>> => {
    if (!isTrustedFrame(event.senderFrame)) return FORBIDDEN;
    if (typeof request !== 'object' || request === null) return BAD_REQUEST;
    const { method, input, token } = request as { method?: unknown; input?: unknown; token?: unknown };
    const session = typeof token === 'string' && token ? token : undefined;
    // Native dialogs (files.pickOpen, files.saveAs) are answered by the host, everything else by the core.
    if (typeof method === 'string' && Object.prototype.hasOwnProperty.call(hostMethods, method)) return hostMethods[method]!(input, session);
    return core.router.call(method, input, { token: session, origin: 'ipc' });
  });

  ipcMain.handle(IPC_SUBSCRIBE_CHANNEL, async (event, token: unknown): Promise<Result<{ subscribed: boolean }>> => {
    if (!isTrustedFrame(event.senderFrame)) return FORBIDDEN;
    const contents = event.sender;
    let sub = subscriptions.get(contents.id);
    if (!sub) {
      const created: Subscription = { generation: 0, unsubscribe: null };
      subscriptions.set(contents.id, created);
      contents.once('destroyed', () => {
        created.generation++;
        created.unsubscribe?.();
        subscriptions.delete(contents.id);
      });
      sub = created;
    }
    const generation = ++sub.generation;
    sub.unsubscribe?.();
    sub.unsubscribe = null;
    if (typeof token !== 'string' || !token) return { ok: true, value: { subscribed: false } };

    const send = (apiEvent: ApiEvent) => {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, apiEvent);
    };
    const unsubscribe = await subscribeSession(core, token, send).catch(() => null);
    if (!unsubscribe) return NO_SESSION;
    if (sub.generation !== generation) {
      unsubscribe();
      return { ok: true, value: { subscribed: false } };
    }
    sub.unsubscribe = unsubscribe;
    return { ok: true, value: { subscribed: true } };
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    ipcMain.removeHandler(IPC_SUBSCRIBE_CHANNEL);
    for (const sub of subscriptions.values()) {
      sub.generation++;
      sub.unsubscribe?.();
    }
    subscriptions.clear();
  };
}
