/**
 * The index's words, numbered as they arrive, and kept in two sorted orders: by their letters (for
 * prefixes) and by their letters read backwards (for suffixes). A prefix is one binary-searched range,
 * and a word one letter away from another shares the first or the second half of it, so nearby
 * spellings come from two small ranges instead of a scan of the vocabulary.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  private forward = new Int32Array(64);
  private backward = new Int32Array(64);
  private sorted = 0;

  get size() {
    return this.words.length;
  }

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  /**
   * Brings the sorted orders up to date: a few new words are inserted in place, many at once (a bulk
   * load) are sorted in together, so neither a trickle nor a flood costs more than it must.
   */
  private refresh() {
    const n = this.words.length;
    if (this.sorted === n) return;
    if (this.forward.length < n) {
      const capacity = Math.max(n, this.forward.length * 2);
      this.forward = grown(this.forward, capacity);
      this.backward = grown(this.backward, capacity);
    }
    const words = this.words;
    if (n - this.sorted > 64 + this.sorted / 16) {
      const all = Array.from({ length: n }, (_, i) => i);
      this.forward.set(all.sort((a, b) => compare(words[a] as string, words[b] as string)));
      this.backward.set(all.sort((a, b) => compareBackward(words[a] as string, words[b] as string)));
    } else {
      for (let id = this.sorted; id < n; id++) {
        const word = words[id] as string;
        insert(
          this.forward,
          id,
          id,
          this.lowerBound(this.forward, id, (w) => compare(w, word) < 0),
        );
        insert(
          this.backward,
          id,
          id,
          this.lowerBound(this.backward, id, (w) => compareBackward(w, word) < 0),
        );
      }
    }
    this.sorted = n;
  }

  /** The first position in `order[0..n)` whose word fails `before` (which holds for a leading run). */
  private lowerBound(order: Int32Array, n: number, before: (word: string) => boolean): number {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.words[order[mid] as number] as string)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private startingWith(prefix: string): [number, number] {
    this.refresh();
    const n = this.sorted;
    return [
      this.lowerBound(this.forward, n, (w) => w < prefix),
      this.lowerBound(this.forward, n, (w) => w < prefix || w.startsWith(prefix)),
    ];
  }

  private endingWith(suffix: string): [number, number] {
    this.refresh();
    const n = this.sorted;
    return [
      this.lowerBound(this.backward, n, (w) => compareBackward(w, suffix) < 0),
      this.lowerBound(this.backward, n, (w) => compareBackward(w, suffix) < 0 || w.endsWith(suffix)),
    ];
  }

  /** The `limit` words that start with `prefix` (not the word itself) and rank highest. */
  withPrefix(prefix: string, limit: number, rank: (id: number) => number): number[] {
    const [from, to] = this.startingWith(prefix);
    const best: number[] = [];
    const ranks: number[] = [];
    for (let i = from; i < to; i++) {
      const id = this.forward[i] as number;
      const r = rank(id);
      if (best.length === limit && r <= (ranks[limit - 1] as number)) continue;
      if ((this.words[id] as string).length === prefix.length) continue;
      if (best.length === limit) {
        best.pop();
        ranks.pop();
      }
      let at = best.length;
      while (at > 0 && (ranks[at - 1] as number) < r) at--;
      best.splice(at, 0, id);
      ranks.splice(at, 0, r);
    }
    return best;
  }

  /** Ids of the words one wrong, missing or extra letter, or one swap of neighbours, away from `word`. */
  nearby(word: string): number[] {
    // Before the sorted orders are read below: bringing them up to date may replace them.
    this.refresh();
    const half = word.length >> 1;
    const found = new Set<number>();
    const check = (order: Int32Array, [from, to]: [number, number]) => {
      for (let i = from; i < to; i++) {
        const id = order[i] as number;
        if (oneEditApart(word, this.words[id] as string)) found.add(id);
      }
    };
    if (half > 0) check(this.forward, this.startingWith(word.slice(0, half)));
    check(this.backward, this.endingWith(word.slice(half)));
    // A swap across the middle changes both halves, so neither range holds it.
    if (half > 0) {
      const swapped = this.ids.get(
        word.slice(0, half - 1) + word[half] + word[half - 1] + word.slice(half + 1),
      );
      if (swapped !== undefined && swapped !== this.ids.get(word)) found.add(swapped);
    }
    return [...found];
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Compares two words read from their last letter. */
function compareBackward(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 1; i <= n; i++) {
    const d = a.charCodeAt(a.length - i) - b.charCodeAt(b.length - i);
    if (d) return d;
  }
  return a.length - b.length;
}

function grown(from: Int32Array, capacity: number) {
  const to = new Int32Array(capacity);
  to.set(from);
  return to;
}

/** Puts `value` at `at` in `list[0..n)`, moving the rest one place up. */
function insert(list: Int32Array, n: number, value: number, at: number) {
  list.copyWithin(at + 1, at, n);
  list[at] = value;
}

/**
 * True when b is a with one letter changed, removed or added, or two neighbouring letters swapped
 * (never when they are equal).
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    return true;
  // After the first difference the rest must agree: shifted by one when a letter was added.
  const shift = long.length - short.length;
  for (let j = i + 1 - shift; j < short.length; j++) {
    if (short.charCodeAt(j) !== long.charCodeAt(j + shift)) return false;
  }
  return true;
}
