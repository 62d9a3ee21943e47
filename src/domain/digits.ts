const ZERO = '0'.charCodeAt(0);
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits to ASCII; everything else unchanged. */
export function foldDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(ZERO + code - zero);
  });
}
