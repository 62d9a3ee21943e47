/**
 * Concentration over markets or products, in the Herfindahl–Hirschman index: the sum of the squared
 * shares in percent, from near 0 (spread over many) to 10,000 (all in one).
 */
export function hhi(figures: Iterable<number>): number {
  const positive = [...figures].filter((f) => f > 0);
  const total = positive.reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : positive.reduce((sum, f) => sum + ((100 * f) / total) ** 2, 0);
}

export interface MarketChanges {
  /** Partners with exports in both years, largest this year first. */
  kept: string[];
  /** Partners with exports the year before and none this year, largest the year before first. */
  lost: string[];
  /** Partners with exports this year and none the year before, largest this year first. */
  new: string[];
}

const byFigure = (figures: ReadonlyMap<string, number>) => (a: string, b: string) =>
  (figures.get(b) ?? 0) - (figures.get(a) ?? 0) || a.localeCompare(b);

/** The markets kept, lost and new between two years, from each partner's figure in each (absent is zero). */
export function marketChanges(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): MarketChanges {
  const had = (m: ReadonlyMap<string, number>, p: string) => (m.get(p) ?? 0) > 0;
  const partners = new Set([...before.keys(), ...after.keys()]);
  const all = [...partners];
  return {
    kept: all.filter((p) => had(before, p) && had(after, p)).sort(byFigure(after)),
    lost: all.filter((p) => had(before, p) && !had(after, p)).sort(byFigure(before)),
    new: all.filter((p) => !had(before, p) && had(after, p)).sort(byFigure(after)),
  };
}
