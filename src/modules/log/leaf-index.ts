import { bytesEqual } from '../../domain/tlog/bytes.ts';

/**
 * Finds a leaf's index from its hash, beside a tree that already holds every leaf hash: an
 * open-addressing table of indexes only (4 bytes a slot, at most half full), keyed by the hash's first
 * four bytes and checked against the tree. At a million leaves that is 8 MiB of memory, where an index
 * in the database cost every append an insert and about 60 bytes a leaf on disk.
 */
export class LeafIndex {
  // Slots hold index + 1; 0 is empty.
  #slots = new Uint32Array(1 << 16);
  #count = 0;

  constructor(readonly hashAt: (index: number) => Uint8Array) {}

  /** Records the leaf at `index`; a hash seen before keeps its first index. */
  add(hash: Uint8Array, index: number) {
    if (2 * (this.#count + 1) > this.#slots.length) this.#grow();
    const slot = this.#find(hash);
    if (this.#slots[slot] === 0) {
      this.#slots[slot] = index + 1;
      this.#count += 1;
    }
  }

  /** The first index holding this hash, or null. */
  indexOf(hash: Uint8Array): number | null {
    const held = this.#slots[this.#find(hash)] ?? 0;
    return held === 0 ? null : held - 1;
  }

  /** The slot holding this hash, or the empty slot where it would go. */
  #find(hash: Uint8Array): number {
    const mask = this.#slots.length - 1;
    for (let slot = keyOf(hash) & mask; ; slot = (slot + 1) & mask) {
      const held = this.#slots[slot] ?? 0;
      if (held === 0 || bytesEqual(this.hashAt(held - 1), hash)) return slot;
    }
  }

  #grow() {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    const mask = this.#slots.length - 1;
    for (const held of old) {
      if (held === 0) continue;
      let slot = keyOf(this.hashAt(held - 1)) & mask;
      while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
      this.#slots[slot] = held;
    }
  }
}

// Leaf hashes are SHA-256 outputs, so any four of their bytes are already uniformly spread.
const keyOf = (h: Uint8Array) =>
  ((h[0] ?? 0) | ((h[1] ?? 0) << 8) | ((h[2] ?? 0) << 16) | ((h[3] ?? 0) << 24)) >>> 0;
