import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changes, type Snapshot } from './history.ts';

/** The definition: a field changed when its JSON did. */
function changesByJson(before: Snapshot, after: Snapshot) {
  const b: Snapshot = {};
  const a: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    b[key] = before[key] ?? null;
    a[key] = after[key] ?? null;
  }
  return { before: b, after: a };
}

describe('the changes an event records', () => {
  it('are the fields whose JSON differs, including nulls, NaN, arrays and objects', () => {
    const value = fc.oneof(
      fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 0, -0, '', '0'),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b'), fc.string()),
    );
    const snapshot = fc.dictionary(
      fc.constantFrom('status', 'name', 'markets', 'price', 'attributes'),
      value,
    );
    fc.assert(
      fc.property(snapshot, snapshot, (before, after) => {
        expect(changes(before, after)).toEqual(changesByJson(before, after));
      }),
    );
  });
});
