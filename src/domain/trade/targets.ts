/**
 * Targets for a year of additive figures (USD, tonnes) by Iranian month: the path a target takes month
 * by month, the projection of the year from the months so far, and the status they give.
 */

/** What a target asks of the year's figure. */
export type Comparator =
  | { kind: 'atLeast'; value: number }
  /** At least last year's figure, as known when the target is judged. */
  | { kind: 'atLeastLastYear'; lastYear: number }
  | { kind: 'range'; min: number; max: number };

export type TargetStatus = 'achieved' | 'on-track' | 'at-risk' | 'off-track';

/** How far short of its target a projection may fall and be at risk rather than off track. */
export const AT_RISK_MARGIN = 0.05;

const MONTHS = 12;
const sum = (figures: readonly number[]) => figures.reduce((a, b) => a + b, 0);

/**
 * The share of a year's figure each Iranian month usually carries: for each of the last three complete
 * years its months' shares of the year, then the mean over the years, so that each year weighs the same
 * whatever its size. `years` runs oldest first, twelve figures each; years without twelve months or with
 * nothing in them are left out, and with no year left every month carries a twelfth.
 */
export function seasonality(years: readonly (readonly number[])[]): number[] {
  const usable = years.filter((months) => months.length === MONTHS && sum(months) > 0).slice(-3);
  if (usable.length === 0) return Array.from({ length: MONTHS }, () => 1 / MONTHS);
  return Array.from(
    { length: MONTHS },
    (_, m) => sum(usable.map((months) => (months[m] ?? 0) / sum(months))) / usable.length,
  );
}

export interface PathPoint {
  month: number;
  /** What the month should bring for the year to reach the target. */
  monthly: number;
  /** Where the year to date should stand at the end of the month. */
  cumulative: number;
}

/** A target's path through the year, month by month, by the seasonality. */
export function targetPath(target: number, shares: readonly number[]): PathPoint[] {
  let cumulative = 0;
  return shares.map((share, i) => {
    cumulative += share;
    return { month: i + 1, monthly: target * share, cumulative: target * cumulative };
  });
}

/**
 * The year projected from its months so far (1..k): the year to date divided by the share of the year
 * those months usually carry. Null when they usually carry nothing.
 */
export function projectYear(monthsSoFar: readonly number[], shares: readonly number[]): number | null {
  const toDate = sum(monthsSoFar);
  if (monthsSoFar.length >= MONTHS) return toDate;
  const usual = sum(shares.slice(0, monthsSoFar.length));
  return usual > 0 ? toDate / usual : null;
}

export interface Judgement {
  status: TargetStatus;
  toDate: number;
  projection: number | null;
  /** Where the path says the year to date should stand now. */
  expectedToDate: number;
}

/** The bounds the year's figure must fall in: a floor, and for a range a ceiling. */
function boundsOf(comparator: Comparator): { min: number; max: number } {
  switch (comparator.kind) {
    case 'atLeast':
      return { min: comparator.value, max: Number.POSITIVE_INFINITY };
    case 'atLeastLastYear':
      return { min: comparator.lastYear, max: Number.POSITIVE_INFINITY };
    case 'range':
      return { min: comparator.min, max: comparator.max };
  }
}

/**
 * A target judged on the months so far. Achieved: a floor the year to date has reached (figures only
 * add up), or a complete year within its bounds. Otherwise, by the projection: on track within the
 * bounds, at risk within 5 % of them, off track beyond. A complete year that missed is off track.
 */
export function judgeTarget(
  comparator: Comparator,
  monthsSoFar: readonly number[],
  shares: readonly number[],
): Judgement {
  const { min, max } = boundsOf(comparator);
  const toDate = sum(monthsSoFar);
  const complete = monthsSoFar.length >= MONTHS;
  const projection = projectYear(monthsSoFar, shares);
  const expectedToDate =
    monthsSoFar.length === 0
      ? 0
      : (targetPath(min, shares)[Math.min(monthsSoFar.length, MONTHS) - 1]?.cumulative ?? 0);
  const within = (figure: number) => figure >= min && figure <= max;
  const judged = (status: TargetStatus): Judgement => ({ status, toDate, projection, expectedToDate });

  if (max === Number.POSITIVE_INFINITY && toDate >= min) return judged('achieved');
  if (complete) return judged(within(toDate) ? 'achieved' : 'off-track');
  // Nothing was expected of these months yet, so nothing has gone wrong.
  if (projection === null) return judged('on-track');
  if (within(projection)) return judged('on-track');
  const nearly = projection >= min * (1 - AT_RISK_MARGIN) && projection <= max * (1 + AT_RISK_MARGIN);
  return judged(nearly ? 'at-risk' : 'off-track');
}
