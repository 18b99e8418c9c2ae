/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, so the renderer, the core and an auditor's tool
 * compute identical selection keys without Node's crypto module.
 *
 * Speed matters for wave selection (a million hashes of `seed:registration_id`), hence the
 * reusable buffers and `prefixedSha256`, which hashes a constant prefix's whole blocks once.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Int32Array(64);

/** Processes the 64-byte block at `bytes[offset..offset+64)` into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** Bytes `s` takes in UTF-8; lone surrogates count as U+FFFD (3 bytes), as TextEncoder does. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Writes `s` (its code units [from, to)) as UTF-8 into `out` at `at`; returns the offset after the last byte written. */
function utf8Write(s: string, out: Uint8Array, at: number, from = 0, to = s.length): number {
  let p = at;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[p++] = c;
      continue;
    }
    if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < to ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && (next & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[p++] = 0xf0 | (c >> 18);
        out[p++] = 0x80 | ((c >> 12) & 0x3f);
        out[p++] = 0x80 | ((c >> 6) & 0x3f);
        out[p++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    out[p++] = 0xe0 | (c >> 12);
    out[p++] = 0x80 | ((c >> 6) & 0x3f);
    out[p++] = 0x80 | (c & 0x3f);
  }
  return p;
}

export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  utf8Write(s, out, 0);
  return out;
}

/**
 * Pads and compresses `buf[0..len)` (the message's bytes after `done` already-compressed
 * bytes) into `state`. `buf` must have room for `len + 72` bytes.
 */
function finish(state: Int32Array, buf: Uint8Array, len: number, done: number): void {
  const total = done + len;
  buf[len] = 0x80;
  const padded = (len + 9 + 63) & ~63;
  buf.fill(0, len + 1, padded);
  // Bit length as a 64-bit big-endian integer; messages here stay far below 2^53 bits.
  const bits = total * 8;
  const hi = Math.floor(bits / 0x100000000);
  const lo = bits >>> 0;
  buf[padded - 8] = hi >>> 24;
  buf[padded - 7] = (hi >>> 16) & 0xff;
  buf[padded - 6] = (hi >>> 8) & 0xff;
  buf[padded - 5] = hi & 0xff;
  buf[padded - 4] = lo >>> 24;
  buf[padded - 3] = (lo >>> 16) & 0xff;
  buf[padded - 2] = (lo >>> 8) & 0xff;
  buf[padded - 1] = lo & 0xff;
  for (let off = 0; off < padded; off += 64) compress(state, buf, off);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function stateHex(state: Int32Array): string {
  let s = '';
  for (let i = 0; i < 8; i++) {
    const w = state[i]!;
    s += HEX[(w >>> 24) & 0xff]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;
  }
  return s;
}

function stateBytes(state: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const w = state[i]!;
    out[i * 4] = w >>> 24;
    out[i * 4 + 1] = (w >>> 16) & 0xff;
    out[i * 4 + 2] = (w >>> 8) & 0xff;
    out[i * 4 + 3] = w & 0xff;
  }
  return out;
}

function digestState(bytes: Uint8Array): Int32Array {
  const state = new Int32Array(INITIAL);
  const whole = bytes.length & ~63;
  for (let off = 0; off < whole; off += 64) compress(state, bytes, off);
  const tail = new Uint8Array(128);
  tail.set(bytes.subarray(whole));
  finish(state, tail, bytes.length - whole, whole);
  return state;
}

/** SHA-256 of `data` (a string is hashed as UTF-8), as 32 bytes. */
export function sha256(data: string | Uint8Array): Uint8Array {
  return stateBytes(digestState(typeof data === 'string' ? utf8Encode(data) : data));
}

/** SHA-256 of `data` (a string is hashed as UTF-8), as 64 lowercase hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return stateHex(digestState(typeof data === 'string' ? utf8Encode(data) : data));
}

/** Hashes `prefix + suffix` for many suffixes, compressing the prefix's whole blocks once. */
export interface PrefixedSha256 {
  /** The eight 32-bit words of the digest (as signed int32). The array is reused: read it before the next call. */
  words(suffix: string): Int32Array;
  /** `words(text.slice(from, to))` without making the slice (a million of them cost a tenth of the hashing). */
  wordsOf(text: string, from: number, to: number): Int32Array;
  hex(suffix: string): string;
}

export function prefixedSha256(prefix: string): PrefixedSha256 {
  // A prefix ending in a high surrogate may pair with the suffix's first unit: encode it with the suffix.
  const last = prefix.charCodeAt(prefix.length - 1);
  const held = last >= 0xd800 && last <= 0xdbff ? prefix.slice(-1) : '';
  const prefixBytes = utf8Encode(held ? prefix.slice(0, -1) : prefix);
  const whole = prefixBytes.length & ~63;
  const midstate = new Int32Array(INITIAL);
  for (let off = 0; off < whole; off += 64) compress(midstate, prefixBytes, off);
  const carry = prefixBytes.subarray(whole);
  const state = new Int32Array(8);
  let buf = new Uint8Array(256);

  // One block holding the prefix's tail, for suffixes that fit in it with the padding (every
  // registration_id): written in place, the rest of the block stays as it was. `dirty` is where the
  // bytes that may be non-zero end.
  const single = new Uint8Array(64);
  single.set(carry);
  let dirty = carry.length;
  const hashSingleBlock = (text: string, from: number, to: number): boolean => {
    const len = carry.length + to - from;
    if (len > 55) return false;
    for (let i = from, p = carry.length; i < to; i++, p++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        dirty = 56;
        return false;
      }
      single[p] = c;
    }
    single[len] = 0x80;
    if (dirty > len + 1) single.fill(0, len + 1, dirty);
    dirty = len + 1;
    const bits = (whole + len) * 8;
    const hi = Math.floor(bits / 0x100000000);
    const lo = bits >>> 0;
    single[56] = hi >>> 24;
    single[57] = (hi >>> 16) & 0xff;
    single[58] = (hi >>> 8) & 0xff;
    single[59] = hi & 0xff;
    single[60] = lo >>> 24;
    single[61] = (lo >>> 16) & 0xff;
    single[62] = (lo >>> 8) & 0xff;
    single[63] = lo & 0xff;
    state.set(midstate);
    compress(state, single, 0);
    return true;
  };

  /** The digest of prefix + text[from, to), the prefix's held surrogate aside. */
  const hashRange = (text: string, from: number, to: number): Int32Array => {
    if (hashSingleBlock(text, from, to)) return state;
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    const need = carry.length + (to - from) * 3 + 72;
    if (need > buf.length) buf = new Uint8Array(need * 2);
    buf.set(carry, 0);
    const len = utf8Write(text, buf, carry.length, from, to);
    state.set(midstate);
    const blocks = len & ~63;
    for (let off = 0; off < blocks; off += 64) compress(state, buf, off);
    if (blocks > 0) buf.copyWithin(0, blocks, len);
    finish(state, buf, len - blocks, whole + blocks);
    return state;
  };
  const words = (suffix: string): Int32Array => (held ? hashRange(held + suffix, 0, held.length + suffix.length) : hashRange(suffix, 0, suffix.length));
  const wordsOf = (text: string, from: number, to: number): Int32Array => (held ? words(text.slice(from, to)) : hashRange(text, from, to));
  return { words, wordsOf, hex: (suffix) => stateHex(words(suffix)) };
}
