/** Slots added since the last sort that are scanned rather than sorted: this many, or an eighth. */
const MIN_RESORT = 4096;
/** A slot number fits below this; a sort key is the slot's key times it, plus the slot. */
const SLOT_SPAN = 2 ** 24;

/**
 * The slots in order of a whole-number key (a tariff code, a producer), so that the slots of a range
 * of keys are two binary searches away instead of a pass over every slot. Slots added since the last
 * sort wait in a tail that is scanned; once the tail outgrows an eighth of the sorted part, the whole
 * is sorted again.
 */
export class KeyOrder {
  private keys = new Float64Array(0);
  private sorted = 0;

  /** Sorts again when the tail has grown too long; `count` slots exist, `keyOf(s)` is slot s's key. */
  refresh(count: number, keyOf: (slot: number) => number) {
    if (count - this.sorted <= Math.max(MIN_RESORT, this.sorted / 8)) return;
    if (count > SLOT_SPAN) throw new RangeError('too many slots for the search index');
    const keys = new Float64Array(count);
    for (let slot = 0; slot < count; slot++) keys[slot] = keyOf(slot) * SLOT_SPAN + slot;
    this.keys = keys.sort();
    this.sorted = count;
  }

  /** Visits every slot with a key in [from, to), the sorted ones first, then the tail's. */
  forEachIn(
    from: number,
    to: number,
    count: number,
    keyOf: (slot: number) => number,
    visit: (slot: number) => void,
  ) {
    const { keys } = this;
    for (let i = this.lowerBound(from * SLOT_SPAN); i < this.sorted; i++) {
      const key = keys[i] as number;
      if (key >= to * SLOT_SPAN) break;
      visit(key % SLOT_SPAN);
    }
    for (let slot = this.sorted; slot < count; slot++) {
      const k = keyOf(slot);
      if (k >= from && k < to) visit(slot);
    }
  }

  private lowerBound(key: number): number {
    let lo = 0;
    let hi = this.sorted;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
