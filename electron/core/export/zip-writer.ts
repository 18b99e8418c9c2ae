import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';

/**
 * A minimal streaming ZIP writer (PKWARE APPNOTE 6.3) for a file on disk: small entries deflated
 * whole, one large entry deflated as it is produced. Deflate runs on libuv's thread pool, so the
 * caller builds the next chunk meanwhile; writes wait for the deflate queue and the file
 * (back-pressure), so memory stays bounded. The streamed entry's CRC and sizes are patched into its
 * local header once known (no data descriptor: streaming readers such as unzipper, which exceljs's
 * WorkbookReader uses, would otherwise have to find the entry's end by scanning for a signature).
 * ZIP64 fields are used only when an entry or the archive passes 4 GiB.
 */
export interface ZipWriter {
  /** A whole small entry (XML parts). */
  addEntry(name: string, data: string | Buffer): Promise<void>;
  /** Starts the streamed entry; `write` then `endEntry`. One streamed entry open at a time. */
  startEntry(name: string): void;
  /** Returns a promise only when the caller must wait (the deflate queue is full). */
  write(chunk: Buffer): Promise<void> | undefined;
  endEntry(): Promise<void>;
  /** Writes the central directory and closes the file. */
  close(): Promise<void>;
  /** Stops everything and removes the file. */
  abort(): Promise<void>;
}

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  /** Streamed: the local header is written before the sizes are known and patched on close. */
  streamed: boolean;
}

const MAX32 = 0xffffffff;
const DEFLATE = 8;

export interface ZipOptions {
  /** zlib level for the streamed entry; 1 (fastest) … 9. */
  level?: number;
  /** Bytes the deflate stream may queue before `write` asks the caller to wait. */
  queueBytes?: number;
}

export function openZip(path: string, options: ZipOptions = {}): ZipWriter {
  const level = options.level ?? 3;
  const queueBytes = options.queueBytes ?? 8 << 20;
  const out = fs.createWriteStream(path);
  let current: { entry: Entry; deflate: zlib.DeflateRaw; ended: Promise<unknown> } | null = null;
  let failure: Error | null = null;
  out.on('error', (err) => {
    failure ??= err;
    // A deflate paused for the file's 'drain' would wait forever: fail it, which wakes the caller.
    current?.deflate.destroy(err);
  });
  const entries: Entry[] = [];
  let offset = 0;
  const { date, time } = dosDateTime(new Date());

  const check = () => {
    if (failure) throw failure;
  };

  /** Writes to the file, waiting for 'drain' when the file stream is full. */
  const emit = async (buf: Buffer) => {
    check();
    offset += buf.length;
    if (!out.write(buf)) await waitDrain(out, () => failure);
  };

  const localHeader = (entry: Entry): Buffer => {
    const big = entry.size > MAX32 || entry.compressed > MAX32;
    // A streamed entry reserves 20 bytes of extra field: a ZIP64 sizes field if it turns out big,
    // otherwise padding under an ID readers skip (0xD935, Android's zipalign padding).
    const extraLength = entry.streamed ? 20 : 0;
    const h = Buffer.alloc(30 + entry.name.length + extraLength);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(big ? 45 : 20, 4); // version needed: 2.0 (deflate), 4.5 (ZIP64)
    h.writeUInt16LE(0, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(time, 10);
    h.writeUInt16LE(date, 12);
    h.writeUInt32LE(entry.crc, 14);
    h.writeUInt32LE(big ? MAX32 : entry.compressed, 18);
    h.writeUInt32LE(big ? MAX32 : entry.size, 22);
    h.writeUInt16LE(entry.name.length, 26);
    h.writeUInt16LE(extraLength, 28);
    entry.name.copy(h, 30);
    if (extraLength) {
      const x = 30 + entry.name.length;
      h.writeUInt16LE(big ? 0x0001 : 0xd935, x);
      h.writeUInt16LE(16, x + 2);
      if (big) {
        h.writeBigUInt64LE(BigInt(entry.size), x + 4);
        h.writeBigUInt64LE(BigInt(entry.compressed), x + 12);
      }
    }
    return h;
  };

  return {
    async addEntry(name, data) {
      const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const deflated = zlib.deflateRawSync(raw, { level: 6 });
      const entry: Entry = { name: Buffer.from(name, 'utf8'), crc: zlib.crc32(raw), compressed: deflated.length, size: raw.length, offset, streamed: false };
      entries.push(entry);
      await emit(localHeader(entry));
      await emit(deflated);
    },

    startEntry(name) {
      check();
      if (current) throw new Error('zip: an entry is already open');
      const entry: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, compressed: 0, size: 0, offset, streamed: true };
      entries.push(entry);
      const header = localHeader(entry);
      offset += header.length;
      out.write(header);
      // zlib streams pass stream options through (not in @types/node's ZlibOptions): a queue of a few
      // chunks lets deflate work on one while the caller builds the next.
      const streamOptions: zlib.ZlibOptions & { writableHighWaterMark: number } = { level, memLevel: 9, chunkSize: 256 << 10, writableHighWaterMark: queueBytes };
      const deflate = zlib.createDeflateRaw(streamOptions);
      let paused = false;
      deflate.on('data', (chunk: Buffer) => {
        entry.compressed += chunk.length;
        offset += chunk.length;
        if (!out.write(chunk) && !paused) {
          paused = true;
          deflate.pause();
          out.once('drain', () => {
            paused = false;
            deflate.resume();
          });
        }
      });
      const ended = new Promise((resolve, reject) => {
        deflate.once('end', resolve);
        deflate.once('error', reject);
        out.once('error', reject);
      });
      ended.catch(() => undefined); // observed in endEntry/abort
      current = { entry, deflate, ended };
    },

    write(chunk) {
      check();
      const c = current!;
      c.entry.crc = zlib.crc32(chunk, c.entry.crc);
      c.entry.size += chunk.length;
      if (c.deflate.write(chunk)) return undefined;
      return waitDrain(c.deflate, () => failure);
    },

    async endEntry() {
      const c = current!;
      c.deflate.end();
      await c.ended;
      current = null;
      check();
    },

    async close() {
      const start = offset;
      const parts: Buffer[] = [];
      for (const e of entries) {
        const big = e.size > MAX32 || e.compressed > MAX32 || e.offset > MAX32;
        const extra = big ? zip64Extra(e) : Buffer.alloc(0);
        const h = Buffer.alloc(46);
        h.writeUInt32LE(0x02014b50, 0);
        h.writeUInt16LE(big ? 45 : 20, 4); // made by (MS-DOS attributes)
        h.writeUInt16LE(big ? 45 : 20, 6); // needed
        h.writeUInt16LE(0, 8);
        h.writeUInt16LE(DEFLATE, 10);
        h.writeUInt16LE(time, 12);
        h.writeUInt16LE(date, 14);
        h.writeUInt32LE(e.crc, 16);
        h.writeUInt32LE(big ? MAX32 : e.compressed, 20);
        h.writeUInt32LE(big ? MAX32 : e.size, 24);
        h.writeUInt16LE(e.name.length, 28);
        h.writeUInt16LE(extra.length, 30);
        h.writeUInt32LE(big ? MAX32 : e.offset, 42);
        parts.push(h, e.name, extra);
      }
      const cd = Buffer.concat(parts);
      await emit(cd);
      const end = offset;
      if (start > MAX32 || end > MAX32 || entries.length > 0xffff) {
        const z = Buffer.alloc(56 + 20);
        z.writeUInt32LE(0x06064b50, 0);
        z.writeBigUInt64LE(44n, 4);
        z.writeUInt16LE(45, 12);
        z.writeUInt16LE(45, 14);
        z.writeBigUInt64LE(BigInt(entries.length), 24);
        z.writeBigUInt64LE(BigInt(entries.length), 32);
        z.writeBigUInt64LE(BigInt(cd.length), 40);
        z.writeBigUInt64LE(BigInt(start), 48);
        z.writeUInt32LE(0x07064b50, 56); // locator
        z.writeBigUInt64LE(BigInt(end), 64);
        z.writeUInt32LE(1, 72);
        await emit(z);
      }
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
      eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
      eocd.writeUInt32LE(Math.min(cd.length, MAX32), 12);
      eocd.writeUInt32LE(Math.min(start, MAX32), 16);
      await emit(eocd);
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err || failure ? reject(err ?? failure) : resolve())));
      // Now that they are known, the streamed entries' CRC and sizes go into their local headers.
      const patches = entries.filter((e) => e.streamed);
      if (patches.length === 0) return;
      const file = await fs.promises.open(path, 'r+');
      try {
        for (const e of patches) {
          const h = localHeader(e);
          await file.write(h, 0, h.length, e.offset);
        }
      } finally {
        await file.close();
      }
    },

    async abort() {
      current?.deflate.destroy();
      current = null;
      if (!out.closed) {
        const closed = once(out, 'close').catch(() => undefined);
        out.destroy();
        await closed;
      }
      await fs.promises.rm(path, { force: true });
    },
  };
}

function zip64Extra(e: Entry): Buffer {
  const x = Buffer.alloc(4 + 24);
  x.writeUInt16LE(0x0001, 0);
  x.writeUInt16LE(24, 2);
  x.writeBigUInt64LE(BigInt(e.size), 4);
  x.writeBigUInt64LE(BigInt(e.compressed), 12);
  x.writeBigUInt64LE(BigInt(e.offset), 20);
  return x;
}

function waitDrain(stream: NodeJS.EventEmitter, failed: () => Error | null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      const f = err ?? failed();
      if (f) reject(f);
      else resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/** MS-DOS date and time fields (local time, 2-second resolution), as zip tools expect. */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}
