import { describe, expect, it } from 'vitest';
import { legacyComtradeColumns, parseLegacyComtradeRow } from './comtrade-legacy.ts';

const HEADER = [
  'Classification',
  'Year',
  'Period',
  'Period Desc.',
  'Aggregate Level',
  'Is Leaf Code',
  'Trade Flow Code',
  'Trade Flow',
  'Reporter Code',
  'Reporter',
  'Reporter ISO',
  'Partner Code',
  'Partner',
  'Partner ISO',
  '2nd Partner Code',
  '2nd Partner',
  '2nd Partner ISO',
  'Customs Proc. Code',
  'Customs',
  'Mode of Transport Code',
  'Mode of Transport',
  'Commodity Code',
  'Commodity',
  'Qty Unit Code',
  'Qty Unit',
  'Qty',
  'Alt Qty Unit Code',
  'Alt Qty Unit',
  'Alt Qty',
  'Netweight (kg)',
  'Gross weight (kg)',
  'Trade Value (US$)',
  'CIF Trade Value (US$)',
  'FOB Trade Value (US$)',
  'Flag',
];
type Row = Partial<Record<string, string>>;
const BASE: Row = {
  Classification: 'H4',
  Year: '2017',
  Period: '2017',
  'Aggregate Level': '4',
  'Is Leaf Code': '0',
  'Trade Flow Code': '2',
  'Reporter Code': '364',
  'Reporter ISO': 'IRN',
  'Partner Code': '0',
  'Partner ISO': 'WLD',
  'Commodity Code': '7207',
  'Qty Unit Code': '8',
  'Qty Unit': 'Weight in kilograms',
  Qty: '4000000000',
  'Netweight (kg)': '4000000000',
  'Trade Value (US$)': '1800000000',
  Flag: '0',
};

function parse(row: Row) {
  const found = legacyComtradeColumns(HEADER);
  if (!found.ok) throw new Error(JSON.stringify(found.errors));
  return parseLegacyComtradeRow(
    found.columns,
    HEADER.map((h) => ({ ...BASE, ...row })[h] ?? ''),
    7,
    { asOf: '2018-09-30' },
  );
}

describe("Comtrade's older CSV", () => {
  it('gives an annual export cell to the World, WLD being the World partner', () => {
    expect(parse({})).toEqual({
      ok: true,
      value: {
        source: 'comtrade',
        asOf: '2018-09-30',
        calendar: 'gregorian',
        year: 2017,
        month: null,
        frequency: 'annual',
        reporter: 'IRN',
        flow: 'export',
        partner: 'W00',
        hsEdition: 'HS2012',
        code: '7207',
        valueUsd: 1_800_000_000,
        basis: 'FOB',
        netWeightKg: 4_000_000_000,
        quantity: 4_000_000_000,
        unit: 'Weight in kilograms',
        status: 'reported',
      },
    });
  });

  it('numbers its flows 1 import, 2 export, 3 re-export, 4 re-import', () => {
    const flows = ['1', '2', '3', '4', '5'].map((code) => {
      const parsed = parse({ 'Trade Flow Code': code });
      return parsed.ok ? [parsed.value.flow, parsed.value.basis] : parsed.errors[0]?.key;
    });
    expect(flows).toEqual([
      ['import', 'CIF'],
      ['export', 'FOB'],
      ['re-export', 'FOB'],
      ['re-import', 'CIF'],
      'trade.flow_unknown',
    ]);
  });

  it('reads a month from a period of six digits', () => {
    const parsed = parse({ Period: '201711' });
    expect(parsed.ok && [parsed.value.frequency, parsed.value.year, parsed.value.month]).toEqual([
      'monthly',
      2017,
      11,
    ]);
  });

  it('has no quantity where its unit says there is none', () => {
    const parsed = parse({ 'Qty Unit Code': '1', 'Qty Unit': 'No Quantity', Qty: '0' });
    expect(parsed.ok && [parsed.value.quantity, parsed.value.unit]).toEqual([null, null]);
  });

  it('refuses a period that is neither a year nor a month, or another year than its Year column', () => {
    const wrong = (row: Row) => {
      const parsed = parse(row);
      return parsed.ok ? [] : parsed.errors.map((e) => [e.row, e.column, e.key]);
    };
    expect(wrong({ Period: '20171' })).toEqual([[7, 'Period', 'trade.period_malformed']]);
    expect(wrong({ Year: '2016' })).toEqual([[7, 'Year', 'trade.period_mismatch']]);
    expect(wrong({ Classification: 'HS' })).toEqual([[7, 'Classification', 'trade.edition_unknown']]);
    expect(wrong({ 'Mode of Transport Code': '1000' })).toEqual([
      [7, 'Mode of Transport Code', 'trade.breakdown_transport'],
    ]);
  });
});
