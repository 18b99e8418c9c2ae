import type { ApiError } from '../../../shared/api/errors';
import { tokenStore } from '../session/token-store';
import { createApiClient } from './client';
import { pickTransport } from './transport';

const unauthorizedListeners = new Set<(error: ApiError) => void>();

/** The one API client of the renderer. */
export const api = createApiClient(pickTransport(), {
  getToken: tokenStore.get,
  onUnauthorized: (error) => unauthorizedListeners.forEach((l) => l(error)),
});

export function onUnauthorized(listener: (error: ApiError) => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type { ApiClient } from './client';
