/** What can be wrong with a row of a trade file: each has a message `trade.<problem>` in the catalogs. */
export const TRADE_PROBLEMS = [
  'column_missing',
  'column_repeated',
  'number_malformed',
  'number_negative',
  'year_malformed',
  'month_malformed',
  'period_malformed',
  'period_mismatch',
  'frequency_unknown',
  'type_not_goods',
  'flow_unknown',
  'country_unknown',
  'partner_area',
  'code_malformed',
  'edition_unknown',
  'value_missing',
  'breakdown_customs',
  'breakdown_transport',
  'breakdown_partner2',
] as const;
export type TradeProblem = (typeof TRADE_PROBLEMS)[number];
export type TradeMessageKey = `trade.${TradeProblem}`;

/** One thing wrong in a file: its line (the header is line 1), the column as the file names it, and what it held. */
export interface FieldError {
  row: number;
  column: string;
  value: string;
  key: TradeMessageKey;
  params?: Record<string, string | number>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
