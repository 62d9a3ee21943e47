import { describe, expect, it } from 'vitest';
import type { TradeCell } from './cell.ts';
import { currentComtradeColumns, parseCurrentComtradeRow } from './comtrade.ts';

// A header as the Comtrade API writes it, with columns this code does not read between the ones it does.
const HEADER = [
  'typeCode',
  'freqCode',
  'refPeriodId',
  'refYear',
  'refMonth',
  'period',
  'reporterCode',
  'reporterISO',
  'reporterDesc',
  'flowCode',
  'flowDesc',
  'partnerCode',
  'partnerISO',
  'partner2Code',
  'partner2ISO',
  'classificationCode',
  'isOriginalClassification',
  'cmdCode',
  'aggrLevel',
  'isLeaf',
  'customsCode',
  'mosCode',
  'motCode',
  'qtyUnitCode',
  'qtyUnitAbbr',
  'qty',
  'netWgt',
  'grossWgt',
  'cifvalue',
  'fobvalue',
  'primaryValue',
  'legacyEstimationFlag',
  'isReported',
  'isAggregate',
];

type Row = Partial<Record<string, string>>;
const BASE: Row = {
  typeCode: 'C',
  freqCode: 'M',
  refYear: '2019',
  refMonth: '4',
  period: '201904',
  reporterCode: '364',
  reporterISO: 'IRN',
  flowCode: 'X',
  partnerCode: '156',
  partnerISO: 'CHN',
  partner2Code: '0',
  partner2ISO: 'W00',
  classificationCode: 'H5',
  cmdCode: '2601',
  aggrLevel: '4',
  isLeaf: '0',
  customsCode: 'C00',
  motCode: '0',
  qtyUnitAbbr: 'kg',
  qty: '125000000',
  netWgt: '125000000',
  cifvalue: '',
  fobvalue: '8750000',
  primaryValue: '8750000',
  isReported: 'true',
  isAggregate: 'true',
};
const fields = (row: Row, header = HEADER) => header.map((name) => row[name] ?? '');

function columns(header = HEADER) {
  const found = currentComtradeColumns(header);
  if (!found.ok) throw new Error(JSON.stringify(found.errors));
  return found.columns;
}
const parse = (row: Row, options: { breakdown?: boolean; mirrored?: boolean } = {}) =>
  parseCurrentComtradeRow(columns(), fields({ ...BASE, ...row }), 2, { asOf: '2020-07-01', ...options });

describe("Comtrade's current CSV", () => {
  it('gives a monthly export cell of iron ore to China', () => {
    expect(parse({})).toEqual({
      ok: true,
      value: {
        source: 'comtrade',
        asOf: '2020-07-01',
        calendar: 'gregorian',
        year: 2019,
        month: 4,
        frequency: 'monthly',
        reporter: 'IRN',
        flow: 'export',
        partner: 'CHN',
        hsEdition: 'HS2017',
        code: '2601',
        valueUsd: 8_750_000,
        basis: 'FOB',
        netWeightKg: 125_000_000,
        quantity: 125_000_000,
        unit: 'kg',
        status: 'reported',
      } satisfies TradeCell,
    });
  });

  it('finds its columns by name in any order, among columns it does not know', () => {
    const shuffled = [...HEADER].reverse().concat('someNewColumn');
    const parsed = parseCurrentComtradeRow(columns(shuffled), fields(BASE, shuffled), 2, {
      asOf: '2020-07-01',
    });
    expect(parsed.ok && parsed.value.valueUsd).toBe(8_750_000);
  });

  it('names each column a trade cell needs that the header lacks', () => {
    const found = currentComtradeColumns(
      HEADER.filter((h) => !['cmdCode', 'partnerISO', 'partnerCode'].includes(h)),
    );
    expect(found.ok ? [] : found.errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [1, 'cmdCode', 'trade.column_missing'],
      [1, 'partnerISO', 'trade.column_missing'],
    ]);
  });

  it('reads the four flow codes, imports on their CIF value', () => {
    const flowOf = (flowCode: string, cifvalue = '') => {
      const parsed = parse({ flowCode, cifvalue });
      return parsed.ok
        ? [parsed.value.flow, parsed.value.basis, parsed.value.valueUsd]
        : parsed.errors[0]?.key;
    };
    expect(flowOf('X')).toEqual(['export', 'FOB', 8_750_000]);
    expect(flowOf('RX')).toEqual(['re-export', 'FOB', 8_750_000]);
    expect(flowOf('M', '9100000')).toEqual(['import', 'CIF', 9_100_000]);
    expect(flowOf('RM', '9100000')).toEqual(['re-import', 'CIF', 9_100_000]);
    expect(flowOf('DX')).toBe('trade.flow_unknown');
  });

  it('keeps a World total as the partner W00 and an all-goods total as the code TOTAL', () => {
    const parsed = parse({ partnerCode: '0', partnerISO: 'W00', cmdCode: 'TOTAL' });
    expect(parsed.ok && [parsed.value.partner, parsed.value.code]).toEqual(['W00', 'TOTAL']);
  });

  it('reads an annual row, whose refMonth is 52', () => {
    const parsed = parse({ freqCode: 'A', refMonth: '52', period: '2019' });
    expect(parsed.ok && [parsed.value.frequency, parsed.value.year, parsed.value.month]).toEqual([
      'annual',
      2019,
      null,
    ]);
  });

  it('marks an estimated row and a file of mirror data', () => {
    const estimated = parse({ isReported: 'false' });
    expect(estimated.ok && estimated.value.status).toBe('estimated');
    const mirrored = parse({}, { mirrored: true });
    expect(mirrored.ok && mirrored.value.status).toBe('mirrored');
  });

  it('refuses a row of one customs procedure, transport mode or second partner, each with its reason', () => {
    const parsed = parse({ customsCode: 'C01', motCode: '2100', partner2Code: '792', partner2ISO: 'TUR' });
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.row, e.column, e.value, e.key])).toEqual([
      [2, 'customsCode', 'C01', 'trade.breakdown_customs'],
      [2, 'motCode', '2100', 'trade.breakdown_transport'],
      [2, 'partner2Code', '792', 'trade.breakdown_partner2'],
    ]);
  });

  it('takes such a row, marked with its breakdown, from a file imported as a breakdown', () => {
    const parsed = parse({ motCode: '2100' }, { breakdown: true });
    expect(parsed.ok && parsed.value.breakdown).toEqual({
      customsProcedure: 'C00',
      transportMode: '2100',
      secondPartner: 'W00',
    });
  });

  it('reports every bad field of a row at once, with its column and value', () => {
    const parsed = parse({
      typeCode: 'S',
      refYear: '19',
      period: '',
      partnerISO: 'XYZ',
      cmdCode: '77',
      fobvalue: '1,5',
      primaryValue: '',
    });
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.column, e.value, e.key])).toEqual([
      ['typeCode', 'S', 'trade.type_not_goods'],
      ['refYear', '19', 'trade.year_malformed'],
      ['partnerISO', 'XYZ', 'trade.country_unknown'],
      ['cmdCode', '77', 'trade.code_malformed'],
      ['fobvalue', '1,5', 'trade.number_malformed'],
    ]);
  });

  it('refuses a row without a value and a period that disagrees with its year and month', () => {
    const parsed = parse({ fobvalue: '', primaryValue: '', period: '201905' });
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.column, e.key, e.params])).toEqual([
      ['period', 'trade.period_mismatch', { expected: '201904' }],
      ['primaryValue', 'trade.value_missing', undefined],
    ]);
  });

  it("refuses a partner that is one of Comtrade's areas and no country, saying so", () => {
    const parsed = parse({ partnerCode: '490', partnerISO: 'S19' });
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.column, e.value, e.key])).toEqual([
      ['partnerISO', 'S19', 'trade.partner_area'],
    ]);
  });

  it('reads reporter and partner from their Comtrade numbers when the ISO columns are missing', () => {
    const header = HEADER.filter((h) => h !== 'reporterISO' && h !== 'partnerISO');
    const parse842 = parseCurrentComtradeRow(
      columns(header),
      fields({ ...BASE, partnerCode: '842' }, header),
      2,
      { asOf: '2020-07-01' },
    );
    expect(parse842.ok && [parse842.value.reporter, parse842.value.partner]).toEqual(['IRN', 'USA']);
  });
});
