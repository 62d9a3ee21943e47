import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ids, NumberKeys } from './ids.ts';

describe('ids kept as numbers', () => {
  it('gives each id one number, and gives back its spelling, UUID or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })), { maxLength: 3000 }),
        (list) => {
          const ids = new Ids();
          const numbers = list.map((id) => ids.add(id));
          const distinct = [...new Set(list)];
          expect(ids.size).toBe(distinct.length);
          list.forEach((id, i) => {
            expect(ids.numberOf(id)).toBe(numbers[i]);
            expect(ids.idOf(numbers[i] as number)).toBe(id);
          });
          expect(ids.numberOf('00000000-0000-4000-8000-00000000000g')).toBeUndefined();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('finds every thing that holds a key now, and none that held it before', () => {
    const keys = new NumberKeys();
    for (let no = 0; no < 5000; no++) keys.set(no, 6260000000000 + (no % 1000));
    expect(keys.find(6260000000007).sort((a, b) => a - b)).toEqual([7, 1007, 2007, 3007, 4007]);
    keys.set(1007, 1);
    keys.set(2007, null);
    keys.set(3007, 6260000000007);
    expect(keys.find(6260000000007).sort((a, b) => a - b)).toEqual([7, 3007, 4007]);
    expect(keys.find(1)).toEqual([1007]);
    expect(keys.find(2)).toEqual([]);
  });
});
