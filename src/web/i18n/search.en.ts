/** Strings of the search area in English; search.fa.ts has the same keys. */
export const search = {} as const;
