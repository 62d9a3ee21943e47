const EMPTY = -1;
const HEX = '0123456789abcdef';

/** Where each byte of a UUID starts in its 36 letters. */
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
/** A lower-case hexadecimal digit's value, or -1. */
const hexValue = (code: number) =>
  code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1;
const DASH = 45;

const mix = (a: number, b: number, c: number, d: number) =>
  Math.imul(a ^ Math.imul(b ^ Math.imul(c ^ Math.imul(d, 0x85ebca6b), 0xc2b2ae35), 0x27d4eb2f), 0x9e3779b1);

/**
 * Ids numbered densely in the order first seen. A UUID (the registry's ids) is kept as its 16 bytes in
 * one array, found through an open-addressing table of numbers: about 24 bytes an id instead of a
 * string and a map entry. Any other spelling is kept as it is.
 */
export class Ids {
  private bytes = new Uint8Array(16 * 1024);
  private table = new Int32Array(2048).fill(EMPTY);
  private readonly scratch = new Uint8Array(16);
  private readonly others = new Map<string, number>();
  private readonly otherOf = new Map<number, string>();
  private count = 0;

  get size() {
    return this.count;
  }

  numberOf(id: string): number | undefined {
    if (!this.parse(id)) return this.others.get(id);
    const found = this.table[this.find(this.scratch, 0)] as number;
    return found === EMPTY ? undefined : found;
  }

  /** The id's number, given one if it has none. */
  add(id: string): number {
    const known = this.numberOf(id);
    if (known !== undefined) return known;
    const no = this.count++;
    if (!this.parse(id)) {
      this.others.set(id, no);
      this.otherOf.set(no, id);
      return no;
    }
    if (this.bytes.length < this.count * 16) {
      const bytes = new Uint8Array(this.bytes.length * 2);
      bytes.set(this.bytes);
      this.bytes = bytes;
    }
    this.bytes.set(this.scratch, no * 16);
    if (this.count * 2 > this.table.length) this.rehash();
    this.table[this.find(this.scratch, 0)] = no;
    return no;
  }

  idOf(no: number): string {
    const other = this.otherOf.get(no);
    if (other !== undefined) return other;
    let s = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
      const b = this.bytes[no * 16 + i] as number;
      s += (HEX[b >> 4] as string) + (HEX[b & 15] as string);
    }
    return s;
  }

  /** Reads a canonical lower-case UUID into the scratch bytes; false for any other spelling. */
  private parse(id: string): boolean {
    if (id.length !== 36) return false;
    if (id.charCodeAt(8) !== DASH || id.charCodeAt(13) !== DASH) return false;
    if (id.charCodeAt(18) !== DASH || id.charCodeAt(23) !== DASH) return false;
    for (let i = 0; i < 16; i++) {
      const p = AT[i] as number;
      const high = hexValue(id.charCodeAt(p));
      const low = hexValue(id.charCodeAt(p + 1));
      if (high < 0 || low < 0) return false;
      this.scratch[i] = (high << 4) | low;
    }
    return true;
  }

  /** The table position holding these 16 bytes, or the empty one where they would go. */
  private find(key: Uint8Array, at: number): number {
    const mask = this.table.length - 1;
    const h0 = mix(word(key, at), word(key, at + 4), word(key, at + 8), word(key, at + 12));
    for (let h = h0 & mask; ; h = (h + 1) & mask) {
      const no = this.table[h] as number;
      if (no === EMPTY || this.equal(no, key, at)) return h;
    }
  }

  private equal(no: number, key: Uint8Array, at: number) {
    const { bytes } = this;
    for (let i = 0; i < 16; i++) if (bytes[no * 16 + i] !== key[at + i]) return false;
    return true;
  }

  private rehash() {
    this.table = new Int32Array(this.table.length * 2).fill(EMPTY);
    for (let no = 0; no < this.count - 1; no++) {
      if (!this.otherOf.has(no)) this.table[this.find(this.bytes, no * 16)] = no;
    }
  }
}

/**
 * Numeric keys (a registration number, a GTIN) of numbered things; several may share a key. Each thing's
 * current key is kept beside it, so an entry left by an old key is recognised and passed over.
 */
export class NumberKeys {
  private keyOf = new Float64Array(1024).fill(Number.NaN);
  private table = new Int32Array(2048).fill(EMPTY);
  private used = 0;

  set(no: number, key: number | null) {
    if (no >= this.keyOf.length) {
      const keys = new Float64Array(Math.max(no + 1, this.keyOf.length * 2)).fill(Number.NaN);
      keys.set(this.keyOf);
      this.keyOf = keys;
    }
    if (key === null) {
      this.keyOf[no] = Number.NaN;
      return;
    }
    if (this.keyOf[no] === key) return;
    this.keyOf[no] = key;
    if (++this.used * 2 > this.table.length) this.rehash();
    this.insert(no, key);
  }

  /** The numbered things whose key this is. */
  find(key: number): number[] {
    const found: number[] = [];
    const mask = this.table.length - 1;
    for (let h = hashNumber(key) & mask; ; h = (h + 1) & mask) {
      const no = this.table[h] as number;
      if (no === EMPTY) return found;
      if (this.keyOf[no] === key) found.push(no);
    }
  }

  private insert(no: number, key: number) {
    const mask = this.table.length - 1;
    let h = hashNumber(key) & mask;
    for (; this.table[h] !== EMPTY; h = (h + 1) & mask) if (this.table[h] === no) return;
    this.table[h] = no;
  }

  /** Grows the table, leaving out the entries of keys no longer held. */
  private rehash() {
    this.table = new Int32Array(this.table.length * 2).fill(EMPTY);
    this.used = 0;
    for (let no = 0; no < this.keyOf.length; no++) {
      const key = this.keyOf[no] as number;
      if (!Number.isNaN(key)) {
        this.used++;
        this.insert(no, key);
      }
    }
  }
}

const word = (key: Uint8Array, at: number) =>
  (key[at] as number) |
  ((key[at + 1] as number) << 8) |
  ((key[at + 2] as number) << 16) |
  ((key[at + 3] as number) << 24);

function hashNumber(key: number) {
  const low = (key % 0x100000000) | 0;
  const high = Math.floor(key / 0x100000000) | 0;
  return mix(low, high, 0, 0) >>> 0;
}
