import { hash } from 'node:crypto';
import { bytesEqual, concatBytes, isWellFormed, MalformedError, utf8 } from './bytes.ts';
import { canonicalJson } from './jcs.ts';

/**
 * The registry's leaf format, frozen: leaves already in the log must keep decoding, so any change
 * needs a new version byte. Leaf bytes = 0x01 ‖ RFC 8785 (JCS) JSON of a PublicLogEvent, in UTF-8.
 */

export const LEAF_VERSION = 0x01;

export interface PublicLogEvent {
  type: string;
  subject: {
    kind: 'producer' | 'product';
    id: string;
    registrationNumber: string | null;
  };
  seq: number;
  /** Lowercase hex of the leaf hash of this subject's previous event; null for its first. */
  prevLeafHash: string | null;
  /** Lowercase hex SHA-256 of the JCS JSON of the full event record. */
  recordHash: string;
  actorRole: string;
  reason: string | null;
  /** RFC 3339 UTC with milliseconds, as produced by Date.prototype.toISOString. */
  time: string;
}

const EVENT_KEYS = ['actorRole', 'prevLeafHash', 'reason', 'recordHash', 'seq', 'subject', 'time', 'type'];
const SUBJECT_KEYS = ['id', 'kind', 'registrationNumber'];
const SHA256_HEX = /^[0-9a-f]{64}$/;
const UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeLeaf(event: PublicLogEvent): Uint8Array {
  const problem = eventProblem(event);
  if (problem !== null) throw new MalformedError(`invalid public log event: ${problem}`);
  return concatBytes(Uint8Array.of(LEAF_VERSION), utf8(jcs(event)));
}

/** Strict inverse of encodeLeaf: any other byte string, even equivalent JSON, is refused. */
export function decodeLeaf(bytes: Uint8Array): PublicLogEvent {
  if (bytes[0] !== LEAF_VERSION) throw new MalformedError(`unknown leaf version ${bytes[0]}`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(1)));
  } catch {
    throw new MalformedError('leaf is not UTF-8 JSON');
  }
  const problem = eventProblem(value);
  if (problem !== null) throw new MalformedError(`invalid public log event: ${problem}`);
  if (!bytesEqual(utf8(jcs(value)), bytes.subarray(1))) {
    throw new MalformedError('leaf JSON is not canonical');
  }
  return value as PublicLogEvent;
}

/** Lowercase hex SHA-256 of the JCS JSON of any JSON-compatible record. */
export function recordHash(record: unknown): string {
  // Canonical JSON holds no lone surrogate, so Node's own UTF-8 encoding of it is exact.
  return hash('sha256', jcs(record), 'hex');
}

function jcs(value: unknown): string {
  const json = canonicalJson(value);
  if (json === undefined) throw new MalformedError('value has no JSON representation');
  return json;
}

function eventProblem(value: unknown): string | null {
  if (!isRecord(value) || !hasExactly(value, EVENT_KEYS))
    return `fields must be exactly ${EVENT_KEYS.join(', ')}`;
  const { subject } = value;
  if (!isRecord(subject) || !hasExactly(subject, SUBJECT_KEYS)) {
    return `subject fields must be exactly ${SUBJECT_KEYS.join(', ')}`;
  }
  if (subject.kind !== 'producer' && subject.kind !== 'product')
    return 'subject.kind must be producer or product';
  if (!isNonEmptyText(subject.id)) return 'subject.id must be a non-empty string';
  if (subject.registrationNumber !== null && !isNonEmptyText(subject.registrationNumber)) {
    return 'subject.registrationNumber must be a non-empty string or null';
  }
  if (!isNonEmptyText(value.type)) return 'type must be a non-empty string';
  if (!Number.isSafeInteger(value.seq) || (value.seq as number) < 0)
    return 'seq must be a non-negative integer';
  if (value.prevLeafHash !== null && !isSha256Hex(value.prevLeafHash)) {
    return 'prevLeafHash must be 64 lowercase hex digits or null';
  }
  if (!isSha256Hex(value.recordHash)) return 'recordHash must be 64 lowercase hex digits';
  if (!isNonEmptyText(value.actorRole)) return 'actorRole must be a non-empty string';
  if (value.reason !== null && !isText(value.reason)) return 'reason must be a string or null';
  if (!isUtcMillis(value.time)) return 'time must be RFC 3339 UTC with milliseconds';
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const actual = Object.keys(value).sort();
  return actual.length === keys.length && actual.every((key, i) => key === keys[i]);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && isWellFormed(value);
}

function isNonEmptyText(value: unknown): value is string {
  return isText(value) && value !== '';
}

function isSha256Hex(value: unknown): boolean {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

function isUtcMillis(value: unknown): boolean {
  if (typeof value !== 'string' || !UTC_MILLIS.test(value)) return false;
  const date = new Date(value);
  // Rejects impossible dates such as 2026-02-30, which Date would roll over.
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}
