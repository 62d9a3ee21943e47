import { fromHex } from '../bytes.ts';
import vectors from './tlog-vectors.json' with { type: 'json' };

/** RFC 6962/9162 and Go sumdb/note test vectors (0-based indexes), copied from the shared data set. */
export { vectors };

export const hex = (value: string): Uint8Array => fromHex(value);
