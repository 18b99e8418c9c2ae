import type { PreloadApi, Transport } from '../../../shared/api/transport';
import { electronTransport } from './electron-transport';
import { httpTransport } from './http-transport';

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

/** Electron's preload when present, otherwise the browser shell's HTTP API on the same origin. */
export function pickTransport(): Transport {
  return window.api ? electronTransport(window.api) : httpTransport();
}

export const isBrowserShell = () => !window.api;
