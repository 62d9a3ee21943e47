/** The trade cell: one figure of the trade statistics, as every source's rows become it. */

export const FLOWS = ['export', 'import', 're-export', 're-import'] as const;
export type Flow = (typeof FLOWS)[number];

export type Calendar = 'iranian' | 'gregorian';
export type Frequency = 'annual' | 'monthly';
/** FOB: goods valued at the exporter's border; CIF: at the importer's, with freight and insurance. */
export type Basis = 'FOB' | 'CIF';
/** Reported by the reporter itself, estimated by the publisher, or mirrored from the partners' reports. */
export type FigureStatus = 'estimated' | 'reported' | 'mirrored';
export type TradeSource = 'comtrade' | 'customs';

/** The partner that stands for all partners: a World row is the total over them, never one of them. */
export const WORLD = 'W00';
/** The code that stands for all goods: Comtrade's name for the total over every chapter. */
export const ALL_CODES = 'TOTAL';

/** HS editions by the year of their nomenclature, and Comtrade's name for each (H0 … H6). */
export const HS_EDITIONS = {
  H0: 'HS1992',
  H1: 'HS1996',
  H2: 'HS2002',
  H3: 'HS2007',
  H4: 'HS2012',
  H5: 'HS2017',
  H6: 'HS2022',
} as const;
export type HsEdition = (typeof HS_EDITIONS)[keyof typeof HS_EDITIONS];

/** How a row of a breakdown file divides its figure further than partner and code. */
export interface Breakdown {
  /** Comtrade's customs procedure code; C00 is all procedures. */
  customsProcedure: string;
  /** Comtrade's mode of transport code; 0 is all modes. */
  transportMode: string;
  /** The second partner (country of consignment) as ISO alpha-3, or W00 for all. */
  secondPartner: string;
}

export interface TradeCell {
  source: TradeSource;
  /** The date the source published this release of the figure, YYYY-MM-DD. */
  asOf: string;
  calendar: Calendar;
  year: number;
  /** 1–12, or null for a figure of the whole year. */
  month: number | null;
  frequency: Frequency;
  /** ISO alpha-3 of the country whose trade this is. */
  reporter: string;
  flow: Flow;
  /** ISO alpha-3, or W00 for the World total. */
  partner: string;
  hsEdition: HsEdition;
  /** 2, 4, 6 or 8 digits as text (leading zeros kept), or TOTAL. */
  code: string;
  valueUsd: number;
  basis: Basis;
  netWeightKg: number | null;
  quantity: number | null;
  unit: string | null;
  status: FigureStatus;
  /** Only on the rows of a file imported as a breakdown on purpose. */
  breakdown?: Breakdown;
}

/**
 * What makes two figures the same cell: everything but the release (asOf), the figures themselves and
 * whether they were estimated. A mirrored figure is another measurement, not a later release of a reported one.
 */
export function cellKey(cell: TradeCell): string {
  const b = cell.breakdown;
  return [
    cell.source,
    cell.reporter,
    cell.flow,
    cell.calendar,
    cell.year,
    cell.month ?? 'year',
    cell.partner,
    cell.hsEdition,
    cell.code,
    cell.basis,
    cell.status === 'mirrored' ? 'mirror' : 'own',
    b ? `${b.customsProcedure}/${b.transportMode}/${b.secondPartner}` : '',
  ].join('|');
}

/** The basis a flow's value is usually stated on: exports at the border they leave, imports where they arrive. */
export const basisOf = (flow: Flow): Basis => (flow === 'export' || flow === 're-export' ? 'FOB' : 'CIF');
