/**
 * How far the registry's events have been read. Event ids are handed out when a transaction writes,
 * not when it commits, so a smaller id can appear after a larger one; a gap is waited for a while
 * before it is taken for a rolled-back transaction and skipped.
 */
export class EventCursor {
  private readonly seen = new Set<number>();
  private gapSince: number | null = null;

  constructor(
    /** Every event up to this id has been read. */
    public floor: number,
    private readonly gapPatienceMs = 5000,
  ) {}

  /** The ids not read before, and now counted as read. */
  fresh(ids: readonly number[]): number[] {
    const fresh = ids.filter((id) => id > this.floor && !this.seen.has(id));
    for (const id of fresh) this.seen.add(id);
    return fresh;
  }

  advance(now: number) {
    while (this.seen.delete(this.floor + 1)) this.floor++;
    if (!this.seen.size) {
      this.gapSince = null;
      return;
    }
    this.gapSince ??= now;
    if (now - this.gapSince < this.gapPatienceMs) return;
    this.floor = Math.min(...this.seen) - 1;
    this.gapSince = null;
    this.advance(now);
  }
}
