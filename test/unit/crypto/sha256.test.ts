import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prefixedSha256, sha256, sha256Hex, utf8Encode } from '../../../shared/crypto/sha256';

const nodeHex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A random string mixing ASCII, 2- and 3-byte characters, astral pairs and lone surrogates. */
function randomString(maxLength: number): string {
  const n = Math.floor(Math.random() * (maxLength + 1));
  let s = '';
  for (let i = 0; i < n; i++) {
    const pick = Math.random();
    if (pick < 0.7) s += String.fromCharCode(0x20 + Math.floor(Math.random() * 95));
    else if (pick < 0.8) s += String.fromCharCode(0x80 + Math.floor(Math.random() * 0x780));
    else if (pick < 0.9) s += String.fromCharCode(0x800 + Math.floor(Math.random() * 0xd000));
    else if (pick < 0.97) s += String.fromCodePoint(0x10000 + Math.floor(Math.random() * 0xfffff));
    else s += String.fromCharCode(0xd800 + Math.floor(Math.random() * 0x800));
  }
  return s;
}

describe('sha256 (pure)', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto at every length across the padding boundaries (0..300 bytes)', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = randomBytes(n);
      expect(sha256Hex(bytes), `length ${n}`).toBe(nodeHex(bytes));
      expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(nodeHex(bytes));
    }
  });

  it('encodes strings as UTF-8 exactly like Buffer (including astral pairs and lone surrogates)', () => {
    for (let i = 0; i < 2000; i++) {
      const s = randomString(80);
      expect(Buffer.from(utf8Encode(s)).equals(Buffer.from(s, 'utf8')), JSON.stringify(s)).toBe(true);
      expect(sha256Hex(s)).toBe(nodeHex(s));
    }
  });

  it('prefixed hashing equals hashing prefix + suffix, for prefixes and suffixes around block sizes', () => {
    const lengths = [0, 1, 54, 55, 56, 63, 64, 65, 119, 120, 128, 200];
    for (const pl of lengths) {
      const prefix = 'p'.repeat(pl);
      const h = prefixedSha256(prefix);
      for (const sl of lengths) {
        const suffix = 's'.repeat(sl);
        expect(h.hex(suffix), `prefix ${pl}, suffix ${sl}`).toBe(nodeHex(prefix + suffix));
      }
    }
    for (let i = 0; i < 3000; i++) {
      const prefix = randomString(150);
      const suffix = randomString(150);
      const h = prefixedSha256(prefix);
      expect(h.hex(suffix)).toBe(nodeHex(prefix + suffix));
      expect(h.hex(suffix + 'x')).toBe(nodeHex(prefix + suffix + 'x'));
    }
  });

  it('pairs a high surrogate ending the prefix with a low surrogate starting the suffix, as the joined string does', () => {
    const prefix = 'seed\ud83d';
    const h = prefixedSha256(prefix);
    expect(h.hex('\ude00x')).toBe(nodeHex(prefix + '\ude00x')); // 😀 once joined
    expect(h.hex('x')).toBe(nodeHex(prefix + 'x')); // stays a lone surrogate
    expect(h.hex('')).toBe(nodeHex(prefix));
  });

  it('hashes short suffixes in one block in place: any order of lengths, ASCII or not, gives the digest of the joined string', () => {
    for (const prefix of ['', 'bench-gelombang-rahasia:', 'p'.repeat(55), 'q'.repeat(64), 'r'.repeat(100)]) {
      const h = prefixedSha256(prefix);
      const text = Array.from({ length: 400 }, () => (Math.random() < 0.8 ? 'R'.repeat(Math.floor(Math.random() * 60)) : randomString(40))).join('|');
      // Suffixes of every length up to past the one-block limit, in random order, cut from the text at random places.
      for (let i = 0; i < 3000; i++) {
        const from = Math.floor(Math.random() * text.length);
        const to = Math.min(text.length, from + Math.floor(Math.random() * 70));
        const words = h.wordsOf(text, from, to);
        const hex = Array.from(words, (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
        expect(hex, `prefix ${prefix.length}, ${JSON.stringify(text.slice(from, to))}`).toBe(nodeHex(prefix + text.slice(from, to)));
      }
    }
  });

  it('grows its buffer for a long suffix after short ones', () => {
    const h = prefixedSha256('seed:');
    expect(h.hex('a')).toBe(nodeHex('seed:a'));
    const long = 'é'.repeat(5000);
    expect(h.hex(long)).toBe(nodeHex('seed:' + long));
    expect(h.hex('b')).toBe(nodeHex('seed:b'));
  });
});
