import { COUNTRY_CODES } from './countries.ts';
import { foldDigits } from './digits.ts';
import { MANUFACTURING_DIVISIONS } from './reference.ts';

const digitsOf = (s: string): number[] => [...s].map(Number);

/** Trimmed, with Persian and Arabic-Indic digits folded to ASCII. */
function clean(input: string): string {
  return foldDigits(input.trim());
}

const LEGAL_ENTITY_WEIGHTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];

/** Legal-entity national ID (شناسه ملی): 11 digits, the last a check digit keyed by the 10th. */
export function parseLegalEntityId(input: string): string | null {
  const id = clean(input);
  if (!/^\d{11}$/.test(id) || id.slice(3, 9) === '000000') return null;
  const d = digitsOf(id);
  const t = (d[9] ?? 0) + 2;
  const sum = LEGAL_ENTITY_WEIGHTS.reduce((acc, w, i) => acc + ((d[i] ?? 0) + t) * w, 0);
  const r = sum % 11;
  return (r === 10 ? 0 : r) === d[10] ? id : null;
}

/** National code of a person (کد ملی): 10 digits, the last a mod-11 check digit. */
export function parseNationalCode(input: string): string | null {
  const code = clean(input);
  // Ten equal digits all pass the checksum, so they are rejected outright.
  if (!/^\d{10}$/.test(code) || /^(\d)\1{9}$/.test(code) || code.slice(3, 9) === '000000') return null;
  const d = digitsOf(code);
  const r = d.slice(0, 9).reduce((acc, digit, i) => acc + digit * (10 - i), 0) % 11;
  return (r < 2 ? r : 11 - r) === d[9] ? code : null;
}

/** Customs tariff code: 8 digits as text; groups may be separated by dots or spaces (7214.20.00). */
export function parseTariffCode(input: string): string | null {
  const text = clean(input);
  if (!/^\d+(?:[.\u066B\s]+\d+)*$/.test(text)) return null;
  const code = text.replace(/[.\u066B\s]/g, '');
  if (code.length !== 8) return null;
  const chapter = Number(hsChapterOf(code));
  // Chapter 77 is reserved by the Harmonized System.
  return chapter >= 1 && chapter <= 97 && chapter !== 77 ? code : null;
}

export const hsChapterOf = (code: string): string => code.slice(0, 2);
export const hsHeadingOf = (code: string): string => code.slice(0, 4);
export const hsSubheadingOf = (code: string): string => code.slice(0, 6);

/** GS1 mod-10 check digit of a GTIN without its check digit: weights 3, 1, 3, … from the right. */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`a GTIN body is digits only: ${body}`);
  const sum = digitsOf(body)
    .reverse()
    .reduce((acc, digit, i) => acc + digit * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

const gtinDigits = (input: string) => clean(input).replace(/\s+/g, '');

/** What is wrong with a GTIN: not 8, 12, 13 or 14 digits, or a check digit the others do not give. */
export function gtinProblem(input: string): 'shape' | 'check_digit' | null {
  const gtin = gtinDigits(input);
  if (!/^(?:\d{8}|\d{12,14})$/.test(gtin)) return 'shape';
  return gtinCheckDigit(gtin.slice(0, -1)) === Number(gtin.slice(-1)) ? null : 'check_digit';
}

/** GTIN-8, -12, -13 or -14 (spaces between digit groups allowed), returned as its digits, length kept. */
export function parseGtin(input: string): string | null {
  return gtinProblem(input) ? null : gtinDigits(input);
}

/** A 4-digit ISIC Rev.4 class in one of the manufacturing divisions. */
export function parseIsicClass(input: string): string | null {
  const code = clean(input);
  if (!/^\d{4}$/.test(code)) return null;
  return MANUFACTURING_DIVISIONS.some((d) => d.code === code.slice(0, 2)) ? code : null;
}

/** ISO 3166-1 alpha-2 code, any case, returned upper-case. */
export function parseCountryCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return COUNTRY_CODES.has(code) ? code : null;
}

// Damm's quasigroup: the check digit detects every single-digit error and every adjacent transposition.
const DAMM_TABLE = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** Damm check digit of a string of ASCII digits: with it appended, the interim digit ends at 0. */
export function dammCheckDigit(digits: string): number {
  if (!/^\d*$/.test(digits)) throw new RangeError(`Damm check digits are over digits only: ${digits}`);
  return digitsOf(digits).reduce((interim, digit) => DAMM_TABLE[interim]?.[digit] ?? interim, 0);
}

const MIN_SERIAL_DIGITS = 6;

function isRegistrationYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 9999;
}

function isRegistrationSerial(serial: number): boolean {
  return Number.isSafeInteger(serial) && serial >= 1;
}

/** YYYY-NNNNNN-C: Iranian year of first approval, serial (at least 6 digits), Damm check digit. */
export function formatRegistrationNumber(year: number, serial: number): string {
  if (!isRegistrationYear(year)) throw new RangeError(`not a four-digit Iranian year: ${year}`);
  if (!isRegistrationSerial(serial)) throw new RangeError(`not a positive serial: ${serial}`);
  const serialText = String(serial).padStart(MIN_SERIAL_DIGITS, '0');
  return `${year}-${serialText}-${dammCheckDigit(`${year}${serialText}`)}`;
}

export type RegistrationNumberResult =
  | { ok: true; value: string; year: number; serial: number }
  | { ok: false; reason: 'malformed' | 'checksum' };

// Between the parts: a dash (ASCII or Unicode dash/minus) or spaces, or nothing at all.
const REGISTRATION_NUMBER =
  /^(\d{4})(?:\s*[-\u2010-\u2015\u2212]\s*|\s+)?(\d{6,})(?:\s*[-\u2010-\u2015\u2212]\s*|\s+)?(\d)$/;
// Bidirectional marks come along when a number is copied out of right-to-left text.
const BIDI_MARKS = /[\u200E\u200F\u061C]/g;

export function parseRegistrationNumber(input: string): RegistrationNumberResult {
  const match = REGISTRATION_NUMBER.exec(clean(input.replace(BIDI_MARKS, '')));
  if (!match) return { ok: false, reason: 'malformed' };
  const [, yearText = '', serialText = '', check = ''] = match;
  const year = Number(yearText);
  const serial = Number(serialText);
  // Only the canonical zero-padding is accepted, so each number has exactly one spelling.
  const canonicalSerial = serialText.length === MIN_SERIAL_DIGITS || !serialText.startsWith('0');
  if (!isRegistrationYear(year) || !isRegistrationSerial(serial) || !canonicalSerial) {
    return { ok: false, reason: 'malformed' };
  }
  if (dammCheckDigit(yearText + serialText) !== Number(check)) return { ok: false, reason: 'checksum' };
  return { ok: true, value: `${yearText}-${serialText}-${check}`, year, serial };
}
