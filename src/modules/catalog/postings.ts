const CHUNK_BITS = 20;
/** A pending posting is one number: the word in the low bits, its frequency above. */
const WORD_BITS = 24;
const CHUNK = 1 << CHUNK_BITS;
/** Tails this long, or an eighth of the flat lists, and everything is laid out flat again. */
const MIN_REBUILD = 1 << 16;

/**
 * Per word, the slots that hold it and the word's weighted frequency there, in slot order.
 *
 * Most lists live in two flat arrays (word w from `start[w]`, `length[w]` long), built in two passes:
 * count, then place each posting once. Postings added later wait in a pending buffer of fixed-size
 * chunks and, at the next flush, join small per-word tails; once the tails outgrow an eighth of the
 * flat arrays, the whole is rebuilt flat, without the postings of dead slots. Slots only ever grow, so
 * a list's flat part, its tail and the pending postings follow one another in slot order.
 */
export class Postings {
  slots = new Int32Array(0);
  tfs = new Uint8Array(0);
  start = new Int32Array(0);
  length = new Int32Array(0);
  tailSlots: (Int32Array | undefined)[] = [];
  tailTfs: (Uint8Array | undefined)[] = [];
  tailLength = new Int32Array(0);
  private tailTotal = 0;
  private words = 0;

  private readonly pendingChunks: Uint32Array[] = [];
  private pending = 0;
  /** Each pending document: its slot and where its postings end. */
  private docSlots: number[] = [];
  private docEnds: number[] = [];

  /** One posting of the document in `slot`; a document's postings come together, slots ascending. */
  add(slot: number, word: number, tf: number) {
    if (this.docSlots.at(-1) !== slot) {
      this.docSlots.push(slot);
      this.docEnds.push(this.pending);
    }
    if (word >= 1 << WORD_BITS) throw new RangeError('too many words for the search index');
    const chunk = this.pending >>> CHUNK_BITS;
    if (chunk === this.pendingChunks.length) this.pendingChunks.push(new Uint32Array(CHUNK));
    (this.pendingChunks[chunk] as Uint32Array)[this.pending & (CHUNK - 1)] =
      Math.min(255, tf) * (1 << WORD_BITS) + word;
    this.pending++;
    this.docEnds[this.docEnds.length - 1] = this.pending;
    if (word >= this.words) this.words = word + 1;
  }

  /** How many slots hold the word (dead ones included until the next rebuild). */
  count(word: number): number {
    return (this.length[word] ?? 0) + (this.tailLength[word] ?? 0);
  }

  /** Whether a slot that holds the word passes `test`; the slots of the lists are tried in order. */
  someSlot(word: number, test: (slot: number) => boolean): boolean {
    const from = this.start[word] ?? 0;
    for (let i = from; i < from + (this.length[word] ?? 0); i++)
      if (test(this.slots[i] as number)) return true;
    const tail = this.tailSlots[word];
    for (let i = 0; tail && i < (this.tailLength[word] as number); i++)
      if (test(tail[i] as number)) return true;
    return false;
  }

  /** Calls `visit` with each slot that holds the word, in slot order. */
  forEachSlot(word: number, visit: (slot: number) => void) {
    this.someSlot(word, (slot) => {
      visit(slot);
      return false;
    });
  }

  /** Makes every added posting visible to `count` and the lists; `alive` tells which slots to keep. */
  flush(alive: Uint8Array) {
    if (!this.pending) return;
    if (this.tailTotal + this.pending > Math.max(MIN_REBUILD, this.slots.length / 8)) this.rebuild(alive);
    else this.toTails();
    // The first chunk is kept for the next changes; the rest of a bulk load's goes.
    this.pendingChunks.length = Math.min(1, this.pendingChunks.length);
    this.pending = 0;
    this.docSlots = [];
    this.docEnds = [];
  }

  private forEachPending(visit: (slot: number, word: number, tf: number) => void) {
    let from = 0;
    for (let d = 0; d < this.docSlots.length; d++) {
      const slot = this.docSlots[d] as number;
      const to = this.docEnds[d] as number;
      for (let i = from; i < to; i++) {
        const posting = (this.pendingChunks[i >>> CHUNK_BITS] as Uint32Array)[i & (CHUNK - 1)] as number;
        visit(slot, posting & ((1 << WORD_BITS) - 1), posting >>> WORD_BITS);
      }
      from = to;
    }
  }

  private toTails() {
    if (this.tailLength.length < this.words)
      this.tailLength = grown(this.tailLength, new Int32Array(this.words * 2));
    this.forEachPending((slot, word, tf) => {
      const n = this.tailLength[word] as number;
      let slots = this.tailSlots[word];
      let tfs = this.tailTfs[word] as Uint8Array;
      if (!slots || n === slots.length) {
        slots = grown(slots ?? new Int32Array(0), new Int32Array(Math.max(4, n * 2)));
        tfs = grown(tfs ?? new Uint8Array(0), new Uint8Array(Math.max(4, n * 2)));
        this.tailSlots[word] = slots;
        this.tailTfs[word] = tfs;
      }
      slots[n] = slot;
      tfs[n] = tf;
      this.tailLength[word] = n + 1;
    });
    this.tailTotal += this.pending;
  }

  /** Two passes: count each word's live postings, then place every posting once. */
  private rebuild(alive: Uint8Array) {
    const counts = new Int32Array(this.words);
    this.forEachKept(alive, (word) => {
      counts[word] = (counts[word] as number) + 1;
    });
    const start = new Int32Array(this.words);
    let total = 0;
    for (let w = 0; w < this.words; w++) {
      start[w] = total;
      total += counts[w] as number;
    }
    const slots = new Int32Array(total);
    const tfs = new Uint8Array(total);
    const length = new Int32Array(this.words);
    this.forEachKept(alive, (word, slot, tf) => {
      const at = (start[word] as number) + (length[word] as number);
      slots[at] = slot;
      tfs[at] = tf;
      length[word] = (length[word] as number) + 1;
    });
    this.slots = slots;
    this.tfs = tfs;
    this.start = start;
    this.length = length;
    this.tailSlots = [];
    this.tailTfs = [];
    this.tailLength = new Int32Array(this.words);
    this.tailTotal = 0;
  }

  /** Every posting of a live slot, each list in slot order. */
  private forEachKept(alive: Uint8Array, visit: (word: number, slot: number, tf: number) => void) {
    for (let w = 0; w < this.words; w++) {
      const from = this.start[w] ?? 0;
      const to = from + (this.length[w] ?? 0);
      for (let i = from; i < to; i++) {
        const slot = this.slots[i] as number;
        if (alive[slot]) visit(w, slot, this.tfs[i] as number);
      }
      const tail = this.tailSlots[w];
      const tailTfs = this.tailTfs[w] as Uint8Array;
      for (let i = 0; tail && i < (this.tailLength[w] as number); i++) {
        const slot = tail[i] as number;
        if (alive[slot]) visit(w, slot, tailTfs[i] as number);
      }
    }
    this.forEachPending((slot, word, tf) => {
      if (alive[slot]) visit(word, slot, tf);
    });
  }
}

export function grown<
  T extends Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array,
>(from: T, to: T): T {
  to.set(from);
  return to;
}
