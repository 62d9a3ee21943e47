/** Strings of the opendata area in English; opendata.fa.ts has the same keys. */
export const opendata = {} as const;
