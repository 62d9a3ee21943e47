import { isWellFormed } from './bytes.ts';

/**
 * RFC 8785 (JCS) canonical JSON: object keys sorted by UTF-16 code units, no whitespace, strings and
 * numbers written as ECMAScript's JSON.stringify writes them. Byte-identical to the `canonicalize`
 * package on JSON values, and faster on the registry's records: a value whose objects already hold
 * their keys in canonical order (the ledger builds its records so) is written by one JSON.stringify,
 * and any other with the engine's own `isWellFormed` checking each string. Keeps no set of visited
 * objects: a cycle overflows the stack instead of being named. Returns undefined for a value JSON
 * cannot write (undefined, a function), as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (inCanonicalOrder(value)) {
    const json: string | undefined = JSON.stringify(value);
    // JSON.stringify writes a lone surrogate as an escape; the general path refuses it.
    if (json === undefined || !json.includes('\\ud')) return json;
  }
  return canonicalJsonOf(value);
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Whether JSON.stringify writes this value canonically: every object plain, its keys in ascending
 * order and none an array index (which objects keep first, in numeric order), no toJSON to call,
 * every number finite (JSON.stringify writes NaN as null; JCS refuses it).
 */
function inCanonicalOrder(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return typeof value !== 'bigint';
  if (Array.isArray(value)) return value.every(inCanonicalOrder);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  let previous: string | undefined;
  for (const key in value) {
    if ((previous !== undefined && previous >= key) || ARRAY_INDEX.test(key)) return false;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}

function canonicalJsonOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} is not allowed in JSON`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
        return canonicalJsonOf((value as { toJSON: () => unknown }).toJSON());
      return Array.isArray(value) ? jsonArray(value) : jsonObject(value as Record<string, unknown>);
    case 'bigint':
      throw new TypeError('a BigInt has no JSON representation');
    default:
      return undefined;
  }
}

function jsonArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) out += `${i ? ',' : ''}${canonicalJsonOf(items[i]) ?? 'null'}`;
  return `${out}]`;
}

function jsonObject(object: Record<string, unknown>): string {
  let out = '{';
  // The default sort compares UTF-16 code units, the order JCS asks for.
  for (const key of Object.keys(object).sort()) {
    const json = canonicalJsonOf(object[key]);
    if (json === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${jsonString(key)}:${json}`;
  }
  return `${out}}`;
}

/** JSON.stringify escapes a lone surrogate, which I-JSON (and so JCS) does not allow at all. */
function jsonString(text: string): string {
  if (!isWellFormed(text)) throw new Error('a lone surrogate is not allowed in JSON');
  return JSON.stringify(text);
}
