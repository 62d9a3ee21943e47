import { endOfIranianYear, jalaliParts } from '../jalali.ts';
import { cellKey, type FigureStatus, type TradeCell } from './cell.ts';
import { latestOfEach } from './hierarchy.ts';

/** An Iranian month's figure made of Gregorian months: an approximation, and said to be one. */
export interface PlacedFigure {
  cell: TradeCell;
  approximate: true;
  /** How many of the Iranian month's days the Gregorian months given cover; fewer than daysInMonth at the edges of the data. */
  coveredDays: number;
  daysInMonth: number;
}

const DAY_MS = 86_400_000;

/** The Iranian month of each day of a Gregorian month, as counts of days. */
function iranianDaysOf(
  year: number,
  month: number,
): Map<string, { year: number; month: number; days: number }> {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const counts = new Map<string, { year: number; month: number; days: number }>();
  for (let day = 1; day <= days; day++) {
    // 09:00 UTC is 12:30 or 13:30 in Tehran: the same calendar day there whatever the clocks did.
    const date = jalaliParts(new Date(Date.UTC(year, month - 1, day, 9)));
    const key = `${date.year}-${date.month}`;
    const count = counts.get(key) ?? { year: date.year, month: date.month, days: 0 };
    count.days++;
    counts.set(key, count);
  }
  return counts;
}

/** 31 days for months 1–6, 30 for 7–11, and 29 or 30 for Esfand as the calendar has it. */
export function daysInIranianMonth(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return jalaliParts(new Date(endOfIranianYear(year).getTime() - DAY_MS / 2)).day;
}

const STATUS_ORDER: readonly FigureStatus[] = ['reported', 'estimated', 'mirrored'];

/**
 * Gregorian monthly figures placed into Iranian months. The rule: a Gregorian month's figure is shared
 * among the Iranian months its days fall in (days counted in Asia/Tehran), in proportion to the days, as
 * if its trade were spread evenly over them. March 2019 gives 20/31 of itself to Esfand 1397 and 11/31 to
 * Farvardin 1398. A Gregorian year is never placed: it comes back in `unplaced`.
 */
export function gregorianToIranianMonths(cells: readonly TradeCell[]): {
  placed: PlacedFigure[];
  unplaced: TradeCell[];
} {
  const placed = new Map<string, PlacedFigure>();
  const unplaced: TradeCell[] = [];
  for (const cell of latestOfEach(cells)) {
    if (cell.calendar !== 'gregorian')
      throw new RangeError('only figures of Gregorian months are placed into Iranian ones');
    if (cell.month === null) {
      unplaced.push(cell);
      continue;
    }
    const daysInGregorianMonth = new Date(Date.UTC(cell.year, cell.month, 0)).getUTCDate();
    const share = (figure: number | null, days: number) =>
      figure === null ? null : (figure * days) / daysInGregorianMonth;
    for (const part of iranianDaysOf(cell.year, cell.month).values()) {
      const iranian: TradeCell = {
        ...cell,
        calendar: 'iranian',
        year: part.year,
        month: part.month,
        valueUsd: share(cell.valueUsd, part.days) as number,
        netWeightKg: share(cell.netWeightKg, part.days),
        quantity: share(cell.quantity, part.days),
      };
      const key = cellKey(iranian);
      const known = placed.get(key);
      if (!known) {
        const daysInMonth = daysInIranianMonth(part.year, part.month);
        placed.set(key, { cell: iranian, approximate: true, coveredDays: part.days, daysInMonth });
        continue;
      }
      const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
      known.coveredDays += part.days;
      known.cell = {
        ...known.cell,
        asOf: [known.cell.asOf, cell.asOf].sort().at(-1) ?? cell.asOf,
        valueUsd: known.cell.valueUsd + iranian.valueUsd,
        netWeightKg: add(known.cell.netWeightKg, iranian.netWeightKg),
        quantity: known.cell.unit === iranian.unit ? add(known.cell.quantity, iranian.quantity) : null,
        // A month made partly of estimates is an estimate.
        status:
          STATUS_ORDER[
            Math.max(STATUS_ORDER.indexOf(known.cell.status), STATUS_ORDER.indexOf(cell.status))
          ] ?? cell.status,
      };
    }
  }
  return { placed: [...placed.values()], unplaced };
}
