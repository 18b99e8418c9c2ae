import fs from 'node:fs';
import { once } from 'node:events';

/**
 * Buffered text output to a file with back-pressure: `write` returns a promise only when the
 * caller must wait for the disk, so hot loops do `const wait = sink.write(s); if (wait) await wait;`.
 */
export interface TextSink {
  write(text: string): Promise<void> | undefined;
  /** Flushes and closes; resolves when the file is complete on disk. */
  close(): Promise<void>;
  /** Closes without flushing and removes the file (after a failure or a cancel). */
  abort(): Promise<void>;
  readonly bytes: number;
}

const CHUNK = 1 << 20;

export function openTextSink(path: string): TextSink {
  const stream = fs.createWriteStream(path);
  let failure: Error | null = null;
  stream.on('error', (err) => (failure = err));
  let parts: string[] = [];
  let buffered = 0;
  let bytes = 0;

  const flush = (): Promise<void> | undefined => {
    if (failure) throw failure;
    if (buffered === 0) return undefined;
    const chunk = parts.join('');
    parts = [];
    buffered = 0;
    const buf = Buffer.from(chunk, 'utf8');
    bytes += buf.length;
    if (stream.write(buf)) return undefined;
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        if (failure) reject(failure);
        else resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
    });
  };

  return {
    write(text) {
      parts.push(text);
      buffered += text.length;
      return buffered >= CHUNK ? flush() : undefined;
    },
    async close() {
      await flush();
      await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err || failure ? reject(err ?? failure) : resolve())));
    },
    async abort() {
      stream.destroy();
      await once(stream, 'close').catch(() => undefined);
      await fs.promises.rm(path, { force: true });
    },
    get bytes() {
      return bytes;
    },
  };
}
