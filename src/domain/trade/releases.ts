import { cellKey, type TradeCell } from './cell.ts';
import { pushTo } from './lists.ts';

/** Every release of one cell, oldest first: a later release is the latest, the earlier ones stay readable. */
export interface ReleaseView {
  key: string;
  first: TradeCell;
  latest: TradeCell;
  releases: TradeCell[];
}

/**
 * The releases of each cell. A cell a later release leaves out keeps its last figure: sources publish
 * partial updates, so absence is no change. Two figures of one cell in one release clash, and are
 * named rather than one of them chosen.
 */
export function releaseViews(cells: readonly TradeCell[]): {
  views: ReleaseView[];
  clashes: [TradeCell, TradeCell][];
} {
  const byKey = new Map<string, TradeCell[]>();
  for (const cell of cells) {
    const key = cellKey(cell);
    pushTo(byKey, key, cell);
  }
  const views: ReleaseView[] = [];
  const clashes: [TradeCell, TradeCell][] = [];
  for (const [key, all] of byKey) {
    const releases: TradeCell[] = [];
    for (const cell of [...all].sort((a, b) => a.asOf.localeCompare(b.asOf))) {
      const last = releases.at(-1);
      if (last?.asOf !== cell.asOf) releases.push(cell);
      else if (last.valueUsd !== cell.valueUsd || last.netWeightKg !== cell.netWeightKg)
        clashes.push([last, cell]);
    }
    const [first] = releases;
    const latest = releases.at(-1);
    if (first && latest) views.push({ key, first, latest, releases });
  }
  return { views, clashes };
}

/** Each cell as first published or as its latest release. */
export const asPublished = (views: readonly ReleaseView[], release: 'first' | 'latest'): TradeCell[] =>
  views.map((view) => view[release]);

export interface Change {
  before: TradeCell;
  after: TradeCell;
  changeUsd: number;
  /** The change as a share of the figure before; Infinity for a figure that was zero. */
  share: number;
}

/**
 * The changes of a cell's value larger than a share of the figure before (0.02 for 2 %), each release
 * against the one before it; with `asOf`, only those that release made.
 */
export function changedCells(
  views: readonly ReleaseView[],
  options: { share: number; asOf?: string },
): Change[] {
  const found: Change[] = [];
  for (const { releases } of views) {
    releases.forEach((after, i) => {
      const before = releases[i - 1];
      if (!before || (options.asOf !== undefined && after.asOf !== options.asOf)) return;
      const changeUsd = after.valueUsd - before.valueUsd;
      if (Math.abs(changeUsd) <= options.share * Math.abs(before.valueUsd)) return;
      const share = before.valueUsd === 0 ? Number.POSITIVE_INFINITY : changeUsd / Math.abs(before.valueUsd);
      found.push({ before, after, changeUsd, share });
    });
  }
  return found;
}
