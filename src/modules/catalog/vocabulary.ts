/** The index's words: numbered as they arrive, with a sorted view for prefixes and nearby spellings. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  private sorted: number[] = [];
  private sortedUpTo = 0;
  private byLength = new Map<number, number[]>();

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

  /** Sorting waits until a query needs it, so a burst of new words costs one sort. */
  private refresh() {
    if (this.sortedUpTo === this.words.length) return;
    for (let id = this.sortedUpTo; id < this.words.length; id++) {
      const word = this.words[id] as string;
      const bucket = this.byLength.get(word.length) ?? [];
      this.byLength.set(word.length, bucket);
      bucket.push(id);
    }
    this.sorted = this.words
      .map((_, i) => i)
      .sort((a, b) => compare(this.words[a] as string, this.words[b] as string));
    this.sortedUpTo = this.words.length;
  }

  /** Ids of the words that start with `prefix` (not the word itself), at most `scan` looked at. */
  withPrefix(prefix: string, scan: number): number[] {
    this.refresh();
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.words[this.sorted[mid] as number] as string, prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < this.sorted.length && found.length < scan; i++) {
      const id = this.sorted[i] as number;
      const word = this.words[id] as string;
      if (!word.startsWith(prefix)) break;
      if (word !== prefix) found.push(id);
    }
    return found;
  }

  /** Ids of the words one wrong, missing or extra letter away from `word`. */
  nearby(word: string): number[] {
    this.refresh();
    const found: number[] = [];
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      for (const id of this.byLength.get(len) ?? []) {
        if (oneEditApart(word, this.words[id] as string)) found.push(id);
      }
    }
    return found;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True when b is a with one letter changed, removed or added (never when they are equal). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === l.charCodeAt(i)) i++;
  if (s.length === l.length) return s.slice(i + 1) === l.slice(i + 1);
  return s.slice(i) === l.slice(i + 1);
}
