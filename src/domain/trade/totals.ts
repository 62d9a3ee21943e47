import type { TradeCell } from './cell.ts';
import { AXES, ancestorsOf, latestOfEach, positionKey, positionOf, seriesOf } from './hierarchy.ts';
import { pushTo } from './lists.ts';

export interface Total {
  valueUsd: number;
  /** Null when a cell counted has no weight: a sum of some weights is no total weight. */
  netWeightKg: number | null;
  /** The cells the total adds up: those no other cell of the set holds. */
  counted: TradeCell[];
  /**
   * Pairs of counted cells that share figures without one holding the other (the World's chapter 72 and
   * China's total over all goods share China's chapter 72): the total counts that share twice, and says so.
   */
  overlaps: [TradeCell, TradeCell][];
}

/** Each axis's positions of a cell with the positions that hold them, the cell's own first. */
const upwards = (cell: TradeCell) =>
  AXES.map((axis) => {
    const own = positionOf(cell, axis);
    return [own, ...ancestorsOf(axis, own)];
  });

/** Whether any other position of `present` holds the cell's on every axis (or is it on some). */
function isHeld(cell: TradeCell, present: ReadonlySet<string>): boolean {
  const options = upwards(cell);
  const own = positionKey(cell);
  const walk = (axis: number, prefix: string): boolean => {
    if (axis === options.length) return prefix !== own && present.has(prefix);
    for (const p of options[axis] ?? []) if (walk(axis + 1, axis === 0 ? p : `${prefix}|${p}`)) return true;
    return false;
  };
  return walk(0, '');
}

/**
 * The pairs of counted cells that share figures. Two cells do when on every axis one's position holds
 * or is the other's; so the candidates of a cell are, on each axis, the cells at its position or above
 * it and the cells below it, and the axis with the fewest candidates is the one searched.
 */
function overlapsAmong(counted: readonly TradeCell[]): [TradeCell, TradeCell][] {
  const up = counted.map(upwards);
  const own = up.map((axes) => axes.map(([position = '']) => position));
  const above = up.map((axes) => axes.map(([, ...holders]) => new Set(holders)));
  const at = AXES.map(() => new Map<string, number[]>());
  const below = AXES.map(() => new Map<string, number[]>());
  up.forEach((axes, i) => {
    axes.forEach(([position = '', ...holders], axis) => {
      pushTo(at[axis] as Map<string, number[]>, position, i);
      for (const p of holders) pushTo(below[axis] as Map<string, number[]>, p, i);
    });
  });
  const none: number[] = [];
  const overlap = (i: number, j: number): boolean => {
    const pi = own[i] as string[];
    const pj = own[j] as string[];
    const ai = above[i] as Set<string>[];
    const aj = above[j] as Set<string>[];
    for (let axis = 0; axis < pi.length; axis++) {
      const x = pi[axis] as string;
      const y = pj[axis] as string;
      if (x !== y && !(ai[axis] as Set<string>).has(y) && !(aj[axis] as Set<string>).has(x)) return false;
    }
    return true;
  };
  const pairs: [number, number][] = [];
  up.forEach((axes, i) => {
    let fewest: number[][] = [];
    let fewestSize = Number.POSITIVE_INFINITY;
    axes.forEach((positions, axis) => {
      const lists = [
        ...positions.map((p) => at[axis]?.get(p) ?? none),
        below[axis]?.get(positions[0] ?? '') ?? none,
      ];
      const size = lists.reduce((n, list) => n + list.length, 0);
      if (size < fewestSize) [fewest, fewestSize] = [lists, size];
    });
    for (const list of fewest) {
      // Lists run in the order of the cells, and each pair is found once, from its later cell.
      for (const j of list) {
        if (j >= i) break;
        if (overlap(i, j)) pairs.push([j, i]);
      }
    }
  });
  // In the order of the set: by the later cell, then by the earlier.
  pairs.sort(([a, b], [c, d]) => b - d || a - c);
  return pairs.map(([j, i]) => [counted[j] as TradeCell, counted[i] as TradeCell]);
}

/**
 * The total of a set of cells of one series, each figure counted once: a cell that another cell of the
 * set holds (a partner under the World row, a heading under its chapter, a month under its year) is left
 * out, so that a reported total is preferred to the sum of its parts and never added to them. A cell
 * given in several releases counts in its latest.
 */
export function countOnce(cells: readonly TradeCell[]): Total {
  const series = new Set(cells.map(seriesOf));
  if (series.size > 1) throw new RangeError(`a total is of one series, not of ${[...series].join(', ')}`);
  const unique = latestOfEach(cells);
  const present = new Set(unique.map((cell) => positionKey(cell)));
  const counted = unique.filter((cell) => !isHeld(cell, present));
  const overlaps = overlapsAmong(counted);

  const weights = counted.map((cell) => cell.netWeightKg);
  return {
    valueUsd: counted.reduce((sum, cell) => sum + cell.valueUsd, 0),
    netWeightKg: weights.every((w) => w !== null)
      ? weights.reduce((sum: number, w) => sum + (w ?? 0), 0)
      : null,
    counted,
    overlaps,
  };
}
