import { describe, expect, it } from 'vitest';
import { hhi, marketChanges } from './markets.ts';

describe('markets', () => {
  it('are concentrated by the squares of their shares in percent', () => {
    // Shares 50 %, 30 %, 20 %: 2500 + 900 + 400.
    expect(hhi([500, 300, 200, 0])).toBeCloseTo(3800, 9);
    expect(hhi([7])).toBe(10_000);
    expect(hhi([])).toBe(0);
  });

  it('are kept, lost or new between two years', () => {
    const before = new Map([
      ['CHN', 500],
      ['IRQ', 300],
      ['IND', 200],
      ['KOR', 0],
    ]);
    const after = new Map([
      ['IRQ', 400],
      ['CHN', 350],
      ['TUR', 90],
      ['KOR', 10],
      ['IND', 0],
    ]);
    expect(marketChanges(before, after)).toEqual({
      kept: ['IRQ', 'CHN'],
      lost: ['IND'],
      new: ['TUR', 'KOR'],
    });
  });
});
