import type { PreloadApi, Transport } from '../../../shared/api/transport';

/** Electron: the preload's window.api forwards calls and events over IPC. */
export function electronTransport(preload: PreloadApi): Transport {
  return {
    call: (method, input, token) => preload.invoke(method, input, token),
    subscribe: (token, onEvent) => preload.on(token, onEvent),
  };
}
