/** Growable arrays of (product slot, impact) per word: slots only ever grow, so each list stays sorted. */
export class Postings {
  slots: Int32Array[] = [];
  impacts: Float32Array[] = [];
  lengths: number[] = [];

  add(word: number, slot: number, impact: number) {
    while (this.slots.length <= word) {
      this.slots.push(new Int32Array(2));
      this.impacts.push(new Float32Array(2));
      this.lengths.push(0);
    }
    const n = this.lengths[word] as number;
    let slots = this.slots[word] as Int32Array;
    let impacts = this.impacts[word] as Float32Array;
    if (n === slots.length) {
      slots = grow(slots, new Int32Array(n * 2));
      impacts = grow(impacts, new Float32Array(n * 2));
      this.slots[word] = slots;
      this.impacts[word] = impacts;
    }
    slots[n] = slot;
    impacts[n] = impact;
    this.lengths[word] = n + 1;
  }

  count(word: number): number {
    return this.lengths[word] ?? 0;
  }
}

export function grow<T extends Int32Array | Float32Array | Float64Array | Uint8Array | Uint32Array>(
  from: T,
  to: T,
): T {
  to.set(from);
  return to;
}
