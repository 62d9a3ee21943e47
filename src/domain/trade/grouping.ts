import { ALL_CODES, type TradeCell, WORLD } from './cell.ts';
import { pushTo } from './lists.ts';
import { countOnce } from './totals.ts';

/** The ways figures are grouped: each gives a cell's group, or null for a cell that is in none. */
export const GROUPINGS = {
  // Of one year's cells: the same month of two years would be one group.
  month: (cell: TradeCell) => (cell.month === null ? null : String(cell.month)),
  // A World row is the total over partners, not a partner of its own.
  partner: (cell: TradeCell) => (cell.partner === WORLD ? null : cell.partner),
  chapter: (cell: TradeCell) => (cell.code === ALL_CODES ? null : cell.code.slice(0, 2)),
  heading: (cell: TradeCell) =>
    cell.code === ALL_CODES || cell.code.length < 4 ? null : cell.code.slice(0, 4),
} as const satisfies Record<string, (cell: TradeCell) => string | null>;

export interface GroupTotal {
  key: string;
  valueUsd: number;
  netWeightKg: number | null;
  /** The same group's figure in the cells compared with (last year's), or null when it had none. */
  previousValueUsd: number | null;
}

function byGroup(
  cells: readonly TradeCell[],
  groupOf: (cell: TradeCell) => string | null,
): Map<string, TradeCell[]> {
  const groups = new Map<string, TradeCell[]>();
  for (const cell of cells) {
    const key = groupOf(cell);
    if (key !== null) pushTo(groups, key, cell);
  }
  return groups;
}

/**
 * Figures by group, largest first, each group's cells counted once, beside the same groups of the cells
 * compared with; and the total of all the cells counted once. The total is not the sum of the groups:
 * a World row counts in it and in no partner's group, a chapter's row in its chapter and not beside
 * its headings.
 */
export function totalsBy(
  cells: readonly TradeCell[],
  groupOf: (cell: TradeCell) => string | null,
  previous: readonly TradeCell[] = [],
): { items: GroupTotal[]; totalUsd: number } {
  const before = byGroup(previous, groupOf);
  const items = [...byGroup(cells, groupOf)].map(([key, group]): GroupTotal => {
    const { valueUsd, netWeightKg } = countOnce(group);
    const earlier = before.get(key);
    return { key, valueUsd, netWeightKg, previousValueUsd: earlier ? countOnce(earlier).valueUsd : null };
  });
  items.sort((a, b) => b.valueUsd - a.valueUsd || a.key.localeCompare(b.key));
  return { items, totalUsd: countOnce(cells).valueUsd };
}
