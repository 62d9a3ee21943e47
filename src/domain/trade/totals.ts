import type { TradeCell } from './cell.ts';
import {
  AXES,
  ancestorsOf,
  holdsOrIs,
  latestOfEach,
  positionKey,
  positionOf,
  seriesOf,
} from './hierarchy.ts';

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

/** Every position on every axis that holds a cell's, itself included, as keys. */
function* holderKeys(cell: TradeCell): Generator<string> {
  const choices = AXES.map((axis) => {
    const own = positionOf(cell, axis);
    return [own, ...ancestorsOf(axis, own)];
  });
  const pick = (axis: number, prefix: string[]): string[][] =>
    axis === choices.length ? [prefix] : (choices[axis] ?? []).flatMap((p) => pick(axis + 1, [...prefix, p]));
  const own = positionKey(cell);
  for (const positions of pick(0, [])) {
    const key = positions.join('|');
    if (key !== own) yield key;
  }
}

const overlap = (a: TradeCell, b: TradeCell) =>
  AXES.every((axis) => {
    const [pa, pb] = [positionOf(a, axis), positionOf(b, axis)];
    return holdsOrIs(axis, pa, pb) || holdsOrIs(axis, pb, pa);
  });

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
  const counted = unique.filter((cell) => ![...holderKeys(cell)].some((key) => present.has(key)));

  // Cells that share figures without holding one another have, on some axis, a position above the other's.
  const byPosition = new Map<string, TradeCell[]>();
  for (const cell of counted) {
    for (const axis of AXES) {
      const key = `${axis}=${positionOf(cell, axis)}`;
      byPosition.set(key, [...(byPosition.get(key) ?? []), cell]);
    }
  }
  const overlaps: [TradeCell, TradeCell][] = [];
  const seen = new Set<string>();
  for (const cell of counted) {
    for (const axis of AXES) {
      for (const above of ancestorsOf(axis, positionOf(cell, axis))) {
        for (const other of byPosition.get(`${axis}=${above}`) ?? []) {
          const pair = [positionKey(cell), positionKey(other)].sort().join('#');
          if (seen.has(pair) || !overlap(cell, other)) continue;
          seen.add(pair);
          overlaps.push([other, cell]);
        }
      }
    }
  }

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
