import { foldDigits } from './digits.ts';

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/g;

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  '\u064A': '\u06CC', // ي Arabic yeh
  '\u0649': '\u06CC', // ى alef maksura
  '\u06D2': '\u06CC', // ے yeh barree
  '\u0643': '\u06A9', // ك Arabic kaf
  '\u06C1': '\u0647', // ہ heh goal
  '\u06C2': '\u0647', // ۂ heh goal with hamza
  '\u06C3': '\u0647', // ۃ teh marbuta goal
  '\u06BE': '\u0647', // ھ heh doachashmee
  '\u06D5': '\u0647', // ە ae
  '\u0629': '\u0647', // ة teh marbuta (search only)
  '\u06C0': '\u0647', // ۀ heh with yeh above (search only)
};
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

// Harakat, superscript alef, maddah and hamza marks, tatweel. NFC runs first, so آ and أ stay whole.
const MARKS_AND_TATWEEL = /[\u064B-\u0655\u0670\u0640]/g;

const ARABIC_DECIMAL_SEPARATOR = /\u066B/g;
const ARABIC_THOUSANDS_SEPARATOR_BETWEEN_DIGITS = /(?<=\d)\u066C(?=\d)/g;

// Joiners break words for search, but a word written with them is also indexed joined up.
const JOINERS = '\\u00A0\\u200C\\u200D\\u200E\\u200F';
// Whitespace plus the invisible joiners, bidirectional marks and controls that copying brings along.
const SPACES = new RegExp(`[\\s${JOINERS}\\u200B\\u061C\\u202A-\\u202E\\u2066-\\u2069]+`, 'g');

/** Every normalisation step except the treatment of spaces, so searchTokens still sees the joiners. */
function foldCharacters(s: string): string {
  return foldDigits(
    s
      .normalize('NFC')
      .replace(PRESENTATION_FORMS, (form) => form.normalize('NFKC'))
      .toLowerCase()
      .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
      .replace(MARKS_AND_TATWEEL, ''),
  )
    .replace(ARABIC_DECIMAL_SEPARATOR, '.')
    .replace(ARABIC_THOUSANDS_SEPARATOR_BETWEEN_DIGITS, '')
    .normalize('NFC'); // removed marks can leave letters and combining marks that compose now
}

/**
 * Endings written after a ZWNJ that make no word of their own: plural «‌ها», ezafe and indefinite «‌ی»,
 * comparative «‌تر», possessive «‌ام»… («لوله‌ی», «کاشی‌ها»). A query may drop one the catalog lacks.
 */
export const SUFFIXES: ReadonlySet<string> = new Set([
  'ی',
  'ای',
  'ها',
  'های',
  'هایی',
  'تر',
  'ترین',
  'ام',
  'ات',
  'اش',
  'مان',
  'تان',
  'شان',
]);

/** The form text is compared and searched in (DOMAIN.md); the original is kept for display. */
export function normaliseText(s: string): string {
  return foldCharacters(s).replace(SPACES, ' ').trim();
}

const NOT_WORD = new RegExp(`[^\\p{L}\\p{M}\\p{N}${JOINERS}]+`, 'u');
const JOINER_RUN = new RegExp(`[${JOINERS}]+`);

/**
 * The normalised words of `s`, split at whitespace and punctuation (، ؛ ؟ « » included), each once.
 * Where the original joined parts with ZWNJ, ZWJ, NBSP, LRM or RLM («می‌روم»), the parts are words and so
 * is every run of two or more consecutive parts written together («میروم»): «می روم» and «میروم»
 * both share a token with «می‌روم».
 */
export function searchTokens(s: string): string[] {
  return [...spelledTokens(s).keys()];
}

/**
 * The tokens of searchTokens, each with how a reader writes it: a run of parts written together is a
 * token without its joiners («میلیمتر») but is written with ZWNJ between its parts («میلی‌متر»); a
 * part of such a word that the text never writes alone («میلی») is no word a reader writes (null).
 */
export function spelledTokens(s: string): Map<string, string | null> {
  const tokens = new Map<string, string | null>();
  for (const word of foldCharacters(s).split(NOT_WORD)) {
    const parts = word.split(JOINER_RUN).filter((part) => part !== '');
    const [only] = parts;
    if (parts.length === 1 && only) tokens.set(only, only);
    else for (const part of parts) if (!tokens.has(part)) tokens.set(part, null);
    for (let start = 0; start < parts.length - 1; start++) {
      for (let end = start + 2; end <= parts.length; end++) {
        const run = parts.slice(start, end);
        const token = run.join('');
        if (!tokens.has(token)) tokens.set(token, run.join('\u200C'));
      }
    }
  }
  return tokens;
}
