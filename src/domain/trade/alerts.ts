import type { HsEdition } from './cell.ts';
import type { Judgement } from './targets.ts';

/**
 * The alerts of the exports monitor as rules over figures the monitor has already summed. Each gives
 * the figures behind it, so that a page can show why it was raised. The thresholds are the issue's.
 */
export type Alert =
  | {
      kind: 'projection_below_target';
      status: 'at-risk' | 'off-track';
      projection: number | null;
      toDate: number;
    }
  | { kind: 'fall_on_last_year'; months: number; thisYear: number; lastYear: number; change: number }
  | { kind: 'market_at_zero'; partner: string; rank: number; months: number }
  | { kind: 'group_share_above_limit'; share: number; limit: number }
  | { kind: 'unit_value_down'; before: number; after: number; change: number }
  | { kind: 'total_revised'; first: number; latest: number; change: number }
  | { kind: 'month_missing'; month: number }
  | { kind: 'new_hs_edition'; edition: HsEdition };

export const FALL_ON_LAST_YEAR = 0.2;
export const UNIT_VALUE_FALL = 0.15;
export const TOTAL_REVISION = 0.02;
export const TOP_MARKETS = 20;
export const MONTHS_AT_ZERO = 2;

const sum = (figures: readonly number[]) => figures.reduce((a, b) => a + b, 0);
/** The relative change from `before` to `after`; null when there was nothing before. */
const changeOf = (before: number, after: number) =>
  before === 0 ? null : (after - before) / Math.abs(before);

/** A target the projection puts at risk or off track. */
export function projectionAlert(judgement: Judgement): Alert | null {
  const { status, projection, toDate } = judgement;
  return status === 'at-risk' || status === 'off-track'
    ? { kind: 'projection_below_target', status, projection, toDate }
    : null;
}

/** This year's months so far against the same months of last year: a fall of more than 20 %. */
export function fallOnLastYear(
  thisYear: readonly number[],
  lastYear: readonly number[],
  threshold = FALL_ON_LAST_YEAR,
): Alert | null {
  const months = thisYear.length;
  const [now, then] = [sum(thisYear), sum(lastYear.slice(0, months))];
  const change = changeOf(then, now);
  return change !== null && change < -threshold
    ? { kind: 'fall_on_last_year', months, thisYear: now, lastYear: then, change }
    : null;
}

/**
 * The markets among the top 20 (by `ranking`, the last twelve months' figures by partner, World left
 * out) whose last two months (`recent`, oldest first; a partner absent has nothing) are zero.
 */
export function marketsAtZero(
  ranking: ReadonlyMap<string, number>,
  recent: ReadonlyMap<string, readonly number[]>,
  options: { top?: number; months?: number } = {},
): Alert[] {
  const { top = TOP_MARKETS, months = MONTHS_AT_ZERO } = options;
  return [...ranking]
    .filter(([, figure]) => figure > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, top)
    .flatMap(([partner], i): Alert[] => {
      const last = (recent.get(partner) ?? []).slice(-months);
      const atZero = Array.from({ length: months }, (_, m) => last[last.length - months + m] ?? 0).every(
        (f) => f === 0,
      );
      return atZero ? [{ kind: 'market_at_zero', partner, rank: i + 1, months }] : [];
    });
}

/** The share of a total sent to a market group, above the limit set for it. */
export function groupShareAlert(toGroup: number, total: number, limit: number): Alert | null {
  if (total <= 0) return null;
  const share = toGroup / total;
  return share > limit ? { kind: 'group_share_above_limit', share, limit } : null;
}

/** US dollars per tonne, or null without a weight. */
export const unitValue = (valueUsd: number, netWeightKg: number | null) =>
  netWeightKg === null || netWeightKg <= 0 ? null : valueUsd / (netWeightKg / 1000);

/** A unit value (USD per tonne) down more than 15 % on the one it is compared with. */
export function unitValueAlert(
  before: number | null,
  after: number | null,
  threshold = UNIT_VALUE_FALL,
): Alert | null {
  if (before === null || after === null) return null;
  const change = changeOf(before, after);
  return change !== null && change < -threshold ? { kind: 'unit_value_down', before, after, change } : null;
}

/** A published total that a later release moved by more than 2 % of it, up or down. */
export function totalRevisedAlert(first: number, latest: number, threshold = TOTAL_REVISION): Alert | null {
  const change = changeOf(first, latest);
  return change !== null && Math.abs(change) > threshold
    ? { kind: 'total_revised', first, latest, change }
    : null;
}

/** The months before the latest one a source has given for a year that it has not given. */
export function missingMonths(given: Iterable<number>): Alert[] {
  const months = new Set(given);
  const latest = Math.max(0, ...months);
  return Array.from({ length: latest }, (_, i) => i + 1)
    .filter((month) => !months.has(month))
    .map((month): Alert => ({ kind: 'month_missing', month }));
}

/** The HS editions a release brings that no earlier release had. */
export function newEditions(known: Iterable<HsEdition>, released: Iterable<HsEdition>): Alert[] {
  const seen = new Set(known);
  return [...new Set(released)]
    .filter((edition) => !seen.has(edition))
    .map((edition): Alert => ({ kind: 'new_hs_edition', edition }));
}
