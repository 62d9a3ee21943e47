/** The share of the registrations in force that each year's audit draws, and the fewest it draws. */
export const AUDIT_SHARE = 0.05;
export const AUDIT_MIN = 10;

/** How many of `population` registrations a year's audit sample holds: 5 %, at least 10, at most all. */
export const sampleSize = (population: number) =>
  Math.min(population, Math.max(AUDIT_MIN, Math.ceil(population * AUDIT_SHARE)));

export const OUTCOMES = ['confirmed', 'discrepancy'] as const;
export type Outcome = (typeof OUTCOMES)[number];
