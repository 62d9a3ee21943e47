/**
 * The public views of the products that result pages showed lately, so that a page of a search people
 * repeat needs no database round trip. The catalog's follower forgets each product an event touched;
 * a read that raced with such a change is not kept, so no change outlives the follower's next poll.
 */
export class PageItems<T extends { id: string }> {
  private readonly items = new Map<string, T>();
  /** Counts the forgettings: a read that saw it move may hold what was just forgotten. */
  private generation = 0;

  constructor(
    private readonly capacity: number,
    private readonly read: (ids: string[]) => Promise<T[]>,
  ) {}

  /** The items of these ids that are public, in the order given. */
  async get(ids: readonly string[]): Promise<T[]> {
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const id of ids) {
      const item = this.items.get(id);
      if (!item) missing.push(id);
      else {
        // Map keeps insertion order: the least recently shown come first and go first.
        this.items.delete(id);
        this.items.set(id, item);
        found.set(id, item);
      }
    }
    if (missing.length) {
      const generation = this.generation;
      const fresh = await this.read(missing);
      for (const item of fresh) {
        found.set(item.id, item);
        if (generation === this.generation) this.keep(item);
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  forget(ids: Iterable<string>) {
    this.generation++;
    for (const id of ids) this.items.delete(id);
  }

  private keep(item: T) {
    this.items.set(item.id, item);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value as string);
  }
}
