import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfIranianYear, formatDate, iranianYearOf, jalaliParts, nowruz } from './jalali.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days in an Iranian year, rounded because a clock change can lengthen or shorten it by an hour. */
const daysIn = (year: number) => Math.round((nowruz(year + 1).getTime() - nowruz(year).getTime()) / DAY_MS);

describe('the Iranian year', () => {
  it('1398 ran from 21 March 2019 to 19 March 2020', () => {
    expect(jalaliParts(new Date('2019-03-21T12:00:00Z'))).toEqual({ year: 1398, month: 1, day: 1 });
    expect(jalaliParts(new Date('2020-03-19T12:00:00Z'))).toEqual({ year: 1398, month: 12, day: 29 });
    expect(iranianYearOf(new Date('2020-03-20T12:00:00Z'))).toBe(1399);
    expect(iranianYearOf(new Date('2019-03-20T12:00:00Z'))).toBe(1397);
  });

  it('1404 began on 21 March 2025 and 1405 on 21 March 2026, at midnight in Tehran (+03:30)', () => {
    expect(nowruz(1404).toISOString()).toBe('2025-03-20T20:30:00.000Z');
    expect(nowruz(1405).toISOString()).toBe('2026-03-20T20:30:00.000Z');
  });

  it('1398 began at midnight in Tehran on 21 March 2019, and 1399 on 20 March 2020', () => {
    expect(nowruz(1398).toISOString()).toBe('2019-03-20T20:30:00.000Z');
    expect(nowruz(1399).toISOString()).toBe('2020-03-19T20:30:00.000Z');
  });

  it('1403 is a leap year: Esfand has 30 days', () => {
    expect(jalaliParts(new Date('2025-03-20T12:00:00Z'))).toEqual({ year: 1403, month: 12, day: 30 });
    expect(daysIn(1403)).toBe(366);
    expect(daysIn(1404)).toBe(365);
  });

  it('decides the year of an instant in Tehran time, not UTC', () => {
    // 00:30 on 21 March 2025 in Tehran, still 20 March in UTC.
    expect(iranianYearOf(new Date('2025-03-20T21:00:00Z'))).toBe(1404);
    // 23:30 on 20 March 2025 in Tehran.
    expect(iranianYearOf(new Date('2025-03-20T20:00:00Z'))).toBe(1403);
  });

  it('ends at the last millisecond before the next Nowruz', () => {
    expect(endOfIranianYear(1403).toISOString()).toBe('2025-03-20T20:29:59.999Z');
    expect(iranianYearOf(endOfIranianYear(1403))).toBe(1403);
    expect(iranianYearOf(new Date(endOfIranianYear(1403).getTime() + 1))).toBe(1404);
  });

  it('starts at midnight in Tehran even in years when Iran kept daylight saving time', () => {
    // 1390 (2011): clocks went to +04:30 on 2 Farvardin, so Nowruz began at +03:30.
    expect(nowruz(1390).toISOString()).toBe('2011-03-20T20:30:00.000Z');
  });

  it('has 365 or 366 days, months 1–6 of 31 days, 7–11 of 30 and Esfand of 29 or 30', () => {
    for (let year = 1395; year <= 1410; year++) {
      const monthLengths = Array.from({ length: 12 }, () => 0);
      for (let t = nowruz(year).getTime() + DAY_MS / 2; t < nowruz(year + 1).getTime(); t += DAY_MS) {
        const { month } = jalaliParts(new Date(t));
        monthLengths[month - 1] = (monthLengths[month - 1] ?? 0) + 1;
      }
      expect(monthLengths.slice(0, 6)).toEqual([31, 31, 31, 31, 31, 31]);
      expect(monthLengths.slice(6, 11)).toEqual([30, 30, 30, 30, 30]);
      expect([29, 30]).toContain(monthLengths[11]);
    }
  });

  it('starts at the first instant of 1 Farvardin in 1359, when the clocks skipped from 00:00 to 01:00', () => {
    expect(nowruz(1359).toISOString()).toBe('1980-03-20T20:30:00.000Z');
  });

  it('starts at midnight local mean time before Iran adopted +03:30', () => {
    // Tehran kept +03:25:44 until 1946.
    expect(nowruz(1300).toISOString()).toBe('1921-03-20T20:34:16.000Z');
  });

  it('begins at Nowruz: 1 Farvardin starts then, and the millisecond before is in the previous year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1300, max: 1500 }), (year) => {
        const start = nowruz(year);
        expect(jalaliParts(start)).toEqual({ year, month: 1, day: 1 });
        expect(jalaliParts(new Date(start.getTime() - 1))).toMatchObject({ year: year - 1, month: 12 });
        expect(endOfIranianYear(year - 1).getTime()).toBe(start.getTime() - 1);
      }),
      { numRuns: 201 },
    );
  });

  it('puts every instant between its Nowruz and the end of its year', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => {
          const year = iranianYearOf(d);
          expect(nowruz(year).getTime()).toBeLessThanOrEqual(d.getTime());
          expect(endOfIranianYear(year).getTime()).toBeGreaterThanOrEqual(d.getTime());
        },
      ),
    );
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => nowruz(1404.5)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  const instant = new Date('2026-11-26T12:00:00Z');

  it('shows a date in Persian in the Solar Hijri calendar with Persian digits', () => {
    expect(formatDate(instant, 'fa')).toBe('۵ آذر ۱۴۰۵');
  });

  it('shows a date in English in the Gregorian calendar', () => {
    expect(formatDate(instant, 'en')).toBe('26 Nov 2026');
  });

  it('shows the day it is in Tehran, not in UTC', () => {
    const lateEvening = new Date('2026-11-26T21:00:00Z'); // 00:30 on 27 November in Tehran
    expect(formatDate(lateEvening, 'en')).toBe('27 Nov 2026');
    expect(formatDate(lateEvening, 'fa')).toBe('۶ آذر ۱۴۰۵');
  });

  it('shows Nowruz as 1 Farvardin', () => {
    expect(formatDate(nowruz(1405), 'fa')).toBe('۱ فروردین ۱۴۰۵');
    expect(formatDate(nowruz(1405), 'en')).toBe('21 Mar 2026');
  });
});
