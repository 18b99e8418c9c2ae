import type { ApiEvent } from '../../shared/api/jobs';
import type { Result } from '../../shared/api/errors';
import type { Transport } from '../../shared/api/transport';

/** The browser shell's protocol, spoken from Node: what the renderer's HTTP transport does. */
export function httpTransport(baseUrl: string): Transport & { subscribe(token: string, onEvent: (e: ApiEvent) => void, onOpen?: () => void): () => void } {
  return {
    async call(method, input, token) {
      const res = await fetch(`${baseUrl}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ method, input }),
      });
      return (await res.json()) as Result<unknown>;
    },
    subscribe(token: string, onEvent: (e: ApiEvent) => void, onOpen?: () => void) {
      const controller = new AbortController();
      void (async () => {
        const res = await fetch(`${baseUrl}/api/events`, { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
        onOpen?.();
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((l) => l.startsWith('data: '));
            if (data) onEvent(JSON.parse(data.slice(6)) as ApiEvent);
          }
        }
      })();
      return () => controller.abort();
    },
  };
}
