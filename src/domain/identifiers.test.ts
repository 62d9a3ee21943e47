import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from './countries.ts';
import {
  dammCheckDigit,
  formatRegistrationNumber,
  gtinCheckDigit,
  gtinProblem,
  hsChapterOf,
  hsHeadingOf,
  hsSubheadingOf,
  parseCountryCode,
  parseGtin,
  parseIsicClass,
  parseLegalEntityId,
  parseNationalCode,
  parseRegistrationNumber,
  parseTariffCode,
} from './identifiers.ts';

const toPersian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const toArabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

/** Every way of changing exactly one digit of `s`: position and a different digit. */
const oneDigitChanged = (s: string) =>
  fc
    .tuple(fc.nat({ max: s.length - 1 }), fc.integer({ min: 1, max: 9 }))
    .map(([i, shift]) => s.slice(0, i) + ((Number(s[i]) + shift) % 10) + s.slice(i + 1));

/** A valid identifier from a random body: the body with the one check digit that is accepted. */
const completeWithValidCheckDigit = (body: string, parse: (s: string) => string | null) =>
  Array.from({ length: 10 }, (_, d) => body + d).find((candidate) => parse(candidate) !== null);

describe('parseLegalEntityId', () => {
  const valid = ['10380284790', '10100012342', '10320567897', '10860123456', '14001234562'];
  const invalid = ['10380284791', '10380284792', '10380285692', '11111111111', '09748208301'];

  it.each(valid)('accepts the valid legal-entity ID %s, in ASCII, Persian and Arabic-Indic digits', (id) => {
    expect(parseLegalEntityId(id)).toBe(id);
    expect(parseLegalEntityId(toPersian(id))).toBe(id);
    expect(parseLegalEntityId(toArabicIndic(id))).toBe(id);
  });

  it.each(invalid)('rejects the invalid legal-entity ID %s, in any digits', (id) => {
    expect(parseLegalEntityId(id)).toBeNull();
    expect(parseLegalEntityId(toPersian(id))).toBeNull();
  });

  it('ignores surrounding spaces', () => {
    expect(parseLegalEntityId('  ۱۰۳۸۰۲۸۴۷۹۰ ')).toBe('10380284790');
  });

  it.each(['1038028479', '103802847900', '1038028479a', '1038 0284790', ''])(
    'rejects %j, which is not 11 digits',
    (s) => {
      expect(parseLegalEntityId(s)).toBeNull();
    },
  );

  it('rejects an ID whose digits 4 to 9 are all zero, although its check digit 5 is right', () => {
    expect(parseLegalEntityId('12300000045')).toBeNull();
  });

  it('has exactly one valid check digit for every 10-digit body', () => {
    fc.assert(
      fc.property(digitString(10), (body) => {
        fc.pre(body.slice(3, 9) !== '000000');
        const valid = Array.from({ length: 10 }, (_, d) => body + d).filter((id) => parseLegalEntityId(id));
        expect(valid).toHaveLength(1);
      }),
    );
  });

  // Remainders 0 and 10 share the check digit 0, so that digit cannot tell them apart.
  it('rejects a valid ID with any single digit changed, when its check digit is not 0', () => {
    const validIds = digitString(10)
      .filter((body) => body.slice(3, 9) !== '000000')
      .map((body) => completeWithValidCheckDigit(body, parseLegalEntityId) ?? '')
      .filter((id) => !id.endsWith('0'));
    fc.assert(
      fc.property(
        validIds.chain((id) => fc.tuple(fc.constant(id), oneDigitChanged(id))),
        ([id, changed]) => {
          expect(parseLegalEntityId(id)).toBe(id);
          expect(parseLegalEntityId(changed)).toBeNull();
        },
      ),
    );
  });

  it('cannot catch a changed digit that moves the remainder between 0 and 10, both written 0', () => {
    expect(parseLegalEntityId('12393596030')).toBe('12393596030');
    expect(parseLegalEntityId('42393596030')).toBe('42393596030');
  });
});

describe('parseNationalCode', () => {
  const valid = ['0499370899', '0790419904', '1583250689', '0684159414', '0067749828'];
  const invalid = ['0684159415', '1234567890', '0499370898', '1111111111', '0010000000'];

  it.each(valid)('accepts the valid national code %s, in ASCII, Persian and Arabic-Indic digits', (code) => {
    expect(parseNationalCode(code)).toBe(code);
    expect(parseNationalCode(toPersian(code))).toBe(code);
    expect(parseNationalCode(toArabicIndic(code))).toBe(code);
  });

  it.each(invalid)('rejects the invalid national code %s, in any digits', (code) => {
    expect(parseNationalCode(code)).toBeNull();
    expect(parseNationalCode(toPersian(code))).toBeNull();
  });

  it('rejects all ten codes of ten equal digits, although each passes the checksum', () => {
    for (let d = 0; d <= 9; d++) expect(parseNationalCode(String(d).repeat(10))).toBeNull();
  });

  it.each(['499370899', '04993708990', '049937089x', ''])('rejects %j, which is not 10 digits', (s) => {
    expect(parseNationalCode(s)).toBeNull();
  });

  it('rejects a code whose digits 4 to 9 are all zero, although its check digit 3 is right', () => {
    expect(parseNationalCode('0010000003')).toBeNull();
  });

  it('accepts codes with any prefix, since real codes fall outside every published prefix list', () => {
    expect(parseNationalCode('0067749828')).toBe('0067749828');
  });

  // Remainders 1 and 10 share the check digit 1, so that digit cannot tell them apart.
  it('rejects a valid code with any single digit changed, when its check digit is not 1', () => {
    const validCodes = digitString(9)
      .filter((body) => body.slice(3, 9) !== '000000' && !/^(\d)\1{8}$/.test(body))
      .map((body) => completeWithValidCheckDigit(body, parseNationalCode) ?? '')
      .filter((code) => !code.endsWith('1'));
    fc.assert(
      fc.property(
        validCodes.chain((code) => fc.tuple(fc.constant(code), oneDigitChanged(code))),
        ([code, changed]) => {
          expect(parseNationalCode(code)).toBe(code);
          expect(parseNationalCode(changed)).toBeNull();
        },
      ),
    );
  });

  it('cannot catch a changed digit that moves the remainder between 1 and 10, both written 1', () => {
    expect(parseNationalCode('7930330321')).toBe('7930330321');
    expect(parseNationalCode('7930370321')).toBe('7930370321');
  });
});

describe('parseTariffCode', () => {
  it('keeps the leading zero of chapters 01 to 09', () => {
    expect(parseTariffCode('01012100')).toBe('01012100');
  });

  it('accepts dots or spaces between the digit groups and Persian digits', () => {
    expect(parseTariffCode('7214.20.00')).toBe('72142000');
    expect(parseTariffCode('7214 20 00')).toBe('72142000');
    expect(parseTariffCode('۷۲۱۴٫۲۰٫۰۰')).toBe('72142000');
    expect(parseTariffCode(' ۷۲۱۴۲۰۰۰ ')).toBe('72142000');
  });

  it.each(['7214200', '721420000', '7214-20-00', '72142000.', '.72142000', 'abcdefgh', ''])(
    'rejects %j, which is not 8 digits in groups',
    (s) => {
      expect(parseTariffCode(s)).toBeNull();
    },
  );

  it('accepts chapters 01 to 97 except the reserved chapter 77', () => {
    for (let chapter = 0; chapter <= 99; chapter++) {
      const code = `${String(chapter).padStart(2, '0')}010000`;
      const expected = chapter >= 1 && chapter <= 97 && chapter !== 77 ? code : null;
      expect(parseTariffCode(code)).toBe(expected);
    }
  });

  it('splits a code into its chapter, heading and subheading', () => {
    expect(hsChapterOf('72142000')).toBe('72');
    expect(hsHeadingOf('72142000')).toBe('7214');
    expect(hsSubheadingOf('72142000')).toBe('721420');
  });
});

describe('parseGtin', () => {
  it.each([
    ['GTIN-8', '96385074'],
    ['GTIN-12', '036000291452'],
    ['GTIN-13', '4006381333931'],
    ['GTIN-14', '10614141000415'],
  ])('accepts the valid %s %s, also in Persian digits', (_, gtin) => {
    expect(parseGtin(gtin)).toBe(gtin);
    expect(parseGtin(toPersian(gtin))).toBe(gtin);
  });

  it('accepts the printed grouping with spaces', () => {
    expect(parseGtin('4 006381 333931')).toBe('4006381333931');
  });

  it.each(['4006381333932', '036000291453', '1234567', '123456789', '12345678901', '123456789012345', ''])(
    'rejects %j',
    (s) => {
      expect(parseGtin(s)).toBeNull();
    },
  );

  it('tells a mistyped digit (a wrong check digit) from a number that is no GTIN at all', () => {
    expect(gtinProblem('4006381333932')).toBe('check_digit');
    expect(gtinProblem('۴۰۰۶۳۸۱۳۳۳۹۳۲')).toBe('check_digit');
    for (const s of ['1234567', '12345678901', '4006381333931x', '']) expect(gtinProblem(s), s).toBe('shape');
    expect(gtinProblem('4 006381 333931')).toBeNull();
  });

  it('computes the GS1 check digit with weights 3 and 1 from the right', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(() => gtinCheckDigit('12a')).toThrow(RangeError);
  });

  it('accepts every body with its check digit, of every GTIN length', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13).chain(digitString), (body) => {
        const gtin = body + gtinCheckDigit(body);
        expect(parseGtin(gtin)).toBe(gtin);
      }),
    );
  });

  it('rejects a valid GTIN with any single digit changed', () => {
    const gtins = fc
      .constantFrom(7, 11, 12, 13)
      .chain(digitString)
      .map((body) => body + gtinCheckDigit(body));
    fc.assert(
      fc.property(
        gtins.chain((gtin) => oneDigitChanged(gtin)),
        (changed) => {
          expect(parseGtin(changed)).toBeNull();
        },
      ),
    );
  });
});

describe('parseIsicClass', () => {
  it('accepts a 4-digit class in a manufacturing division', () => {
    expect(parseIsicClass('2410')).toBe('2410');
    expect(parseIsicClass('1010')).toBe('1010');
    expect(parseIsicClass('۳۳۱۲')).toBe('3312');
  });

  it('rejects classes outside the manufacturing divisions 10 to 33', () => {
    expect(parseIsicClass('0910')).toBeNull();
    expect(parseIsicClass('3510')).toBeNull();
    expect(parseIsicClass('4100')).toBeNull();
  });

  it.each(['241', '24100', 'C241', ''])('rejects %j, which is not 4 digits', (s) => {
    expect(parseIsicClass(s)).toBeNull();
  });
});

describe('parseCountryCode', () => {
  it('knows the 249 officially assigned codes, each two upper-case letters', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('accepts an assigned code in any case and returns it upper-case', () => {
    expect(parseCountryCode('IR')).toBe('IR');
    expect(parseCountryCode(' de ')).toBe('DE');
    expect(parseCountryCode('Ss')).toBe('SS');
  });

  it.each(['UK', 'EU', 'XK', 'ZZ', 'IRN', 'I', ''])(
    'rejects %j, which is not an assigned alpha-2 code',
    (s) => {
      expect(parseCountryCode(s)).toBeNull();
    },
  );
});

describe('registration numbers', () => {
  it('computes the Damm check digit of the published example 572 as 4', () => {
    expect(dammCheckDigit('572')).toBe(4);
    expect(dammCheckDigit('5724')).toBe(0);
  });

  it('are formatted as year, six-digit serial and check digit', () => {
    const formatted = formatRegistrationNumber(1405, 427);
    expect(formatted).toMatch(/^1405-000427-\d$/);
    expect(formatted.at(-1)).toBe(String(dammCheckDigit('1405000427')));
  });

  it('grow beyond six serial digits when the serial needs them', () => {
    expect(formatRegistrationNumber(1405, 1234567)).toMatch(/^1405-1234567-\d$/);
  });

  it('cannot be formatted from a year that is not four digits or a serial that is not a positive integer', () => {
    expect(() => formatRegistrationNumber(999, 1)).toThrow(RangeError);
    expect(() => formatRegistrationNumber(1405, 0)).toThrow(RangeError);
    expect(() => formatRegistrationNumber(1405, 1.5)).toThrow(RangeError);
  });

  it('parse back to their year, serial and canonical form, however they are written', () => {
    const canonical = formatRegistrationNumber(1405, 427);
    const digits = canonical.replaceAll('-', '');
    const expected = { ok: true, value: canonical, year: 1405, serial: 427 };
    for (const written of [
      canonical,
      digits,
      canonical.replaceAll('-', ' '),
      toPersian(canonical),
      toArabicIndic(digits),
      ` ${canonical.replaceAll('-', ' – ')} `,
      `\u200E${toPersian(canonical)}\u200E`,
    ]) {
      expect(parseRegistrationNumber(written)).toEqual(expected);
    }
  });

  it('report a wrong check digit as a checksum error', () => {
    const canonical = formatRegistrationNumber(1405, 427);
    const wrong = `${canonical.slice(0, -1)}${(Number(canonical.at(-1)) + 1) % 10}`;
    expect(parseRegistrationNumber(wrong)).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each([
    '',
    '1405-427-0',
    '1405-00427-0',
    '1405-0000427-0',
    '0405-000427-0',
    '1405-000000-0',
    '1405/000427/0',
    '1405-000427-',
    '1405--000427-0',
    'IM-1405-000427-0',
  ])('report %j as malformed', (s) => {
    expect(parseRegistrationNumber(s)).toEqual({ ok: false, reason: 'malformed' });
  });

  const registrations = fc.tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.oneof(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  );

  it('parse every formatted number back to what was formatted', () => {
    fc.assert(
      fc.property(registrations, ([year, serial]) => {
        const value = formatRegistrationNumber(year, serial);
        expect(parseRegistrationNumber(value)).toEqual({ ok: true, value, year, serial });
      }),
    );
  });

  it('catch every single-digit error', () => {
    fc.assert(
      fc.property(
        registrations.chain(([year, serial]) =>
          oneDigitChanged(formatRegistrationNumber(year, serial).replaceAll('-', '')),
        ),
        (changed) => {
          expect(parseRegistrationNumber(changed).ok).toBe(false);
        },
      ),
    );
  });

  it('catch every transposition of two different adjacent digits', () => {
    fc.assert(
      fc.property(
        registrations.chain(([year, serial]) => {
          const digits = formatRegistrationNumber(year, serial).replaceAll('-', '');
          return fc.tuple(fc.constant(digits), fc.nat({ max: digits.length - 2 }));
        }),
        ([digits, i]) => {
          fc.pre(digits[i] !== digits[i + 1]);
          const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
          expect(parseRegistrationNumber(swapped).ok).toBe(false);
        },
      ),
    );
  });

  it('catch every single-digit error and adjacent transposition in the check-digit arithmetic itself', () => {
    fc.assert(
      fc.property(digitString(12), fc.nat({ max: 11 }), fc.integer({ min: 1, max: 9 }), (body, i, shift) => {
        const full = body + dammCheckDigit(body);
        const changed = full.slice(0, i) + ((Number(full[i]) + shift) % 10) + full.slice(i + 1);
        expect(dammCheckDigit(changed)).not.toBe(0);
        fc.pre(full[i] !== full[i + 1]);
        const swapped = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
        expect(dammCheckDigit(swapped)).not.toBe(0);
      }),
    );
  });
});
