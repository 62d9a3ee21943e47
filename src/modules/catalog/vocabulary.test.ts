import { describe, expect, it } from 'vitest';
import { oneEditApart, Vocabulary } from './vocabulary.ts';

describe('the vocabulary', () => {
  it('finds words one edit away, swaps of neighbours included, before anything else sorted it', () => {
    const vocabulary = new Vocabulary();
    for (let i = 0; i < 200; i++) vocabulary.intern(`word${i}`);
    const pistachio = vocabulary.intern('pistachio');
    const words = (ids: number[]) => ids.map((id) => vocabulary.words[id]);
    expect(words(vocabulary.nearby('pistachoi'))).toEqual(['pistachio']);
    // Across the middle: both halves differ.
    expect(words(vocabulary.nearby('pistcahio'))).toEqual(['pistachio']);
    expect(vocabulary.nearby('pistachio')).not.toContain(pistachio);
  });

  it('counts a swap of neighbours as one edit, and two swaps as more', () => {
    expect(oneEditApart('pistachio', 'pistachoi')).toBe(true);
    expect(oneEditApart('حوله', 'حلوه')).toBe(true);
    expect(oneEditApart('pistachio', 'ipstachoi')).toBe(false);
    expect(oneEditApart('ab', 'ba')).toBe(true);
    expect(oneEditApart('abc', 'cba')).toBe(false);
  });
});
