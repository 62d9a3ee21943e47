import { normaliseText } from '../../domain/persian.ts';

interface Entry {
  text: string;
  /** How many live products and producers carry this name. */
  refs: number;
}

/** Names of products and producers, completed from what has been typed so far. */
export class Suggestions {
  private readonly entries = new Map<string, Entry>();
  private sorted: string[] = [];
  /** Keys not yet in `sorted`. */
  private fresh: string[] = [];

  /** Counts a name in under its normal form `key`; `text` is what is shown. */
  add(key: string, text: string) {
    if (!key) return;
    const entry = this.entries.get(key);
    if (entry) entry.refs++;
    else {
      this.entries.set(key, { text: text.trim(), refs: 1 });
      this.fresh.push(key);
    }
  }

  drop(key: string) {
    const entry = this.entries.get(key);
    if (entry) entry.refs--;
  }

  /** A few new names are inserted in place; many at once (a bulk load) are sorted in together. */
  private refresh() {
    if (!this.fresh.length) return;
    if (this.fresh.length > 64 + this.sorted.length / 16) this.sorted = this.sorted.concat(this.fresh).sort();
    else for (const key of this.fresh) this.sorted.splice(this.firstNotBefore(key), 0, key);
    this.fresh = [];
  }

  private firstNotBefore(key: string) {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Up to `limit` names starting with `typed`, in alphabetical order of their normal form. */
  complete(typed: string, limit: number): string[] {
    const prefix = normaliseText(typed);
    if (!prefix) return [];
    this.refresh();
    const out: string[] = [];
    for (let i = this.firstNotBefore(prefix); i < this.sorted.length && out.length < limit; i++) {
      const key = this.sorted[i] as string;
      if (!key.startsWith(prefix)) break;
      const entry = this.entries.get(key);
      if (entry && entry.refs > 0) out.push(entry.text);
    }
    return out;
  }
}
