const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const LOWER_HEX = /^(?:[0-9a-f]{2})*$/;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  if (!LOWER_HEX.test(hex)) throw new MalformedError('not lowercase hex');
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Standard padded base64 only: Node's own decoder silently skips invalid characters. */
export function fromBase64(text: string): Uint8Array {
  if (!STRICT_BASE64.test(text)) throw new MalformedError('not standard base64');
  const bytes = new Uint8Array(Buffer.from(text, 'base64'));
  // Rejects non-zero padding bits, so every byte string has exactly one accepted encoding.
  if (toBase64(bytes) !== text) throw new MalformedError('non-canonical base64');
  return bytes;
}

/** False when the string holds a lone UTF-16 surrogate, which has no UTF-8 encoding. */
export function isWellFormed(text: string): boolean {
  // Native since Node 20 (ES2024); the ES2022 library this project compiles against does not declare it.
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** UTF-8 bytes; refuses lone surrogates, which TextEncoder would silently turn into U+FFFD. */
export function utf8(text: string): Uint8Array {
  if (!isWellFormed(text)) throw new MalformedError('lone UTF-16 surrogate');
  return new TextEncoder().encode(text);
}

/** ASCII decimal without sign or leading zeros (unless 0), as tlog sizes and indexes are written. */
export function parseDecimal(text: string): number {
  const value = Number(text);
  if (!DECIMAL.test(text) || !Number.isSafeInteger(value)) {
    throw new MalformedError(`not a decimal count without leading zeros: ${JSON.stringify(text)}`);
  }
  return value;
}

/** Thrown by parsers when the input does not follow the format. */
export class MalformedError extends Error {
  override name = 'MalformedError';
}
