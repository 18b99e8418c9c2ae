import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { ApiEvent } from '../../../shared/api/jobs';
import type { Transport } from '../../../shared/api/transport';

export interface ApiClient {
  /** Calls one API method; resolves with its typed output or rejects with an ApiError. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Job events for the current session; a no-op without a session. */
  subscribe(onEvent: (event: ApiEvent) => void): () => void;
}

export interface ClientOptions {
  getToken(): string | null;
  /** A call made with a token came back UNAUTHORIZED: the session is gone (expired, logged out elsewhere). */
  onUnauthorized(error: ApiError): void;
}

export function createApiClient(transport: Transport, options: ClientOptions): ApiClient {
  return {
    async call(method, input) {
      const token = options.getToken();
      let result;
      try {
        result = await transport.call(method, input, token);
      } catch {
        throw new ApiError('INTERNAL', 'Tidak dapat menghubungi layanan aplikasi. Periksa apakah aplikasi masih berjalan, lalu coba lagi.');
      }
      if (result.ok) return result.value as OutputOf<typeof method>;
      const error = ApiError.from(result.error);
      if (error.code === 'UNAUTHORIZED' && token) options.onUnauthorized(error);
      throw error;
    },
    subscribe(onEvent) {
      const token = options.getToken();
      return token ? transport.subscribe(token, onEvent) : () => {};
    },
  };
}
