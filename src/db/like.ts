/** A LIKE pattern matching any text that contains `text` as written: its own % _ and \ match themselves. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
