import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './jcs.ts';

/** The reference implementation's answer, or that it refused the value. */
const reference = (value: unknown) => {
  try {
    return canonicalize(value);
  } catch {
    return 'refused';
  }
};
const ours = (value: unknown) => {
  try {
    return canonicalJson(value);
  } catch {
    return 'refused';
  }
};

/** The same value with every plain object's keys inserted in sorted order: the path of one JSON.stringify. */
const sortedCopy = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, sortedCopy(object[key])]),
  );
};

describe('canonical JSON (RFC 8785)', () => {
  it('writes exactly what the canonicalize package writes, for any JSON value', () => {
    const text = fc.string({ unit: 'binary' });
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double(),
        fc.integer(),
        text,
        fc.array(tie('value')),
        fc.dictionary(fc.oneof(text, fc.nat().map(String)), tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(value, (v) => {
        expect(ours(v)).toBe(reference(v));
        expect(ours(sortedCopy(v))).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys by UTF-16 code units, numeric keys as text, and escapes as JSON.stringify does', () => {
    const record = {
      nameFa: 'میلگرد آجدار «A3» قطر ۱۲\u200c',
      '10': 'ten',
      '9': 'nine',
      '\u{1F600}': 'astral',
      '\uFB01': 'ligature',
      quote: 'a "quoted" \\ back\\slash, \\ud800 written out',
      control: '\u0000\u0001\b\t\n\f\r\u001f\u007f\u2028',
      numbers: [0, -0, 1e21, 1e-7, 5e-324, 0.1 + 0.2, -1.5, 2 ** 53, 123456789012],
      nested: { b: [], a: {}, c: [null, true, false] },
      at: new Date(Date.UTC(2025, 5, 1, 8, 30)),
      gone: undefined,
      hole: [undefined],
    };
    expect(canonicalJson(record)).toBe(canonicalize(record));
    expect(canonicalJson(sortedCopy(record))).toBe(canonicalize(record));
    expect(canonicalJson(record)).toMatch(/^\{"10":"ten","9":"nine","at":"2025-06-01T08:30:00.000Z",/);
    expect(canonicalJson(record)).toContain('"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\u007f\u2028"');
  });

  it('refuses what has no canonical form: lone surrogates, NaN, infinities, BigInt', () => {
    for (const value of ['\ud800', { '\udc00': 1 }, [Number.NaN], { n: Number.POSITIVE_INFINITY }, 1n])
      expect(() => canonicalJson(value)).toThrow();
  });
});
