import {
  type Breakdown,
  basisOf,
  type Flow,
  HS_EDITIONS,
  type HsEdition,
  type TradeCell,
  WORLD,
} from './cell.ts';
import { countryByCode } from './countries.ts';
import { type Field, parseAmount, parseHsCode, parseMonth, parseYear } from './fields.ts';
import { type Columns, findColumns, RowReader } from './header.ts';
import type { Parsed } from './problems.ts';

/** How a Comtrade file is read: its release date, and what the file is meant to hold. */
export interface ComtradeOptions {
  /** The date the figures were published or downloaded, YYYY-MM-DD. */
  asOf: string;
  /** The file breaks figures down by customs procedure, transport mode or second partner on purpose. */
  breakdown?: boolean;
  /** The file holds partners' reports standing in for the reporter's own (mirror data). */
  mirrored?: boolean;
}

// Comtrade's own numbers for a few reporters that differ from M49, each a country with territories it
// reports for (the United States with Puerto Rico, France with Monaco, …).
const COMTRADE_NUMBERS: Readonly<Record<string, string>> = {
  '842': 'USA',
  '251': 'FRA',
  '699': 'IND',
  '757': 'CHE',
  '579': 'NOR',
};

/**
 * A Comtrade area, by ISO code (W00 or WLD for the World) or by Comtrade number (0 for the World).
 * Comtrade's own areas that are no country («Areas, nes», bunkers, free zones) have ISO codes with a
 * digit or an underscore (S19, _X): they are refused as such, their trade being in the World row.
 */
export function comtradeArea(iso: string, code: string): Field<string> {
  const upper = iso.toUpperCase();
  if (upper === WORLD || upper === 'WLD') return { value: WORLD };
  if (/[\d_]/.test(upper)) return { error: 'trade.partner_area' };
  if (upper !== '') {
    const country = countryByCode(upper);
    return country && upper.length === 3 ? { value: country.alpha3 } : { error: 'trade.country_unknown' };
  }
  if (/^0+$/.test(code)) return { value: WORLD };
  const alpha3 = COMTRADE_NUMBERS[code] ?? (/^\d{1,3}$/.test(code) ? countryByCode(code)?.alpha3 : undefined);
  return alpha3 ? { value: alpha3 } : { error: 'trade.country_unknown' };
}

/** Comtrade's classification code (H0 … H6) as an HS edition; HS «as reported» names no edition. */
export function hsEditionOf(classification: string): Field<HsEdition> {
  const edition = HS_EDITIONS[classification.toUpperCase() as keyof typeof HS_EDITIONS];
  return edition ? { value: edition } : { error: 'trade.edition_unknown' };
}

/** The value of a row: on the basis customary for its flow, else the other basis the file gives. */
export function rowValue(
  flow: Flow,
  fob: number | null,
  cif: number | null,
  primary: number | null,
): { valueUsd: number; basis: 'FOB' | 'CIF' } | null {
  const basis = basisOf(flow);
  const customary = (basis === 'FOB' ? fob : cif) ?? primary;
  if (customary !== null) return { valueUsd: customary, basis };
  const other = basis === 'FOB' ? cif : fob;
  return other === null ? null : { valueUsd: other, basis: basis === 'FOB' ? 'CIF' : 'FOB' };
}

/** A unit of quantity, or null where Comtrade says there is none. */
export const quantityUnit = (unit: string): string | null =>
  unit === '' || /^(n\/a|-1|no quantity)$/i.test(unit) ? null : unit;

export const CURRENT_COLUMNS = {
  typeCode: ['typeCode'],
  freqCode: ['freqCode'],
  refYear: ['refYear'],
  refMonth: ['refMonth'],
  period: ['period'],
  reporterCode: ['reporterCode'],
  reporterISO: ['reporterISO'],
  flowCode: ['flowCode'],
  partnerCode: ['partnerCode'],
  partnerISO: ['partnerISO'],
  partner2Code: ['partner2Code'],
  partner2ISO: ['partner2ISO'],
  classificationCode: ['classificationCode'],
  cmdCode: ['cmdCode'],
  customsCode: ['customsCode'],
  motCode: ['motCode'],
  qtyUnitAbbr: ['qtyUnitAbbr'],
  qty: ['qty'],
  netWgt: ['netWgt'],
  cifvalue: ['cifvalue'],
  fobvalue: ['fobvalue'],
  primaryValue: ['primaryValue'],
  isReported: ['isReported'],
} as const;
export type CurrentColumn = keyof typeof CURRENT_COLUMNS;

const FLOW_CODES: Readonly<Record<string, Flow>> = {
  X: 'export',
  M: 'import',
  RX: 're-export',
  RM: 're-import',
};

/** The columns of a Comtrade file of today's API and bulk downloads, or what is missing from its header. */
export const currentComtradeColumns = (header: readonly string[]) =>
  findColumns(header, CURRENT_COLUMNS, [
    'freqCode',
    'refYear',
    'flowCode',
    'classificationCode',
    'cmdCode',
    ['reporterISO', 'reporterCode'],
    ['partnerISO', 'partnerCode'],
    ['primaryValue', 'fobvalue', 'cifvalue'],
  ]);

/** The breakdown a row carries beyond partner and code, or the errors of a row that may not carry one. */
export function readBreakdown<K extends string>(
  r: RowReader<K>,
  columns: { customs: K; transport: K; partner2: K; partner2Iso?: K },
  allowed: boolean,
): Breakdown | undefined {
  const customsProcedure = r.text(columns.customs).toUpperCase() || 'C00';
  const transportMode = r.text(columns.transport).replace(/^0+(?=\d)/, '') || '0';
  const secondPartner = r.read(columns.partner2, (code) =>
    comtradeArea(columns.partner2Iso ? r.text(columns.partner2Iso) : '', code || '0'),
  );
  if (allowed) return secondPartner === null ? undefined : { customsProcedure, transportMode, secondPartner };
  if (customsProcedure !== 'C00') r.fail(columns.customs, 'trade.breakdown_customs');
  if (transportMode !== '0') r.fail(columns.transport, 'trade.breakdown_transport');
  if (secondPartner !== null && secondPartner !== WORLD) r.fail(columns.partner2, 'trade.breakdown_partner2');
  return undefined;
}

/** Where a Comtrade format keeps each figure of a cell beyond its period, and how it numbers flows. */
export interface ComtradeLayout<K extends string> {
  flows: Readonly<Record<string, Flow>>;
  flow: K;
  reporterIso: K;
  reporterCode: K;
  partnerIso: K;
  partnerCode: K;
  breakdown: { customs: K; transport: K; partner2: K; partner2Iso: K };
  classification: K;
  code: K;
  fob: K;
  cif: K;
  primary: K;
  netWeight: K;
  qty: K;
  qtyUnit: K;
}

const CURRENT_LAYOUT: ComtradeLayout<CurrentColumn> = {
  flows: FLOW_CODES,
  flow: 'flowCode',
  reporterIso: 'reporterISO',
  reporterCode: 'reporterCode',
  partnerIso: 'partnerISO',
  partnerCode: 'partnerCode',
  breakdown: {
    customs: 'customsCode',
    transport: 'motCode',
    partner2: 'partner2Code',
    partner2Iso: 'partner2ISO',
  },
  classification: 'classificationCode',
  code: 'cmdCode',
  fob: 'fobvalue',
  cif: 'cifvalue',
  primary: 'primaryValue',
  netWeight: 'netWgt',
  qty: 'qty',
  qtyUnit: 'qtyUnitAbbr',
};

/**
 * What every Comtrade format gives alike: reporter, flow, partner, breakdown, HS edition and code, value
 * and its basis, weight and quantity; null when one is missing (the reader holds the errors).
 */
export function readFigures<K extends string>(
  r: RowReader<K>,
  at: ComtradeLayout<K>,
  options: ComtradeOptions,
) {
  const reporterColumn = r.has(at.reporterIso) ? at.reporterIso : at.reporterCode;
  const reporter = r.read(reporterColumn, () =>
    comtradeArea(r.text(at.reporterIso), r.text(at.reporterCode)),
  );
  if (reporter === WORLD) r.fail(reporterColumn, 'trade.country_unknown');
  const flow = at.flows[r.text(at.flow).toUpperCase()];
  if (!flow) r.fail(at.flow, 'trade.flow_unknown', { accepted: Object.keys(at.flows).join(', ') });
  const partner = r.read(r.has(at.partnerIso) ? at.partnerIso : at.partnerCode, () =>
    comtradeArea(r.text(at.partnerIso), r.text(at.partnerCode)),
  );
  const breakdown = readBreakdown(r, at.breakdown, options.breakdown === true);
  const hsEdition = r.read(at.classification, hsEditionOf);
  const code = r.read(at.code, parseHsCode);
  const errorsBefore = r.errors.length;
  const [fob = null, cif = null, primary = null] = [at.fob, at.cif, at.primary].map((key) =>
    r.read(key, parseAmount),
  );
  const value = flow ? rowValue(flow, fob, cif, primary) : null;
  if (flow && !value && r.errors.length === errorsBefore) r.fail(at.primary, 'trade.value_missing');
  const netWeightKg = r.read(at.netWeight, parseAmount);
  const quantity = r.read(at.qty, parseAmount);
  const unit = quantityUnit(r.text(at.qtyUnit));
  if (!flow || !value || reporter === null || partner === null || hsEdition === null || code === null)
    return null;
  return {
    reporter,
    flow,
    partner,
    hsEdition,
    code,
    ...value,
    netWeightKg,
    quantity: unit === null ? null : quantity,
    unit,
    ...(breakdown && { breakdown }),
  };
}

/**
 * One row of a Comtrade file (columns typeCode … isReported) as a trade cell. Rows broken down by
 * customs procedure, transport mode or second partner are refused unless the file is a breakdown.
 */
export function parseCurrentComtradeRow(
  columns: Columns<CurrentColumn>,
  fields: readonly string[],
  row: number,
  options: ComtradeOptions,
): Parsed<TradeCell> {
  const r = new RowReader(columns, fields, row);
  if (r.has('typeCode') && !/^c?$/i.test(r.text('typeCode'))) r.fail('typeCode', 'trade.type_not_goods');
  const freq = r.text('freqCode').toUpperCase();
  if (freq !== 'A' && freq !== 'M') r.fail('freqCode', 'trade.frequency_unknown');
  const year = r.read('refYear', (text) => parseYear(text, 'gregorian'));
  const month = freq === 'M' ? r.read('refMonth', parseMonth) : null;
  if (r.has('period') && year !== null && (freq !== 'M' || month !== null)) {
    const expected = freq === 'M' ? `${year}${String(month).padStart(2, '0')}` : String(year);
    if (r.text('period') !== '' && r.text('period') !== expected)
      r.fail('period', 'trade.period_mismatch', { expected });
  }
  const figures = readFigures(r, CURRENT_LAYOUT, options);
  if (r.errors.length > 0 || !figures || year === null) return { ok: false, errors: r.errors };
  return {
    ok: true,
    value: {
      source: 'comtrade',
      asOf: options.asOf,
      calendar: 'gregorian',
      year,
      month,
      frequency: freq === 'M' ? 'monthly' : 'annual',
      ...figures,
      status: options.mirrored
        ? 'mirrored'
        : /^(false|0)$/i.test(r.text('isReported'))
          ? 'estimated'
          : 'reported',
    },
  };
}
