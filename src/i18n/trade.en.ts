import type { TradeMessageKey } from '../domain/trade/problems.ts';

/** Strings of the exports monitor in English; trade.fa.ts has the same keys. */
export const trade = {
  'trade.column_missing': 'The file has no column “{column}”.',
  'trade.column_repeated': 'The column “{column}” appears twice.',
  'trade.number_malformed':
    'Not a number: write digits, with a comma or ٬ between groups of three if you like.',
  'trade.number_negative': 'A value, weight or quantity cannot be below zero.',
  'trade.year_malformed': 'Not a year: write four digits.',
  'trade.month_malformed': 'Not a month: write 1 to 12.',
  'trade.period_malformed': 'Not a period: write the year (YYYY) or the year and month (YYYYMM).',
  'trade.period_mismatch': 'The period does not agree with the year and month of the row ({expected}).',
  'trade.frequency_unknown': 'Not a frequency: write A for a year or M for a month.',
  'trade.type_not_goods': 'The row is trade in services; only trade in goods is imported.',
  'trade.flow_unknown': 'Not a trade flow: write one of {accepted}.',
  'trade.country_unknown': 'No country has this code or name.',
  'trade.partner_area':
    'A Comtrade area that is no country (areas not elsewhere specified, bunkers, free zones): its trade counts in the World row only.',
  'trade.code_malformed': 'Not an HS code: write 2, 4, 6 or 8 digits of a chapter from 01 to 97.',
  'trade.edition_unknown': 'Not an HS edition: write H0 to H6 (HS 1992 to HS 2022).',
  'trade.value_missing': 'The row has no value in US dollars.',
  'trade.breakdown_customs':
    'The row is one customs procedure, not all of them (C00): import the file as a breakdown if it is one.',
  'trade.breakdown_transport':
    'The row is one mode of transport, not all of them (0): import the file as a breakdown if it is one.',
  'trade.breakdown_partner2':
    'The row is one second partner, not all of them (0): import the file as a breakdown if it is one.',
} satisfies Record<TradeMessageKey, string>;
