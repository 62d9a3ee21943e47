import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText, searchTokens, spelledTokens } from './persian.ts';

const ZWNJ = '\u200C';

describe('normaliseText', () => {
  it.each([
    ['Arabic kaf and yeh become Persian', 'كيك', 'کیک'],
    ['alef maksura and yeh barree become Persian yeh', 'موسى ے', 'موسی ی'],
    ['teh marbuta becomes heh', 'مدرسة', 'مدرسه'],
    ['heh with yeh above becomes heh', 'خانۀ', 'خانه'],
    ['heh followed by a separate hamza above becomes heh', 'خانه\u0654', 'خانه'],
    ['other forms of heh become heh', 'ہ ۂ ۃ ھ ە', 'ه ه ه ه ه'],
    ['tatweel is removed', 'فـــولاد', 'فولاد'],
    ['harakat, shadda, sukun and superscript alef are removed', 'مُحَمَّدٌ عَلْیٰ', 'محمد علی'],
    ['Persian digits become ASCII', '۱۴۰۲', '1402'],
    ['Arabic-Indic digits become ASCII', '١٤٠٢', '1402'],
    ['the Arabic decimal separator becomes a dot', '۲٫۵', '2.5'],
    ['the Arabic thousands separator between digits is removed', '۱٬۲۵۰٬۰۰۰', '1250000'],
    ['Latin letters are lower-cased', 'Iran Khodro SAIPA', 'iran khodro saipa'],
    ['isolated, initial, medial and final presentation forms become letters', 'ﻛﻴﻚ', 'کیک'],
    ['the lam-alef ligature becomes two letters', 'ﻻ', 'لا'],
    ['the presentation form of alef with madda stays one letter', 'ﺁب', 'آب'],
    ['alef with madda stays one letter', 'آب', 'آب'],
    ['alef followed by a separate madda becomes alef with madda', 'ا\u0653ب', 'آب'],
    ['alef with hamza stays as it is', 'أ إ ؤ ئ', 'أ إ ؤ ئ'],
    ['ZWNJ becomes a space', `می${ZWNJ}روم`, 'می روم'],
    ['ZWJ, NBSP, LRM and RLM become spaces', 'الف\u200Dب\u00A0ج\u200Eد\u200Fه', 'الف ب ج د ه'],
    [
      'runs of whitespace become one space and the ends are trimmed',
      ' \t فولاد\n\n مبارکه  ',
      'فولاد مبارکه',
    ],
  ])('%s', (_, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('keeps آ as the single letter U+0622', () => {
    expect([...normaliseText('آهن')]).toEqual(['\u0622', 'ه', 'ن']);
  });

  it('keeps the thousands separator where it is not between digits', () => {
    expect(normaliseText('الف٬ب')).toBe('الف٬ب');
  });

  it('gives the same text for the same words typed on Arabic and Persian keyboards', () => {
    expect(normaliseText('كارخانه يك')).toBe(normaliseText('کارخانه یک'));
  });

  it('changes nothing when run a second time on Persian-like text', () => {
    const alphabet = [
      ...'آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی',
      ...'يىےكہۂۃھەةۀأإؤئ',
      ...'۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789٫٬.,',
      '\u064B',
      '\u064E',
      '\u0651',
      '\u0652',
      '\u0653',
      '\u0654',
      '\u0655',
      '\u0670',
      '\u0640',
      '\u200C',
      '\u200D',
      '\u00A0',
      '\u200E',
      '\u200F',
      ' ',
      '\t',
      '\n',
      ...'ﻛﻴﻚﻻﺁﷲﹰ',
      ...'AaZzİΣ',
      '\u0301',
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 }), (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('changes nothing when run a second time on any Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('searchTokens', () => {
  it('splits at whitespace and Persian and Latin punctuation', () => {
    expect(searchTokens('«فولاد»، آهن؛ مس؟ (steel), iron.')).toEqual(['فولاد', 'آهن', 'مس', 'steel', 'iron']);
  });

  it('gives normalised words', () => {
    expect(searchTokens('كيك مدرسة ۱۴۰۲ Steel')).toEqual(['کیک', 'مدرسه', '1402', 'steel']);
  });

  it('adds the joined form of a word written with ZWNJ', () => {
    expect(searchTokens(`می${ZWNJ}روم`)).toEqual(['می', 'روم', 'میروم']);
  });

  it('writes a joined form as a reader does, with ZWNJ between its parts, whatever joined them', () => {
    for (const joiner of [ZWNJ, '\u00A0', '\u200D']) {
      expect([...spelledTokens(`كارتن${joiner}سازي`)]).toEqual([
        ['کارتن', null],
        ['سازی', null],
        ['کارتنسازی', `کارتن${ZWNJ}سازی`],
      ]);
    }
    // A part is a word as written where the text also writes it alone.
    expect(spelledTokens(`میلی${ZWNJ}متر، ${ZWNJ}متر`).get('متر')).toBe('متر');
    expect(spelledTokens(`متر میلی${ZWNJ}متر`).get('متر')).toBe('متر');
  });

  it('lets «می روم» and «میروم» find «می‌روم», and «می‌روم» find both', () => {
    const shareAToken = (a: string, b: string) =>
      searchTokens(a).some((token) => searchTokens(b).includes(token));
    for (const other of ['می روم', 'میروم']) {
      expect(shareAToken(other, `می${ZWNJ}روم`)).toBe(true);
      expect(shareAToken(`می${ZWNJ}روم`, other)).toBe(true);
    }
  });

  it('treats ZWJ, NBSP, LRM and RLM as ZWNJ', () => {
    for (const joiner of ['\u200D', '\u00A0', '\u200E', '\u200F']) {
      expect(searchTokens(`می${joiner}روم`)).toEqual(['می', 'روم', 'میروم']);
    }
  });

  it('adds every run of consecutive joined parts of a longer word', () => {
    expect(searchTokens(`کتاب${ZWNJ}های${ZWNJ}مان`)).toEqual([
      'کتاب',
      'های',
      'مان',
      'کتابهای',
      'کتابهایمان',
      'هایمان',
    ]);
  });

  it('does not join words that were only separated by spaces', () => {
    expect(searchTokens('فولاد مبارکه')).toEqual(['فولاد', 'مبارکه']);
  });

  it('gives each token once', () => {
    expect(searchTokens('فولاد فولاد، فولاد')).toEqual(['فولاد']);
  });

  it('gives no tokens for text without words', () => {
    expect(searchTokens(' ،؛ … ')).toEqual([]);
  });

  it('gives tokens that are already normalised and contain no spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        for (const token of searchTokens(s)) {
          expect(token).not.toBe('');
          expect(normaliseText(token)).toBe(token);
        }
      }),
    );
  });
});
