import { describe, expect, it } from 'vitest';
import {
  fallOnLastYear,
  groupShareAlert,
  marketsAtZero,
  missingMonths,
  newEditions,
  projectionAlert,
  totalRevisedAlert,
  unitValue,
  unitValueAlert,
} from './alerts.ts';

describe('the alerts of the exports monitor', () => {
  it('raise a target whose projection puts it at risk or off track, with the figures behind it', () => {
    expect(
      projectionAlert({ status: 'at-risk', toDate: 1500, projection: 9000, expectedToDate: 1537 }),
    ).toEqual({
      kind: 'projection_below_target',
      status: 'at-risk',
      projection: 9000,
      toDate: 1500,
    });
    expect(
      projectionAlert({ status: 'on-track', toDate: 1500, projection: 9000, expectedToDate: 1400 }),
    ).toBeNull();
  });

  it('raise a fall of more than 20 % on the same months of last year', () => {
    // Months 1–3: 700 + 600 + 500 = 1800 against 800 + 900 + 800 = 2500 of last year: −28 %.
    expect(fallOnLastYear([700, 600, 500], [800, 900, 800, 1000, 1000])).toEqual({
      kind: 'fall_on_last_year',
      months: 3,
      thisYear: 1800,
      lastYear: 2500,
      change: -0.28,
    });
    // 2000 against 2500 is −20 %: not more than 20 %.
    expect(fallOnLastYear([700, 700, 600], [800, 900, 800])).toBeNull();
  });

  it('raise a top-20 market at zero two months running, and no market outside the top 20', () => {
    const ranking = new Map(
      Array.from({ length: 25 }, (_, i): [string, number] => [
        `P${String(i + 1).padStart(2, '0')}`,
        1000 - i,
      ]),
    );
    const recent = new Map<string, number[]>([
      ['P01', [50, 40]],
      ['P03', [0, 0]],
      ['P05', [20, 0]],
      ['P22', [0, 0]],
    ]);
    // P02, P04 and P06–P20 sent nothing at all in the two months: absent is zero.
    const raised = marketsAtZero(ranking, recent);
    expect(raised.map((a) => a.kind === 'market_at_zero' && a.partner)).toEqual([
      'P02',
      'P03',
      'P04',
      ...Array.from({ length: 15 }, (_, i) => `P${String(i + 6).padStart(2, '0')}`),
    ]);
    expect(raised[1]).toEqual({ kind: 'market_at_zero', partner: 'P03', rank: 3, months: 2 });
  });

  it('raise the share sent to a market group above its limit', () => {
    expect(groupShareAlert(450, 1000, 0.4)).toEqual({
      kind: 'group_share_above_limit',
      share: 0.45,
      limit: 0.4,
    });
    expect(groupShareAlert(400, 1000, 0.4)).toBeNull();
    expect(groupShareAlert(0, 0, 0.4)).toBeNull();
  });

  it('raise a unit value in dollars a tonne down more than 15 %', () => {
    // 4,500,000 USD for 10,000 t is 450 USD/t; 3,600,000 for 10,000 t is 360: −20 %.
    const [before, after] = [unitValue(4_500_000, 10_000_000), unitValue(3_600_000, 10_000_000)];
    expect([before, after]).toEqual([450, 360]);
    expect(unitValueAlert(before, after)).toEqual({
      kind: 'unit_value_down',
      before: 450,
      after: 360,
      change: -0.2,
    });
    expect(unitValueAlert(450, 400)).toBeNull(); // −11 %
    expect(unitValue(1000, null)).toBeNull();
  });

  it('raise a published total that a later release moved by more than 2 %', () => {
    expect(totalRevisedAlert(9226, 8900)).toEqual({
      kind: 'total_revised',
      first: 9226,
      latest: 8900,
      change: (8900 - 9226) / 9226,
    });
    expect(totalRevisedAlert(1000, 1020)).toBeNull();
    expect(totalRevisedAlert(1000, 1021)).not.toBeNull();
  });

  it('raise each month missing before the latest month given, and each new HS edition', () => {
    expect(missingMonths([1, 2, 4, 6])).toEqual([
      { kind: 'month_missing', month: 3 },
      { kind: 'month_missing', month: 5 },
    ]);
    expect(missingMonths([])).toEqual([]);
    expect(newEditions(['HS2012', 'HS2017'], ['HS2017', 'HS2022', 'HS2022'])).toEqual([
      { kind: 'new_hs_edition', edition: 'HS2022' },
    ]);
  });
});
