import type { TradeCell } from '../cell.ts';

/** A cell for a test: Iran's exports to the World of chapter 72 in Farvardin 1398, as customs released them. */
export const cellOf = (overrides: Partial<TradeCell>): TradeCell => ({
  source: 'customs',
  asOf: '2019-05-01',
  calendar: 'iranian',
  year: 1398,
  month: 1,
  frequency: 'monthly',
  reporter: 'IRN',
  flow: 'export',
  partner: 'W00',
  hsEdition: 'HS2017',
  code: '72',
  valueUsd: 0,
  basis: 'FOB',
  netWeightKg: null,
  quantity: null,
  unit: null,
  status: 'reported',
  ...overrides,
});
