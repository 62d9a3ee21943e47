import type { FacetCounter } from './facets.ts';

/** The last item of the previous page: its sort key and its product number. */
export interface After {
  key: number | string;
  no: number;
}

export interface Order {
  /** For orders by a number, descending: where the number of slot s is, at keys[s * stride]. */
  keys?: Float64Array | Float32Array;
  stride: number;
  /** Whether the key is the query's score. */
  byScore?: boolean;
  key(slot: number): number | string;
  /** Whether a comes before b in the answer. */
  before(a: number, b: number): boolean;
  no(slot: number): number;
}

/** The best k slots in a small binary heap whose root is the worst kept. */
export class TopK {
  private readonly heap: Int32Array;
  private size = 0;
  /** Once full, in an order by a number: the number of the last kept, which nothing below can enter. */
  floor = Number.NEGATIVE_INFINITY;
  /** The product number of the last kept. */
  floorNo = -1;
  constructor(
    private readonly k: number,
    private readonly order: Order,
  ) {
    this.heap = new Int32Array(k);
  }

  isAfter(slot: number, after: After): boolean {
    const key = this.order.key(slot);
    if (key === after.key) return this.order.no(slot) > after.no;
    // Descending keys for scores and dates, ascending for names.
    return typeof key === 'string' ? key > after.key : key < (after.key as number);
  }

  cursorOf(slot: number): After {
    return { key: this.order.key(slot), no: this.order.no(slot) };
  }

  offer(slot: number) {
    const { heap, order } = this;
    if (this.size < this.k) {
      let i = this.size++;
      heap[i] = slot;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!order.before(heap[parent] as number, heap[i] as number)) break;
        this.swap(parent, i);
        i = parent;
      }
      if (this.size === this.k) this.raiseFloor();
      return;
    }
    if (!order.before(slot, heap[0] as number)) return;
    heap[0] = slot;
    this.down(0);
  }

  /** A slot's key went up: it moves away from the root, or enters if it was not kept. */
  raise(slot: number) {
    const at = this.heap.subarray(0, this.size).indexOf(slot);
    if (at < 0) this.offer(slot);
    else this.down(at);
  }

  /** Moves the slot at i down while a child is worse, then notes the root. */
  private down(i: number) {
    const { heap, order } = this;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && order.before(heap[worst] as number, heap[l] as number)) worst = l;
      if (r < this.size && order.before(heap[worst] as number, heap[r] as number)) worst = r;
      if (worst === i) break;
      this.swap(worst, i);
      i = worst;
    }
    if (this.size === this.k) this.raiseFloor();
  }

  private raiseFloor() {
    const { keys, stride } = this.order;
    if (!keys) return;
    this.floor = keys[(this.heap[0] as number) * stride] as number;
    this.floorNo = this.order.no(this.heap[0] as number);
  }

  private swap(a: number, b: number) {
    const t = this.heap[a] as number;
    this.heap[a] = this.heap[b] as number;
    this.heap[b] = t;
  }

  sorted(): number[] {
    return [...this.heap.subarray(0, this.size)].sort((a, b) => (this.order.before(a, b) ? -1 : 1));
  }
}

/** Slot records as the index keeps them: packed facet values and producer at these uint32s of four. */
export const FACET = 2;
export const PRODUCER = 3;

/**
 * What a query does with each product that matches all of it: the filters, the facet counts, the
 * total and the best page. Scoring hands matches over as it finds them when it can, so a broad word
 * costs one visit per match rather than a second pass over them all.
 */
export class Collector {
  total = 0;
  readonly byScore: boolean;
  constructor(
    private readonly records: Uint32Array,
    private readonly filter: { mask: number; bits: number } | null,
    /** -1 for any producer; -2 for one the index does not know. */
    private readonly producer: number,
    private readonly facets: FacetCounter,
    private readonly top: TopK,
    private readonly order: Order,
    private readonly after: After | undefined,
  ) {
    this.byScore = order.byScore === true;
  }

  /** Whether the slot passes the filters. */
  private passes(slot: number): boolean {
    const { filter, producer, records } = this;
    if (!filter) return false;
    const packed = records[slot * 4 + FACET] as number;
    return (
      (packed & filter.mask) === filter.bits && (producer === -1 || records[slot * 4 + PRODUCER] === producer)
    );
  }

  /** Whether the slot's key can still enter the page. */
  private contends(slot: number): boolean {
    const { keys, stride } = this.order;
    if (!keys) return true;
    // Ties are broken by product number: most of a broad word's matches tie with the last kept.
    const key = keys[slot * stride] as number;
    const { top } = this;
    return key > top.floor || (key === top.floor && this.order.no(slot) < top.floorNo);
  }

  /** A slot that matches the whole query, met once. */
  take(slot: number) {
    if (!this.passes(slot)) return;
    this.total++;
    this.facets.add(this.records[slot * 4 + FACET] as number, this.records[slot * 4 + PRODUCER] as number);
    if (!this.contends(slot)) return;
    if (!this.after || this.top.isAfter(slot, this.after)) this.top.offer(slot);
  }

  /** A slot taken before whose score went up (never with a cursor, which a rise could cross). */
  raise(slot: number) {
    if (this.contends(slot) && this.passes(slot)) this.top.raise(slot);
  }
}
