import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseFigure, parseHsCode, parseMonth, parseYear } from './fields.ts';

describe('figures in a trade file', () => {
  it('are read in Persian and Arabic-Indic digits with their separators', () => {
    expect(parseFigure('۱۲٬۳۴۵٫۶')).toEqual({ value: 12345.6 });
    expect(parseFigure('١٢٬٣٤٥')).toEqual({ value: 12345 });
    expect(parseFigure('1,234,567.25')).toEqual({ value: 1234567.25 });
    expect(parseFigure(' 8\u00A0500 ')).toEqual({ value: 8500 });
    expect(parseFigure('1.5E+07')).toEqual({ value: 15_000_000 });
    expect(parseFigure('−20')).toEqual({ value: -20 });
    expect(parseFigure('')).toEqual({ value: null });
  });

  it('refuse a comma that does not separate groups of three rather than guess what it means', () => {
    expect(parseFigure('1,5')).toEqual({ error: 'trade.number_malformed' });
    expect(parseFigure('12,34,567')).toEqual({ error: 'trade.number_malformed' });
    expect(parseFigure('ده')).toEqual({ error: 'trade.number_malformed' });
  });

  it('refuse a negative value, weight or quantity', () => {
    expect(parseAmount('-5')).toEqual({ error: 'trade.number_negative' });
    expect(parseAmount('0')).toEqual({ value: 0 });
  });
});

describe('HS codes in a trade file', () => {
  it('keep their leading zeros as text, with dots and Persian digits allowed', () => {
    expect(parseHsCode('01012100')).toEqual({ value: '01012100' });
    expect(parseHsCode('7214.20.00')).toEqual({ value: '72142000' });
    expect(parseHsCode('۲۶۰۱')).toEqual({ value: '2601' });
    expect(parseHsCode('total')).toEqual({ value: 'TOTAL' });
  });

  it('get back the leading zero a spreadsheet took, since no HS code has an odd number of digits', () => {
    expect(parseHsCode('1012100')).toEqual({ value: '01012100' });
    expect(parseHsCode('8')).toEqual({ value: '08' });
  });

  it('are refused when too long, of the reserved chapter 77 or past 97', () => {
    for (const bad of ['123456789', '7701', '9801', '00', 'ab12', ''])
      expect(parseHsCode(bad), bad).toEqual({ error: 'trade.code_malformed' });
  });
});

describe('periods in a trade file', () => {
  it('have years of their calendar and months 1 to 12', () => {
    expect(parseYear('۱۳۹۸', 'iranian')).toEqual({ value: 1398 });
    expect(parseYear('2019', 'iranian')).toEqual({ error: 'trade.year_malformed' });
    expect(parseYear('1398', 'gregorian')).toEqual({ error: 'trade.year_malformed' });
    expect(parseMonth('03')).toEqual({ value: 3 });
    expect(parseMonth('13')).toEqual({ error: 'trade.month_malformed' });
    expect(parseMonth('52')).toEqual({ error: 'trade.month_malformed' });
  });
});

const toPersian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const grouped = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

describe('figures, whatever their digits and separators', () => {
  it('read back as the number written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 13 }),
        fc.constantFrom(',', '٬', ''),
        fc.boolean(),
        (n, separator, persian) => {
          const text = grouped(n, separator);
          expect(parseFigure(persian ? toPersian(text) : text)).toEqual({ value: n });
        },
      ),
    );
  });

  it('are HS codes that keep their text, or get back a zero a spreadsheet took', () => {
    const code = fc
      .tuple(
        fc.integer({ min: 1, max: 97 }).filter((c) => c !== 77),
        fc.constantFrom(0, 2, 4, 6),
        fc.nat({ max: 999_999 }),
      )
      .map(
        ([chapter, extra, rest]) =>
          String(chapter).padStart(2, '0') + String(rest).padStart(6, '0').slice(0, extra),
      );
    fc.assert(
      fc.property(code, (c) => {
        expect(parseHsCode(c)).toEqual({ value: c });
        expect(parseHsCode(String(Number(c)))).toEqual({ value: c });
      }),
    );
  });
});
