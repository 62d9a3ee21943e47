import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remainders } from './remainders.ts';
import { cellOf } from './testdata/cells.ts';
import { countOnce } from './totals.ts';

const world72 = cellOf({ partner: 'W00', code: '72', valueUsd: 1000 });
const china72 = cellOf({ partner: 'CHN', code: '72', valueUsd: 600 });
const iraq72 = cellOf({ partner: 'IRQ', code: '72', valueUsd: 300 });

describe('the total of a set of cells', () => {
  it('is the World row when the set has it, never the World plus its partners', () => {
    const total = countOnce([china72, world72, iraq72]);
    expect(total.valueUsd).toBe(1000);
    expect(total.counted).toEqual([world72]);
  });

  it('is the sum of the partners when no World row is given', () => {
    expect(countOnce([china72, iraq72]).valueUsd).toBe(600 + 300);
  });

  it('is a parent code, not the parent plus its children', () => {
    const cells = [world72, cellOf({ code: '7207', valueUsd: 700 }), cellOf({ code: '7208', valueUsd: 200 })];
    expect(countOnce(cells).valueUsd).toBe(1000);
    expect(countOnce(cells.slice(1)).valueUsd).toBe(700 + 200);
  });

  it('takes the widest row on every axis at once: the World total over all goods holds the rest', () => {
    const cells = [
      cellOf({ code: 'TOTAL', valueUsd: 5000 }),
      world72,
      cellOf({ partner: 'CHN', code: '7207', valueUsd: 700 }),
      cellOf({ partner: 'CHN', code: '26', valueUsd: 900 }),
    ];
    expect(countOnce(cells).valueUsd).toBe(5000);
  });

  it('adds the chapters of the World to the chapters of a partner only where the World has no row', () => {
    const cells = [world72, china72, cellOf({ partner: 'CHN', code: '26', valueUsd: 900 })];
    // 72 to the World (1000, China's 600 inside it) + 26 to China (900).
    expect(countOnce(cells).valueUsd).toBe(1900);
  });

  it('is a year reported as a whole, not the year plus its months', () => {
    const year = cellOf({ month: null, frequency: 'annual', valueUsd: 12_000 });
    const months = [cellOf({ month: 1, valueUsd: 1000 }), cellOf({ month: 2, valueUsd: 1100 })];
    expect(countOnce([...months, year]).valueUsd).toBe(12_000);
    expect(countOnce(months).valueUsd).toBe(2100);
  });

  it('counts a cell given in two releases once, in its latest', () => {
    const revised = { ...world72, asOf: '2019-08-01', valueUsd: 1050 };
    expect(countOnce([world72, revised]).valueUsd).toBe(1050);
  });

  it('says which counted cells share figures without one holding the other', () => {
    const chinaAll = cellOf({ partner: 'CHN', code: 'TOTAL', valueUsd: 3000 });
    const total = countOnce([world72, chinaAll, cellOf({ partner: 'IRQ', code: '26', valueUsd: 40 })]);
    expect(total.valueUsd).toBe(1000 + 3000 + 40);
    expect(total.overlaps).toEqual([[world72, chinaAll]]);
  });

  it('has a weight only when every cell counted has one', () => {
    const weighed = [
      cellOf({ partner: 'CHN', valueUsd: 1, netWeightKg: 2500 }),
      cellOf({ partner: 'IRQ', valueUsd: 1, netWeightKg: 500 }),
    ];
    expect(countOnce(weighed).netWeightKg).toBe(3000);
    expect(countOnce([...weighed, cellOf({ partner: 'TUR', valueUsd: 1 })]).netWeightKg).toBeNull();
  });

  it('is refused over cells of different series, exports with imports', () => {
    expect(() => countOnce([world72, cellOf({ flow: 'import', basis: 'CIF' })])).toThrow(RangeError);
  });
});

describe('the remainder of a parent code', () => {
  it('is the parent less its nearest children, each parent a line of its own', () => {
    const lines = remainders([
      cellOf({ code: '72', valueUsd: 1000 }),
      cellOf({ code: '7207', valueUsd: 700 }),
      cellOf({ code: '7208', valueUsd: 200 }),
      cellOf({ code: '720810', valueUsd: 150 }),
      cellOf({ code: '26', valueUsd: 80 }),
    ]);
    expect(
      lines.map((r) => [r.line.code, r.line.valueUsd, r.children.map((c) => c.code), r.negative]),
    ).toEqual([
      ['72', 1000 - (700 + 200), ['7207', '7208'], false],
      ['7208', 200 - 150, ['720810'], false],
    ]);
  });

  it('is kept and flagged when the children add up to more than the parent', () => {
    const [line] = remainders([
      cellOf({ code: '26', valueUsd: 500 }),
      cellOf({ code: '2601', valueUsd: 450 }),
      cellOf({ code: '2603', valueUsd: 80 }),
    ]);
    expect([line?.line.valueUsd, line?.negative]).toEqual([-30, true]);
  });

  it('has a weight when the parent and every child have one', () => {
    const weighed = remainders([
      cellOf({ code: '72', valueUsd: 1000, netWeightKg: 2000 }),
      cellOf({ code: '7207', valueUsd: 700, netWeightKg: 1500 }),
    ]);
    expect(weighed[0]?.line.netWeightKg).toBe(500);
    const unweighed = remainders([
      cellOf({ code: '72', valueUsd: 1000, netWeightKg: 2000 }),
      cellOf({ code: '7207', valueUsd: 700 }),
    ]);
    expect(unweighed[0]?.line.netWeightKg).toBeNull();
  });

  it('of the World over its partners is what no partner was named for', () => {
    const [line] = remainders([world72, china72, iraq72], 'partner');
    expect([line?.line.partner, line?.line.valueUsd]).toEqual(['W00', 1000 - (600 + 300)]);
  });

  it('is not drawn between cells of different partners or months', () => {
    expect(
      remainders([
        china72,
        cellOf({ partner: 'IRQ', code: '7207', valueUsd: 10 }),
        cellOf({ month: 2, code: '7208', valueUsd: 5 }),
      ]),
    ).toEqual([]);
  });
});

const partners = fc.uniqueArray(fc.constantFrom('CHN', 'IRQ', 'TUR', 'ARE', 'AFG', 'IND', 'PAK', 'OMN'), {
  minLength: 1,
});
const figure = fc.integer({ min: 0, max: 10 ** 9 });

describe('the total of a set of cells, for any set', () => {
  it('is the World row however many partners are beside it', () => {
    fc.assert(
      fc.property(
        partners,
        figure,
        fc.array(figure, { minLength: 8, maxLength: 8 }),
        (names, world, values) => {
          const cells = names.map((partner, i) => cellOf({ partner, valueUsd: values[i] ?? 0 }));
          expect(countOnce([...cells, cellOf({ valueUsd: world })]).valueUsd).toBe(world);
          expect(countOnce(cells).valueUsd).toBe(names.reduce((sum, _, i) => sum + (values[i] ?? 0), 0));
        },
      ),
    );
  });

  it('is the all-goods row of the World whatever codes and partners come with it', () => {
    const code = fc.constantFrom('26', '2601', '260111', '72', '7207', '72071210', '74');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('W00', 'CHN', 'IRQ'), code, figure)),
        figure,
        (rows, all) => {
          const cells = rows.map(([partner, c, valueUsd]) => cellOf({ partner, code: c, valueUsd }));
          const total = countOnce([...cells, cellOf({ code: 'TOTAL', valueUsd: all })]);
          expect([total.valueUsd, total.overlaps]).toEqual([all, []]);
        },
      ),
    );
  });

  it('equals a parent with its remainder line: children plus what they leave', () => {
    fc.assert(
      fc.property(
        figure,
        fc.uniqueArray(fc.constantFrom('7207', '7208', '7210', '7213'), { minLength: 1 }),
        fc.array(figure, { minLength: 4, maxLength: 4 }),
        (parent, codes, values) => {
          const children = codes.map((code, i) => cellOf({ code, valueUsd: values[i] ?? 0 }));
          const [line] = remainders([cellOf({ valueUsd: parent }), ...children]);
          expect((line?.line.valueUsd ?? Number.NaN) + countOnce(children).valueUsd).toBe(parent);
        },
      ),
    );
  });
});

describe('the cells a total counts and the overlaps it names', () => {
  // The same rules, written plainly: on each axis a position holds itself, the World every partner,
  // TOTAL every code, a code the codes it begins, a year its months.
  const holdsPartner = (a: string, b: string) => a === b || a === 'W00';
  const holdsCode = (a: string, b: string) => a === b || a === 'TOTAL' || (b !== 'TOTAL' && b.startsWith(a));
  const holdsMonth = (a: number | null, b: number | null) => a === b || a === null;
  type C = ReturnType<typeof cellOf>;
  const holds = (a: C, b: C) =>
    holdsPartner(a.partner, b.partner) && holdsCode(a.code, b.code) && holdsMonth(a.month, b.month);
  const samePlace = (a: C, b: C) => a.partner === b.partner && a.code === b.code && a.month === b.month;
  const cell = fc
    .record({
      partner: fc.constantFrom('W00', 'CHN', 'IRQ'),
      code: fc.constantFrom('TOTAL', '72', '7207', '720712', '26'),
      month: fc.constantFrom(null, 1, 2),
      valueUsd: fc.integer({ min: 0, max: 1000 }),
    })
    .map((r) => cellOf({ ...r, frequency: r.month === null ? 'annual' : 'monthly' }));

  it('are, for any set, the cells nothing else holds and the pairs of them that share figures', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(cell, { selector: (c) => `${c.partner}|${c.code}|${c.month}`, maxLength: 14 }),
        (cells) => {
          const counted = cells.filter((c) => !cells.some((o) => !samePlace(o, c) && holds(o, c)));
          const sharing = counted.flatMap((c, i) =>
            counted
              .slice(0, i)
              .filter(
                (o) =>
                  (holdsPartner(o.partner, c.partner) || holdsPartner(c.partner, o.partner)) &&
                  (holdsCode(o.code, c.code) || holdsCode(c.code, o.code)) &&
                  (holdsMonth(o.month, c.month) || holdsMonth(c.month, o.month)),
              )
              .map((o) => [o, c]),
          );
          const total = countOnce(cells);
          expect(total.counted).toEqual(counted);
          expect(total.overlaps).toEqual(sharing);
          expect(total.valueUsd).toBe(counted.reduce((sum, c) => sum + c.valueUsd, 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
