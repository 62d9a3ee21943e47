import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDigits } from './digits.ts';

describe('foldDigits', () => {
  it('turns Persian digits into ASCII digits', () => {
    expect(foldDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('turns Arabic-Indic digits into ASCII digits', () => {
    expect(foldDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('leaves letters, ASCII digits and separators as they are', () => {
    expect(foldDigits('سال ۱۴۰۲ / 2023 - ١٤٠٢٫٥')).toBe('سال 1402 / 2023 - 1402٫5');
  });

  it('gives back the same number for ASCII, Persian and Arabic-Indic spellings', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const ascii = String(n);
        const persian = ascii.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
        const arabic = ascii.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
        expect(foldDigits(persian)).toBe(ascii);
        expect(foldDigits(arabic)).toBe(ascii);
      }),
    );
  });
});
