/**
 * The distinct values of a string column, each given a dense slot number (0, 1, …) and remembered
 * by the row where it was first added. Screening groups a million NIKs and KKs with it: a pre-sized
 * open-addressing table over typed arrays is several times cheaper than a Map of a million strings,
 * which rehashes as it grows and allocates per entry.
 */
export class StringSlots {
  /** Per bucket, side by side: the slot (-1 when empty) and its value's hash, so a probe rarely reads a string. */
  private readonly buckets: Int32Array;
  private readonly mask: number;
  /** The row that first brought each slot's value. */
  readonly firstRow: Int32Array;
  size = 0;

  constructor(
    private readonly column: readonly string[],
    capacity = column.length,
  ) {
    let buckets = 16;
    while (buckets < capacity * 2) buckets *= 2;
    this.buckets = new Int32Array(2 * buckets).fill(-1);
    this.mask = buckets - 1;
    this.firstRow = new Int32Array(capacity);
  }

  /** The slot of column[row]'s value, making a new one (first row: row) when the value is new. */
  add(row: number): number {
    const key = this.column[row]!;
    const h = hash(key);
    for (let b = h & this.mask; ; b = (b + 1) & this.mask) {
      const slot = this.buckets[2 * b]!;
      if (slot === -1) {
        if (this.size === this.firstRow.length) throw new RangeError('StringSlots is full');
        this.buckets[2 * b] = this.size;
        this.buckets[2 * b + 1] = h;
        this.firstRow[this.size] = row;
        return this.size++;
      }
      if (this.buckets[2 * b + 1] === h && this.column[this.firstRow[slot]!] === key) return slot;
    }
  }

  /** The slot of a value, or -1 when no row has it. */
  find(key: string): number {
    const h = hash(key);
    for (let b = h & this.mask; ; b = (b + 1) & this.mask) {
      const slot = this.buckets[2 * b]!;
      if (slot === -1) return -1;
      if (this.buckets[2 * b + 1] === h && this.column[this.firstRow[slot]!] === key) return slot;
    }
  }
}

/** FNV-1a over UTF-16 code units, as a signed 32-bit integer (what an Int32Array holds). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}
