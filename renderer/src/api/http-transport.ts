import { isApiErrorShape, type Result } from '../../../shared/api/errors';
import type { ApiEvent } from '../../../shared/api/jobs';
import { HTTP_CALL_PATH, HTTP_EVENTS_PATH, type Transport } from '../../../shared/api/transport';

const MAX_BACKOFF_MS = 30_000;

/** Browser shell: POST /api/call for calls, a streamed GET /api/events (with the Bearer header) for events. */
export function httpTransport(baseUrl = ''): Transport {
  return {
    async call(method, input, token) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      const res = await fetch(`${baseUrl}${HTTP_CALL_PATH}`, { method: 'POST', headers, body: JSON.stringify({ method, input }) });
      const body: unknown = await res.json().catch(() => null);
      if (body && typeof body === 'object' && 'ok' in body) return body as Result<unknown>;
      return { ok: false, error: { code: 'INTERNAL', message: `Layanan aplikasi menjawab tidak terduga (HTTP ${res.status}).` } };
    },
    subscribe(token, onEvent) {
      return streamEvents(`${baseUrl}${HTTP_EVENTS_PATH}`, token, onEvent);
    },
  };
}

/**
 * EventSource cannot send an Authorization header, so the stream is read with fetch.
 * A dropped connection is retried with exponential backoff; a 401 ends the subscription.
 */
function streamEvents(url: string, token: string, onEvent: (event: ApiEvent) => void): () => void {
  const abort = new AbortController();
  let backoff = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    try {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal: abort.signal });
      if (res.status === 401) return;
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      backoff = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (data) dispatch(data, onEvent);
        }
      }
    } catch {
      if (abort.signal.aborted) return;
    }
    if (abort.signal.aborted) return;
    timer = setTimeout(() => void connect(), backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };
  void connect();
  return () => {
    abort.abort();
    if (timer) clearTimeout(timer);
  };
}

function dispatch(data: string, onEvent: (event: ApiEvent) => void) {
  try {
    const event = JSON.parse(data) as unknown;
    if (event && typeof event === 'object' && (event as ApiEvent).type === 'job' && !isApiErrorShape(event)) onEvent(event as ApiEvent);
  } catch {
    // A malformed frame is skipped; the job poll catches up.
  }
}
