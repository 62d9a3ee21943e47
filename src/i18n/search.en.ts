/** Strings of the search area in English; search.fa.ts has the same keys. */
export const search = {
  'search.band.high': 'Domestic value added 80 % or more',
  'search.band.upper': 'Domestic value added 50–80 %',
  'search.band.lower': 'Domestic value added 20–50 %',
  'search.band.low': 'Domestic value added under 20 %',
} as const;
