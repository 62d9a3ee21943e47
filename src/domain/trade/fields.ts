import { foldDigits } from '../digits.ts';
import { ALL_CODES } from './cell.ts';
import type { TradeMessageKey } from './problems.ts';

/** A field read, or why it cannot be. */
export type Field<T> = { value: T } | { error: TradeMessageKey; params?: Record<string, string | number> };

// Spaces and the invisible marks that copying from a report brings along; U+2212 is a minus sign.
const NOISE = /[\s\u00A0\u200C-\u200F\u202A-\u202E\u2066-\u2069]/g;
const GROUPED = /^-?\d{1,3}(?:[,\u066C]\d{3})+(?:\.\d+)?$/;
const PLAIN = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A figure as a file writes it: ASCII, Persian or Arabic-Indic digits; ٬ or , between groups of three
 * (a comma anywhere else is refused, not guessed at); . or ٫ as the decimal point. Blank is null.
 */
export function parseFigure(text: string): Field<number | null> {
  const plain = foldDigits(text)
    .replace(NOISE, '')
    .replace(/\u2212/g, '-')
    .replace(/\u066B/g, '.');
  if (plain === '') return { value: null };
  if (!GROUPED.test(plain) && !PLAIN.test(plain)) return { error: 'trade.number_malformed' };
  return { value: Number(plain.replace(/[,\u066C]/g, '')) };
}

/** A figure that cannot be below zero: a value, a weight, a quantity. */
export function parseAmount(text: string): Field<number | null> {
  const figure = parseFigure(text);
  if ('value' in figure && figure.value !== null && figure.value < 0)
    return { error: 'trade.number_negative' };
  return figure;
}

/**
 * An HS or tariff code: 2, 4, 6 or 8 digits kept as text, dots and spaces between groups allowed
 * (7214.20.00), or TOTAL. HS codes have an even number of digits, so an odd one has lost its leading
 * zero to a spreadsheet and gets it back (1012100 is 01012100). Chapter 77 is reserved.
 */
export function parseHsCode(text: string): Field<string> {
  const plain = foldDigits(text)
    .replace(NOISE, '')
    .replace(/[.\u066B]/g, '');
  if (plain.toUpperCase() === ALL_CODES) return { value: ALL_CODES };
  if (!/^\d{1,8}$/.test(plain)) return { error: 'trade.code_malformed' };
  const code = plain.length % 2 === 1 ? `0${plain}` : plain;
  const chapter = Number(code.slice(0, 2));
  return chapter >= 1 && chapter <= 97 && chapter !== 77
    ? { value: code }
    : { error: 'trade.code_malformed' };
}

const YEARS = { gregorian: [1900, 2100], iranian: [1280, 1480] } as const;

/** A year of the calendar a format uses, within the range trade statistics can have. */
export function parseYear(text: string, calendar: keyof typeof YEARS): Field<number> {
  const plain = foldDigits(text).replace(NOISE, '');
  const [min, max] = YEARS[calendar];
  const year = Number(plain);
  return /^\d{4}$/.test(plain) && year >= min && year <= max
    ? { value: year }
    : { error: 'trade.year_malformed' };
}

/** A month 1–12 (01 too). */
export function parseMonth(text: string): Field<number> {
  const plain = foldDigits(text).replace(NOISE, '');
  const month = Number(plain);
  return /^\d{1,2}$/.test(plain) && month >= 1 && month <= 12
    ? { value: month }
    : { error: 'trade.month_malformed' };
}
