import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, MalformedError, toHex, utf8 } from './bytes.ts';
import { decodeLeaf, encodeLeaf, type PublicLogEvent, recordHash } from './leaf.ts';
import { leafHash } from './merkle.ts';

const event: PublicLogEvent = {
  type: 'product.registered',
  subject: {
    kind: 'product',
    id: '0b4a8f6e-3c1d-4e2f-9a7b-5c6d7e8f9a0b',
    registrationNumber: 'IRM-P-000123',
  },
  seq: 1,
  prevLeafHash: null,
  recordHash: 'a'.repeat(64),
  actorRole: 'registrar',
  reason: null,
  time: '2026-11-26T10:00:00.000Z',
};

const CANONICAL =
  '{"actorRole":"registrar","prevLeafHash":null,"reason":null,"recordHash":"' +
  'a'.repeat(64) +
  '","seq":1,"subject":{"id":"0b4a8f6e-3c1d-4e2f-9a7b-5c6d7e8f9a0b","kind":"product",' +
  '"registrationNumber":"IRM-P-000123"},"time":"2026-11-26T10:00:00.000Z","type":"product.registered"}';

const leafOf = (json: string): Uint8Array => concatBytes(Uint8Array.of(0x01), utf8(json));

describe('leaf encoding', () => {
  it('is the version byte 0x01 followed by the JCS JSON of the event', () => {
    expect(encodeLeaf(event)).toEqual(leafOf(CANONICAL));
  });

  it('keeps producing the frozen leaf hash for the reference event', () => {
    expect(toHex(leafHash(encodeLeaf(event)))).toBe(
      '33f26422075f4e8cdd9de4d7cca4a8f539ef6e01d8671d46a27c44a9eefa2196',
    );
  });

  it('round trips every valid event, whatever the text in it', () => {
    const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
    const text = fc.string({ unit: 'binary' });
    const eventArbitrary: fc.Arbitrary<PublicLogEvent> = fc.record({
      type: fc.string({ unit: 'binary', minLength: 1 }),
      subject: fc.record({
        kind: fc.constantFrom('producer' as const, 'product' as const),
        id: fc.string({ unit: 'binary', minLength: 1 }),
        registrationNumber: fc.option(fc.string({ unit: 'binary', minLength: 1 }), { nil: null }),
      }),
      seq: fc.nat(),
      prevLeafHash: fc.option(hex64, { nil: null }),
      recordHash: hex64,
      actorRole: fc.string({ unit: 'binary', minLength: 1 }),
      reason: fc.option(text, { nil: null }),
      time: fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString()),
    });
    fc.assert(
      fc.property(eventArbitrary, (generated) => {
        expect(decodeLeaf(encodeLeaf(generated))).toEqual(generated);
      }),
    );
  });

  it('refuses to encode an event with unknown or missing fields', () => {
    expect(() => encodeLeaf({ ...event, extra: 1 } as PublicLogEvent)).toThrow(MalformedError);
    const { reason: _, ...withoutReason } = event;
    expect(() => encodeLeaf(withoutReason as PublicLogEvent)).toThrow(MalformedError);
  });
});

describe('leaf decoding', () => {
  it('refuses JSON that is equivalent but not canonical', () => {
    const reordered = JSON.stringify(event);
    expect(JSON.parse(reordered)).toEqual(event);
    const equivalents = [
      reordered,
      CANONICAL.replace('"seq":1', '"seq": 1'),
      `${CANONICAL}\n`,
      `\ufeff${CANONICAL}`,
      CANONICAL.replace('"seq":1', '"seq":1.0'),
      CANONICAL.replace('registrar', 'r\\u0065gistrar'),
      CANONICAL.replace('"seq":1', '"seq":1,"seq":1'),
    ];
    for (const json of equivalents) expect(() => decodeLeaf(leafOf(json)), json).toThrow(MalformedError);
  });

  it('refuses other version bytes, empty input and invalid UTF-8', () => {
    expect(() => decodeLeaf(concatBytes(Uint8Array.of(0x02), utf8(CANONICAL)))).toThrow(MalformedError);
    expect(() => decodeLeaf(utf8(CANONICAL))).toThrow(MalformedError);
    expect(() => decodeLeaf(new Uint8Array())).toThrow(MalformedError);
    expect(() => decodeLeaf(Uint8Array.of(0x01, 0xff))).toThrow(MalformedError);
  });

  it('refuses fields of the wrong type or shape', () => {
    const invalid: unknown[] = [
      { ...event, seq: -1 },
      { ...event, seq: 1.5 },
      { ...event, seq: '1' },
      { ...event, type: '' },
      { ...event, prevLeafHash: 'A'.repeat(64) },
      { ...event, recordHash: 'a'.repeat(63) },
      { ...event, reason: 7 },
      { ...event, time: '2026-11-26T10:00:00Z' },
      { ...event, time: '2026-11-26T10:00:00.000+00:00' },
      { ...event, time: '2026-02-30T10:00:00.000Z' },
      { ...event, subject: { ...event.subject, kind: 'person' } },
      { ...event, subject: { ...event.subject, registrationNumber: 123 } },
      { ...event, subject: { id: 'x', kind: 'product' } },
      { ...event, subject: null },
      [event],
    ];
    for (const value of invalid) {
      expect(() => decodeLeaf(leafOf(JSON.stringify(value))), JSON.stringify(value)).toThrow(MalformedError);
    }
  });
});

describe('record hash', () => {
  it('is the hex SHA-256 of the JCS JSON, whatever the key order', () => {
    const expected = createHash('sha256').update('{"a":[1,"x"],"b":{"c":null,"d":true}}').digest('hex');
    expect(recordHash({ b: { d: true, c: null }, a: [1, 'x'] })).toBe(expected);
    expect(recordHash({ a: [1, 'x'], b: { c: null, d: true } })).toBe(expected);
  });

  it('refuses values without a JSON form', () => {
    expect(() => recordHash(undefined)).toThrow(MalformedError);
    expect(() => recordHash({ n: Number.NaN })).toThrow();
  });
});
