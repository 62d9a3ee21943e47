import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeTarget, projectYear, seasonality, targetPath } from './targets.ts';

const halves = (first: number, second: number) => [...Array(6).fill(first), ...Array(6).fill(second)];
// Two years carry 1/24 of themselves in each of months 1–6 and 1/8 in months 7–12; one is flat (1/12).
// The mean of the three years' shares: months 1–6 (1/24 + 1/24 + 1/12) / 3 = 1/18, months 7–12
// (1/8 + 1/8 + 1/12) / 3 = 1/9; and 6 · 1/18 + 6 · 1/9 = 1.
const HISTORY = [halves(5, 15), halves(10, 30), halves(10, 10)];
const SHARES = seasonality(HISTORY);
/** Figures to the millionth, so that sums of thirds and eighteenths compare with the hand-worked ones. */
const rounded = (figures: readonly number[]) => figures.map((f) => Math.round(f * 1e6) / 1e6);

describe('the seasonality of the last three years', () => {
  it('is the mean of each year’s monthly shares, each year weighing the same', () => {
    expect(rounded(SHARES.map((share) => share * 18))).toEqual([...Array(6).fill(1), ...Array(6).fill(2)]);
  });

  it('takes only the last three complete years', () => {
    const older = halves(0, 1);
    expect(seasonality([older, ...HISTORY])).toEqual(SHARES);
    expect(seasonality([...HISTORY, [1, 2, 3]])).toEqual(SHARES);
  });

  it('is a twelfth a month with no history', () => {
    expect(seasonality([])).toEqual(Array(12).fill(1 / 12));
  });
});

describe('a target', () => {
  it('has a path month by month: 9000 a year is 500 a month in the first half and 1000 in the second', () => {
    const path = targetPath(9000, SHARES);
    expect(rounded(path.map((p) => p.monthly))).toEqual([...Array(6).fill(500), ...Array(6).fill(1000)]);
    expect(rounded([1, 3, 6, 7, 12].map((m) => path[m - 1]?.cumulative ?? Number.NaN))).toEqual([
      500, 1500, 3000, 4000, 9000,
    ]);
  });

  it('projects the year from its months so far: 1500 in three months that usually carry a sixth is 9000', () => {
    expect(projectYear([400, 600, 500], SHARES)).toBeCloseTo(9000, 9);
    expect(projectYear(Array(12).fill(700), SHARES)).toBe(8400);
  });

  it('is achieved, on track, at risk within 5 % or off track by the projection', () => {
    const months = [400, 600, 500]; // 1500 to date, 9000 projected
    const status = (value: number) => judgeTarget({ kind: 'atLeast', value }, months, SHARES).status;
    expect(status(1400)).toBe('achieved'); // 1500 already
    expect(status(8900)).toBe('on-track'); // 9000 ≥ 8900
    expect(status(9400)).toBe('at-risk'); // 9000 ≥ 0.95 · 9400 = 8930
    expect(status(9600)).toBe('off-track'); // 9000 < 0.95 · 9600 = 9120
  });

  it('of at least last year is judged against last year’s figure', () => {
    // Mining and mineral industries: last year 9226; 9000 projected ≥ 0.95 · 9226 = 8764.7.
    const judgement = judgeTarget({ kind: 'atLeastLastYear', lastYear: 9226 }, [400, 600, 500], SHARES);
    expect(judgement.status).toBe('at-risk');
    expect(judgement.toDate).toBe(1500);
    expect(judgement.expectedToDate).toBeCloseTo(9226 / 6, 9);
  });

  it('as a range is on track inside it and at risk within 5 % outside it', () => {
    const status = (min: number, max: number) =>
      judgeTarget({ kind: 'range', min, max }, [400, 600, 500], SHARES).status;
    expect(status(8000, 9500)).toBe('on-track');
    expect(status(8000, 8700)).toBe('at-risk'); // 9000 ≤ 1.05 · 8700 = 9135
    expect(status(8000, 8500)).toBe('off-track'); // 9000 > 1.05 · 8500 = 8925
  });

  it('of a complete year is achieved or missed, never at risk', () => {
    const year = Array(12).fill(8800 / 12);
    expect(judgeTarget({ kind: 'atLeast', value: 9000 }, year, SHARES).status).toBe('off-track');
    expect(judgeTarget({ kind: 'range', min: 8000, max: 9000 }, year, SHARES).status).toBe('achieved');
  });
});

describe('a projection, for any history', () => {
  it('of months that follow the seasonality exactly is the year they belong to', () => {
    const year = fc.array(fc.integer({ min: 1, max: 10 ** 6 }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(year, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (history, k, total) => {
          const shares = seasonality(history);
          const months = shares.slice(0, k).map((share) => share * total);
          expect(projectYear(months, shares)).toBeCloseTo(total, 3);
        },
      ),
    );
  });
});
