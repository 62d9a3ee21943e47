import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyOrder } from './key-order.ts';

describe('slots in order of a key', () => {
  it('visits exactly the slots whose key is in the range, sorted or still in the tail', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1000000, max: 99999999 }), { maxLength: 12000 }),
        fc.integer({ min: 0, max: 12000 }),
        fc.integer({ min: 10, max: 99 }),
        (codes, sortedAt, chapter) => {
          const keyOf = (slot: number) => codes[slot] as number;
          const order = new KeyOrder();
          order.refresh(Math.min(sortedAt, codes.length), keyOf);
          const from = chapter * 1000000;
          const to = from + 1000000;
          const seen: number[] = [];
          order.forEachIn(from, to, codes.length, keyOf, (slot) => seen.push(slot));
          const expected = codes.flatMap((c, slot) => (c >= from && c < to ? [slot] : []));
          expect(seen.sort((a, b) => a - b)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
