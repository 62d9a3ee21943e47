import type { Flow, TradeCell } from './cell.ts';
import { type ComtradeLayout, type ComtradeOptions, readFigures } from './comtrade.ts';
import { parseMonth, parseYear } from './fields.ts';
import { type Columns, findColumns, RowReader } from './header.ts';
import type { Parsed } from './problems.ts';

/** The columns of the CSV files of Comtrade's former API and site (before 2023) that a trade cell needs. */
export const LEGACY_COLUMNS = {
  classification: ['Classification'],
  year: ['Year'],
  period: ['Period'],
  flowCode: ['Trade Flow Code'],
  reporterCode: ['Reporter Code'],
  reporterIso: ['Reporter ISO'],
  partnerCode: ['Partner Code'],
  partnerIso: ['Partner ISO'],
  partner2Code: ['2nd Partner Code'],
  partner2Iso: ['2nd Partner ISO'],
  customsCode: ['Customs Proc. Code'],
  transportCode: ['Mode of Transport Code'],
  commodityCode: ['Commodity Code'],
  qtyUnit: ['Qty Unit'],
  qty: ['Qty'],
  netWeight: ['Netweight (kg)'],
  value: ['Trade Value (US$)'],
  cifValue: ['CIF Trade Value (US$)'],
  fobValue: ['FOB Trade Value (US$)'],
} as const;
export type LegacyColumn = keyof typeof LEGACY_COLUMNS;

const FLOW_CODES: Readonly<Record<string, Flow>> = {
  '1': 'import',
  '2': 'export',
  '3': 're-export',
  '4': 're-import',
};

const LEGACY_LAYOUT: ComtradeLayout<LegacyColumn> = {
  flows: FLOW_CODES,
  flow: 'flowCode',
  reporterIso: 'reporterIso',
  reporterCode: 'reporterCode',
  partnerIso: 'partnerIso',
  partnerCode: 'partnerCode',
  breakdown: {
    customs: 'customsCode',
    transport: 'transportCode',
    partner2: 'partner2Code',
    partner2Iso: 'partner2Iso',
  },
  classification: 'classification',
  code: 'commodityCode',
  fob: 'fobValue',
  cif: 'cifValue',
  primary: 'value',
  netWeight: 'netWeight',
  qty: 'qty',
  qtyUnit: 'qtyUnit',
};

export const legacyComtradeColumns = (header: readonly string[]) =>
  findColumns(header, LEGACY_COLUMNS, [
    'classification',
    'period',
    'flowCode',
    'commodityCode',
    ['reporterIso', 'reporterCode'],
    ['partnerIso', 'partnerCode'],
    ['value', 'fobValue', 'cifValue'],
  ]);

/**
 * One row of an older Comtrade file as a trade cell. Its period is YYYY for a year or YYYYMM for a month;
 * its flows are numbered 1 import, 2 export, 3 re-export, 4 re-import; its World partner is WLD or 0.
 */
export function parseLegacyComtradeRow(
  columns: Columns<LegacyColumn>,
  fields: readonly string[],
  row: number,
  options: ComtradeOptions,
): Parsed<TradeCell> {
  const r = new RowReader(columns, fields, row);
  const period = r.text('period');
  const year = r.read('period', (text) => parseYear(text.slice(0, 4), 'gregorian'));
  const month = period.length === 6 ? r.read('period', (text) => parseMonth(text.slice(4))) : null;
  if (period.length !== 4 && period.length !== 6 && year !== null) r.fail('period', 'trade.period_malformed');
  if (year !== null && r.text('year') !== '' && r.text('year') !== String(year))
    r.fail('year', 'trade.period_mismatch', { expected: String(year) });
  const figures = readFigures(r, LEGACY_LAYOUT, options);
  if (r.errors.length > 0 || !figures || year === null) return { ok: false, errors: r.errors };
  return {
    ok: true,
    value: {
      source: 'comtrade',
      asOf: options.asOf,
      calendar: 'gregorian',
      year,
      month,
      frequency: month === null ? 'annual' : 'monthly',
      ...figures,
      // The old files mark estimated quantities and weights (Flag), never an estimated value.
      status: options.mirrored ? 'mirrored' : 'reported',
    },
  };
}
