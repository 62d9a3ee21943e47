import { cellKey, type TradeCell } from './cell.ts';
import { latestOfEach } from './hierarchy.ts';
import { pushTo } from './lists.ts';

/** A month's figure taken from a year-to-date series. */
export interface MonthFromCumulative {
  cell: TradeCell;
  /** The first month the figure covers: the month before was missing from the series when it is not cell.month. */
  fromMonth: number;
  /** The year to date came out lower than the month before (a later correction): kept, not clipped. */
  negative: boolean;
}

const less = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * Year-to-date cells (month k holding months 1..k) as monthly figures: month k less month k−1 of the
 * same cell. A month missing from the series makes the next figure cover both; a figure of the whole
 * year (month null) is no part of the series and comes back unchanged.
 */
export function monthlyFromCumulative(cells: readonly TradeCell[]): {
  months: MonthFromCumulative[];
  years: TradeCell[];
} {
  const series = new Map<string, TradeCell[]>();
  const years: TradeCell[] = [];
  for (const cell of latestOfEach(cells)) {
    if (cell.month === null) {
      years.push(cell);
      continue;
    }
    const key = cellKey({ ...cell, month: null });
    pushTo(series, key, cell);
  }
  const months: MonthFromCumulative[] = [];
  for (const toDate of series.values()) {
    toDate.sort((a, b) => (a.month ?? 0) - (b.month ?? 0));
    let before: TradeCell | null = null;
    for (const cell of toDate) {
      const valueUsd = cell.valueUsd - (before?.valueUsd ?? 0);
      const sameUnit = before === null || before.unit === cell.unit;
      months.push({
        cell: {
          ...cell,
          valueUsd,
          netWeightKg: less(cell.netWeightKg, before ? before.netWeightKg : 0),
          quantity: sameUnit ? less(cell.quantity, before ? before.quantity : 0) : null,
        },
        fromMonth: (before?.month ?? 0) + 1,
        negative: valueUsd < 0,
      });
      before = cell;
    }
  }
  return { months, years };
}
