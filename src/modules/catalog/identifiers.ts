import { foldDigits } from '../../domain/digits.ts';
import { parseGtin, parseLegalEntityId, parseRegistrationNumber } from '../../domain/identifiers.ts';
import { hsChapter } from '../../domain/reference.ts';

/** What a query names exactly, when the whole of it is an identifier. */
export interface IdentifierQuery {
  registrationNumber?: string;
  gtin?: string;
  nationalId?: string;
  /** A tariff code or its first 2–8 digits, as the numeric range of full codes it covers. */
  tariff?: { from: number; to: number };
}

/** One spelling can be several identifiers at once (11 digits: a national ID or a registration number). */
export function identifiersIn(query: string): IdentifierQuery | null {
  const found: IdentifierQuery = {};
  const registration = parseRegistrationNumber(query);
  if (registration.ok) found.registrationNumber = registration.value;
  const gtin = parseGtin(query);
  if (gtin) found.gtin = gtin;
  const nationalId = parseLegalEntityId(query);
  if (nationalId) found.nationalId = nationalId;
  const tariff = tariffRange(query.trim().replace(/[.\u066B\s]/g, ''));
  if (tariff) found.tariff = tariff;
  return Object.keys(found).length ? found : null;
}

/** A tariff code or its first 2–8 digits (of a real chapter) as the range of full codes it covers. */
export function tariffRange(word: string): { from: number; to: number } | null {
  const digits = foldDigits(word);
  if (!/^\d{2,8}$/.test(digits) || !hsChapter(digits.slice(0, 2))) return null;
  const scale = 10 ** (8 - digits.length);
  return { from: Number(digits) * scale, to: (Number(digits) + 1) * scale };
}

/** A registration number (canonical, `YYYY-serial-check`) as one exact number: the check digit adds nothing. */
export function registrationKey(value: string): number | null {
  const year = Number(value.slice(0, 4));
  const serial = Number(value.slice(5, value.lastIndexOf('-')));
  return serial < 1e10 ? year * 1e10 + serial : null;
}

/** A GTIN as one exact number; its length apart, so leading zeros still tell GTIN-8 from GTIN-13. */
export const gtinKey = (gtin: string) => gtin.length * 1e14 + Number(gtin);

/** A national ID (11 digits) as a number. */
export const nationalIdKey = (id: string) => Number(id);
