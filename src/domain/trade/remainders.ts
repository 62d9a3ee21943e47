import type { TradeCell } from './cell.ts';
import { AXES, type Axis, ancestorsOf, latestOfEach, positionOf, seriesOf } from './hierarchy.ts';
import { pushTo } from './lists.ts';

/** What a parent holds that none of its children present accounts for. */
export interface Remainder {
  /** The parent cell with, as its figures, parent − Σ children: a line of its own beside the children. */
  line: TradeCell;
  parent: TradeCell;
  children: TradeCell[];
  /** More was reported for the children than for the parent; the line is kept, not clipped to zero. */
  negative: boolean;
}

const minusAll = (parent: number | null, children: readonly (number | null)[]) =>
  parent === null || children.some((c) => c === null)
    ? null
    : children.reduce((rest: number, c) => rest - (c ?? 0), parent);

/**
 * For each cell that holds others on an axis (a code its longer codes, the World its partners), the
 * remainder the children present leave: 72 − (7207 + 7208) is the rest of chapter 72. A child is the
 * nearest held cell: 720810 is a child of 7208, not of 72, when 7208 is present.
 */
export function remainders(
  cells: readonly TradeCell[],
  axis: Extract<Axis, 'code' | 'partner'> = 'code',
): Remainder[] {
  const others = AXES.filter((a) => a !== axis);
  const groupOf = (cell: TradeCell) =>
    [seriesOf(cell), cell.hsEdition, ...others.map((a) => positionOf(cell, a))].join('|');
  const groups = new Map<string, Map<string, TradeCell>>();
  for (const cell of latestOfEach(cells)) {
    const group = groups.get(groupOf(cell)) ?? new Map<string, TradeCell>();
    group.set(positionOf(cell, axis), cell);
    groups.set(groupOf(cell), group);
  }
  const result: Remainder[] = [];
  for (const group of groups.values()) {
    const children = new Map<string, TradeCell[]>();
    for (const [position, cell] of group) {
      const parent = ancestorsOf(axis, position).find((p) => group.has(p));
      if (parent !== undefined) pushTo(children, parent, cell);
    }
    for (const [position, kids] of children) {
      const parent = group.get(position) as TradeCell;
      const valueUsd = minusAll(
        parent.valueUsd,
        kids.map((k) => k.valueUsd),
      ) as number;
      result.push({
        line: {
          ...parent,
          valueUsd,
          netWeightKg: minusAll(
            parent.netWeightKg,
            kids.map((k) => k.netWeightKg),
          ),
          quantity:
            parent.unit !== null && kids.every((k) => k.unit === parent.unit)
              ? minusAll(
                  parent.quantity,
                  kids.map((k) => k.quantity),
                )
              : null,
        },
        parent,
        children: kids,
        negative: valueUsd < 0,
      });
    }
  }
  return result;
}
