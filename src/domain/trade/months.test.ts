import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthlyFromCumulative } from './cumulative.ts';
import { daysInIranianMonth, gregorianToIranianMonths } from './gregorian-months.ts';
import { cellOf } from './testdata/cells.ts';

describe('a year-to-date series', () => {
  it('becomes months, each the year to date less the month before', () => {
    const { months } = monthlyFromCumulative([
      cellOf({ month: 2, valueUsd: 250, netWeightKg: 900 }),
      cellOf({ month: 1, valueUsd: 100, netWeightKg: 400 }),
      cellOf({ month: 3, valueUsd: 420, netWeightKg: 1000 }),
    ]);
    expect(
      months.map((m) => [m.cell.month, m.fromMonth, m.cell.valueUsd, m.cell.netWeightKg, m.negative]),
    ).toEqual(
      [
        [1, 1, 100, 400],
        [2, 2, 250 - 100, 900 - 400],
        [3, 3, 420 - 250, 1000 - 900],
      ].map((row) => [...row, false]),
    );
  });

  it('keeps a month that comes out negative, and flags it', () => {
    const { months } = monthlyFromCumulative([
      cellOf({ month: 1, valueUsd: 100 }),
      cellOf({ month: 2, valueUsd: 250 }),
      cellOf({ month: 3, valueUsd: 240 }),
    ]);
    expect(months.at(-1)).toMatchObject({ cell: { month: 3, valueUsd: 240 - 250 }, negative: true });
  });

  it('gives the month after a missing one as a figure of both', () => {
    const { months } = monthlyFromCumulative([
      cellOf({ month: 1, valueUsd: 100 }),
      cellOf({ month: 3, valueUsd: 400 }),
    ]);
    expect(months.map((m) => [m.fromMonth, m.cell.month, m.cell.valueUsd])).toEqual([
      [1, 1, 100],
      [2, 3, 300],
    ]);
  });

  it('is taken cell by cell: partners and codes are series of their own', () => {
    const { months } = monthlyFromCumulative([
      cellOf({ partner: 'CHN', month: 1, valueUsd: 50 }),
      cellOf({ partner: 'IRQ', month: 1, valueUsd: 70 }),
      cellOf({ partner: 'CHN', month: 2, valueUsd: 80 }),
      cellOf({ partner: 'IRQ', month: 2, valueUsd: 75 }),
    ]);
    expect(months.map((m) => [m.cell.partner, m.cell.month, m.cell.valueUsd])).toEqual([
      ['CHN', 1, 50],
      ['CHN', 2, 30],
      ['IRQ', 1, 70],
      ['IRQ', 2, 5],
    ]);
  });

  it('leaves a figure of the whole year as it is', () => {
    const year = cellOf({ month: null, frequency: 'annual', valueUsd: 1200 });
    expect(monthlyFromCumulative([year])).toEqual({ months: [], years: [year] });
  });
});

const gregorian = (year: number, month: number | null, valueUsd: number) =>
  cellOf({
    source: 'comtrade',
    calendar: 'gregorian',
    year,
    month,
    valueUsd,
    frequency: month ? 'monthly' : 'annual',
  });

describe('Gregorian months placed into Iranian months', () => {
  it('share each month by its days: March and April 2019 make Farvardin 1398 whole', () => {
    // March 2019: 1–20 are Esfand 1397, 21–31 Farvardin 1398. April: 1–20 Farvardin, 21–30 Ordibehesht.
    const { placed } = gregorianToIranianMonths([gregorian(2019, 3, 3100), gregorian(2019, 4, 3000)]);
    expect(
      placed.map((p) => [
        p.cell.calendar,
        p.cell.year,
        p.cell.month,
        p.cell.valueUsd,
        p.coveredDays,
        p.daysInMonth,
      ]),
    ).toEqual([
      ['iranian', 1397, 12, (3100 * 20) / 31, 20, 29],
      ['iranian', 1398, 1, (3100 * 11) / 31 + (3000 * 20) / 30, 11 + 20, 31],
      ['iranian', 1398, 2, (3000 * 10) / 30, 10, 31],
    ]);
    expect(placed.map((p) => p.cell.valueUsd)).toEqual([2000, 3100, 1000]);
    expect(placed.every((p) => p.approximate)).toBe(true);
  });

  it('know that Esfand 1403 has 30 days', () => {
    // February 2025: 1–18 Bahman, 19–28 Esfand 1403; March 2025: 1–20 Esfand, 21–31 Farvardin 1404.
    const { placed } = gregorianToIranianMonths([gregorian(2025, 2, 2800), gregorian(2025, 3, 3100)]);
    expect(
      placed.map((p) => [p.cell.year, p.cell.month, p.cell.valueUsd, p.coveredDays, p.daysInMonth]),
    ).toEqual([
      [1403, 11, 1800, 18, 30],
      [1403, 12, 1000 + 2000, 10 + 20, 30],
      [1404, 1, 1100, 11, 31],
    ]);
    expect([daysInIranianMonth(1403, 12), daysInIranianMonth(1402, 12), daysInIranianMonth(1398, 7)]).toEqual(
      [30, 29, 30],
    );
  });

  it('never place a Gregorian year into an Iranian one', () => {
    const year = gregorian(2019, null, 36_000);
    expect(gregorianToIranianMonths([year])).toEqual({ placed: [], unplaced: [year] });
  });
});

describe('months, for any series', () => {
  it('come back from their own year to date', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 12 }),
        (monthly) => {
          const cumulative = monthly.map((_, i) =>
            cellOf({ month: i + 1, valueUsd: monthly.slice(0, i + 1).reduce((a, b) => a + b, 0) }),
          );
          expect(monthlyFromCumulative(cumulative).months.map((m) => m.cell.valueUsd)).toEqual(monthly);
        },
      ),
    );
  });

  it('placed from Gregorian months lose no dollar and no day', () => {
    const month = fc.record({
      year: fc.integer({ min: 2015, max: 2027 }),
      month: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(month, { selector: (m) => `${m.year}-${m.month}`, minLength: 1, maxLength: 6 }),
        (months) => {
          const cells = months.map((m) => gregorian(m.year, m.month, 3100));
          const { placed } = gregorianToIranianMonths(cells);
          const days = months.reduce(
            (sum, m) => sum + new Date(Date.UTC(m.year, m.month, 0)).getUTCDate(),
            0,
          );
          expect(placed.reduce((sum, p) => sum + p.coveredDays, 0)).toBe(days);
          expect(placed.reduce((sum, p) => sum + p.cell.valueUsd, 0)).toBeCloseTo(3100 * months.length, 6);
          expect(placed.every((p) => p.coveredDays <= p.daysInMonth)).toBe(true);
        },
      ),
    );
  });
});
