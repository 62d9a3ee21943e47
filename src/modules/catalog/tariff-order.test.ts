import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TariffOrder } from './tariff-order.ts';

describe('slots in tariff order', () => {
  it('visits exactly the slots whose code is in the range, sorted or still in the tail', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1000000, max: 99999999 }), { maxLength: 12000 }),
        fc.integer({ min: 0, max: 12000 }),
        fc.integer({ min: 10, max: 99 }),
        (codes, sortedAt, chapter) => {
          const code = Int32Array.from(codes);
          const order = new TariffOrder();
          order.refresh(Math.min(sortedAt, code.length), code);
          const from = chapter * 1000000;
          const to = from + 1000000;
          const seen: number[] = [];
          order.forEachIn(from, to, code.length, code, (slot) => seen.push(slot));
          const expected = codes.flatMap((c, slot) => (c >= from && c < to ? [slot] : []));
          expect(seen.sort((a, b) => a - b)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
