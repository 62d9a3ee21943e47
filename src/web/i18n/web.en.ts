/** Strings of the web area in English; web.fa.ts has the same keys. */
export const web = {} as const;
