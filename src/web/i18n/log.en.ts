/** Strings of the log area in English; log.fa.ts has the same keys. */
export const log = {} as const;
