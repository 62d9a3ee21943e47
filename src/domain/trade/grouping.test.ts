import { describe, expect, it } from 'vitest';
import { GROUPINGS, totalsBy } from './grouping.ts';
import { cellOf } from './testdata/cells.ts';

const world72 = cellOf({ partner: 'W00', code: '72', valueUsd: 1000 });
const cells = [
  world72,
  cellOf({ partner: 'CHN', code: '7207', valueUsd: 500, netWeightKg: 1_000_000 }),
  cellOf({ partner: 'CHN', code: '7208', valueUsd: 150, netWeightKg: 250_000 }),
  cellOf({ partner: 'IRQ', code: '72', valueUsd: 300 }),
  cellOf({ partner: 'IRQ', code: '7207', valueUsd: 200 }),
];
const lastYear = [cellOf({ year: 1397, partner: 'CHN', code: '72', valueUsd: 800 })];

describe('figures by group', () => {
  it('by partner leave the World row out of the partners and count it as the total', () => {
    expect(totalsBy(cells, GROUPINGS.partner, lastYear)).toEqual({
      items: [
        // China: 7207 + 7208 (no chapter row of its own); Iraq: its chapter row holds its 7207.
        { key: 'CHN', valueUsd: 650, netWeightKg: 1_250_000, previousValueUsd: 800 },
        { key: 'IRQ', valueUsd: 300, netWeightKg: null, previousValueUsd: null },
      ],
      totalUsd: 1000,
    });
  });

  it('by heading count each heading once, the World row holding the partners’', () => {
    // 7207: the World's chapter row is no heading, so China's 500 + Iraq's 200; 7208: China's 150.
    const { items, totalUsd } = totalsBy(cells, GROUPINGS.heading);
    expect(items.map((i) => [i.key, i.valueUsd])).toEqual([
      ['7207', 700],
      ['7208', 150],
    ]);
    expect(totalUsd).toBe(1000);
  });

  it('by chapter and month put a total over all goods and a whole year in no group', () => {
    const total = cellOf({ code: 'TOTAL', valueUsd: 5000 });
    const year = cellOf({ month: null, frequency: 'annual', code: '26', valueUsd: 90 });
    expect(totalsBy([...cells, total], GROUPINGS.chapter)).toEqual({
      items: [{ key: '72', valueUsd: 1000, netWeightKg: null, previousValueUsd: null }],
      totalUsd: 5000,
    });
    expect(totalsBy([world72, year], GROUPINGS.month).items.map((i) => i.key)).toEqual(['1']);
  });
});
