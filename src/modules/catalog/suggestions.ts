import { normaliseText } from '../../domain/persian.ts';

interface Entry {
  text: string;
  /** How many live products carry this name (as their own or their producer's). */
  refs: number;
}

/** Names of products and producers, completed from what has been typed so far. */
export class Suggestions {
  private readonly entries = new Map<string, Entry>();
  private sorted: string[] = [];
  private dirty = false;

  /** Counts the names of one product in; returns their keys, for `drop`. */
  add(texts: readonly string[]): string[] {
    const named = new Map(texts.map((text) => [normaliseText(text), text.trim()]));
    named.delete('');
    for (const [key, text] of named) {
      const entry = this.entries.get(key);
      if (entry) entry.refs++;
      else {
        this.entries.set(key, { text, refs: 1 });
        this.dirty = true;
      }
    }
    return [...named.keys()];
  }

  drop(keys: readonly string[]) {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) entry.refs--;
    }
  }

  /** Up to `limit` names starting with `typed`, in alphabetical order of their normal form. */
  complete(typed: string, limit: number): string[] {
    const prefix = normaliseText(typed);
    if (!prefix) return [];
    if (this.dirty) {
      this.sorted = [...this.entries.keys()].sort();
      this.dirty = false;
    }
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && out.length < limit; i++) {
      const key = this.sorted[i] as string;
      if (!key.startsWith(prefix)) break;
      const entry = this.entries.get(key);
      if (entry && entry.refs > 0) out.push(entry.text);
    }
    return out;
  }
}
