import type { Postings } from './postings.ts';

/**
 * One set of slots at a time, emptied in constant time by moving to a new stamp: the set of products
 * a completion must stay within is rebuilt on each keystroke, without clearing a million entries.
 */
class SlotMarks {
  private marks = new Uint32Array(0);
  private stamp = 0;

  /** Starts an empty set over slots below `capacity`. */
  clear(capacity: number) {
    if (this.marks.length < capacity) {
      this.marks = new Uint32Array(capacity);
      this.stamp = 0;
    }
    if (++this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 1;
    }
  }

  add(slot: number) {
    this.marks[slot] = this.stamp;
  }

  has(slot: number): boolean {
    return this.marks[slot] === this.stamp;
  }
}

/** Scratch space, not part of an index: each call uses it before the next one can start. */
const marks = new SlotMarks();

/**
 * A test for the live slots that hold every word of `words`, reading the rarest list first and
 * narrowing it by each of the others; null when no slot holds them all. It holds until the next call.
 */
export function holdingEvery(
  postings: Postings,
  alive: Uint8Array,
  words: number[],
): ((slot: number) => boolean) | null {
  const [rarest, ...others] = [...words].sort((a, b) => postings.count(a) - postings.count(b));
  if (rarest === undefined) return null;
  let slots: number[] = [];
  postings.forEachSlot(rarest, (slot) => {
    if (alive[slot]) slots.push(slot);
  });
  for (const word of others) {
    if (!slots.length) return null;
    marks.clear(alive.length);
    postings.forEachSlot(word, (slot) => marks.add(slot));
    slots = slots.filter((slot) => marks.has(slot));
  }
  if (!slots.length) return null;
  marks.clear(alive.length);
  for (const slot of slots) marks.add(slot);
  return (slot) => marks.has(slot);
}
