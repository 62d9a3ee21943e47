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
  const digits = foldDigits(query.trim()).replace(/[.\u066B\s]/g, '');
  if (/^\d{2,8}$/.test(digits) && hsChapter(digits.slice(0, 2))) {
    const scale = 10 ** (8 - digits.length);
    found.tariff = { from: Number(digits) * scale, to: (Number(digits) + 1) * scale };
  }
  return Object.keys(found).length ? found : null;
}
