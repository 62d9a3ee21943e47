import { describe, expect, it } from 'vitest';
import { asPublished, changedCells, releaseViews } from './releases.ts';
import { cellOf } from './testdata/cells.ts';

const may = cellOf({ asOf: '2019-05-01', valueUsd: 1000 });
const august = { ...may, asOf: '2019-08-01', valueUsd: 1015 };
const november = { ...may, asOf: '2019-11-01', valueUsd: 1100 };
const china = cellOf({ partner: 'CHN', asOf: '2019-05-01', valueUsd: 500 });

describe('releases of the same cells', () => {
  it('give each cell as first published and as latest, whatever order they come in', () => {
    const { views, clashes } = releaseViews([november, china, may, august]);
    expect(asPublished(views, 'first').map((c) => [c.partner, c.valueUsd])).toEqual([
      ['W00', 1000],
      ['CHN', 500],
    ]);
    expect(asPublished(views, 'latest').map((c) => [c.partner, c.valueUsd])).toEqual([
      ['W00', 1100],
      ['CHN', 500],
    ]);
    expect(views[0]?.releases.map((c) => c.asOf)).toEqual(['2019-05-01', '2019-08-01', '2019-11-01']);
    expect(clashes).toEqual([]);
  });

  it('name two different figures of one cell in one release', () => {
    const other = { ...may, valueUsd: 999 };
    expect(releaseViews([may, other, { ...may }]).clashes).toEqual([[may, other]]);
  });

  it('list the changes larger than a share of the figure before, each release against the one before', () => {
    const { views } = releaseViews([may, august, november]);
    // 1000 → 1015 is 1.5 %; 1015 → 1100 is 85 / 1015 ≈ 8.4 %.
    const found = changedCells(views, { share: 0.02 });
    expect(found.map((r) => [r.before.asOf, r.after.asOf, r.changeUsd])).toEqual([
      ['2019-08-01', '2019-11-01', 85],
    ]);
    expect(found[0]?.share).toBeCloseTo(85 / 1015, 12);
    expect(changedCells(views, { share: 0.01 }).map((r) => r.changeUsd)).toEqual([15, 85]);
  });

  it('count a change of exactly the share as no larger than it, and a cut as a change too', () => {
    const twoPercent = releaseViews([china, { ...china, asOf: '2019-08-01', valueUsd: 510 }]).views;
    expect(changedCells(twoPercent, { share: 0.02 })).toEqual([]);
    const cut = releaseViews([china, { ...china, asOf: '2019-08-01', valueUsd: 480 }]).views;
    expect(changedCells(cut, { share: 0.02 }).map((r) => [r.changeUsd, r.share])).toEqual([[-20, -0.04]]);
  });

  it('give only what one release changed when asked, and a figure that was zero an infinite share', () => {
    const zero = cellOf({ partner: 'IRQ', asOf: '2019-05-01', valueUsd: 0 });
    const { views } = releaseViews([
      may,
      august,
      november,
      zero,
      { ...zero, asOf: '2019-08-01', valueUsd: 40 },
    ]);
    expect(
      changedCells(views, { share: 0.02, asOf: '2019-08-01' }).map((r) => [r.after.partner, r.share]),
    ).toEqual([['IRQ', Number.POSITIVE_INFINITY]]);
  });
});
