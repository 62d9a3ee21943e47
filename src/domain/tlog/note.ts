import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import {
  bytesEqual,
  concatBytes,
  fromBase64,
  fromHex,
  isWellFormed,
  MalformedError,
  toBase64,
  toHex,
  utf8,
} from './bytes.ts';
import { ed25519PrivateKey, ed25519PublicKey, ed25519RawPublicKey, ed25519Seed } from './keys.ts';

/** C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures, compatible with golang.org/x/mod/sumdb/note. */

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array;
}

export type Verification<T> = ({ ok: true } & T) | { ok: false; reason: string };

const ED25519_TYPE = 0x01;
const KEY_ID_SIZE = 4;
const SIGNATURE_PREFIX = '\u2014 ';
const SIGNER_KEY_PREFIX = 'PRIVATE+KEY+';
// Go's sumdb/note limit; the spec asks for at least 16.
const MAX_SIGNATURES = 100;

export function keyId(name: string, publicKey: Uint8Array): Uint8Array {
  const digest = createHash('sha256')
    .update(utf8(`${name}\n`))
    .update(Uint8Array.of(ED25519_TYPE))
    .update(publicKey)
    .digest();
  return new Uint8Array(digest.subarray(0, KEY_ID_SIZE));
}

/** `<name>+<8 hex digits key ID>+<base64(0x01 ‖ public key)>`, as printed by Go's note.GenerateKey. */
export function verifierKey(name: string, publicKey: Uint8Array): string {
  assertKeyName(name);
  if (publicKey.length !== 32) throw new RangeError('an Ed25519 public key has 32 bytes');
  return `${name}+${toHex(keyId(name, publicKey))}+${toBase64(concatBytes(Uint8Array.of(ED25519_TYPE), publicKey))}`;
}

export function parseVerifierKey(text: string): NoteVerifier {
  const { name, id, key } = parseKeyString(text);
  if (!bytesEqual(id, keyId(name, key))) throw new MalformedError('verifier key ID does not match the key');
  return { name, keyId: id, publicKey: key };
}

/** `PRIVATE+KEY+<name>+<key ID>+<base64(0x01 ‖ seed)>`, the secret key format of Go's sumdb/note. */
export function signerKey(name: string, privateKey: KeyObject): string {
  assertKeyName(name);
  const id = toHex(keyId(name, ed25519RawPublicKey(privateKey)));
  const seed = ed25519Seed(privateKey);
  return `${SIGNER_KEY_PREFIX}${name}+${id}+${toBase64(concatBytes(Uint8Array.of(ED25519_TYPE), seed))}`;
}

export function parseSignerKey(text: string): { name: string; privateKey: KeyObject } {
  if (!text.startsWith(SIGNER_KEY_PREFIX)) {
    throw new MalformedError(`signer key must start with ${SIGNER_KEY_PREFIX}`);
  }
  const { name, id, key } = parseKeyString(text.slice(SIGNER_KEY_PREFIX.length));
  const privateKey = ed25519PrivateKey(key);
  if (!bytesEqual(id, keyId(name, ed25519RawPublicKey(privateKey)))) {
    throw new MalformedError('signer key ID does not match the key');
  }
  return { name, privateKey };
}

/** Signs `text` (which must end in a newline) and returns the note with its single signature line. */
export function signNote(text: string, name: string, privateKey: KeyObject): string {
  if (!isNoteText(text)) {
    throw new MalformedError('note text must be non-control UTF-8 text ending in a newline');
  }
  assertKeyName(name);
  const id = keyId(name, ed25519RawPublicKey(privateKey));
  const signature = sign(null, utf8(text), privateKey);
  return `${text}\n${SIGNATURE_PREFIX}${name} ${toBase64(concatBytes(id, signature))}\n`;
}

/**
 * Returns the note text if the verifier's key signed it. Signatures from other keys are ignored,
 * as the spec requires, so that witnesses can cosign and keys can rotate.
 */
export function openNote(note: string, verifier: NoteVerifier): Verification<{ text: string }> {
  if (!isWellFormed(note) || hasControlCharacters(note)) {
    return { ok: false, reason: 'note contains control characters or invalid UTF-16' };
  }
  // The text may itself contain empty lines: the last one separates it from the signatures.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return { ok: false, reason: 'note has no blank line before its signatures' };
  const text = note.slice(0, split + 1);
  const signatures = note.slice(split + 2);
  if (signatures === '' || !signatures.endsWith('\n')) {
    return { ok: false, reason: 'note signatures must be lines ending in a newline' };
  }
  const lines = signatures.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return { ok: false, reason: 'note has too many signatures' };

  const publicKey = ed25519PublicKey(verifier.publicKey);
  let verified = false;
  for (const line of lines) {
    const signature = parseSignatureLine(line);
    if (signature === null) return { ok: false, reason: `malformed signature line: ${line}` };
    if (signature.name !== verifier.name || !bytesEqual(signature.keyId, verifier.keyId)) continue;
    if (verified) return { ok: false, reason: 'note is signed twice by the same key' };
    if (!verify(null, utf8(text), publicKey, signature.signature)) {
      return { ok: false, reason: `signature by ${verifier.name} does not verify` };
    }
    verified = true;
  }
  return verified ? { ok: true, text } : { ok: false, reason: `note is not signed by ${verifier.name}` };
}

/** Non-empty UTF-8 text ending in a newline, without control characters other than newline. */
export function isNoteText(text: string): boolean {
  return text.endsWith('\n') && isWellFormed(text) && !hasControlCharacters(text);
}

/** ASCII controls other than newline, which the spec forbids anywhere in a note. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
}

function parseSignatureLine(line: string): { name: string; keyId: Uint8Array; signature: Uint8Array } | null {
  if (!line.startsWith(SIGNATURE_PREFIX)) return null;
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = rest.slice(0, space);
  if (space < 0 || !isKeyName(name)) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(rest.slice(space + 1));
  } catch {
    return null;
  }
  if (bytes.length <= KEY_ID_SIZE) return null;
  return { name, keyId: bytes.subarray(0, KEY_ID_SIZE), signature: bytes.subarray(KEY_ID_SIZE) };
}

function parseKeyString(text: string): { name: string; id: Uint8Array; key: Uint8Array } {
  // Names contain no '+', but base64 keys may.
  const match = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text);
  const [, name = '', idHex = '', keyBase64 = ''] = match ?? [];
  if (match === null) throw new MalformedError('key must be <name>+<key ID>+<key>');
  assertKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new MalformedError('key ID must be 8 lowercase hex digits');
  const typed = fromBase64(keyBase64);
  if (typed.length !== 33 || typed[0] !== ED25519_TYPE) {
    throw new MalformedError('key is not a 32-byte Ed25519 key');
  }
  return { name, id: fromHex(idHex), key: typed.subarray(1) };
}

function isKeyName(name: string): boolean {
  return name !== '' && isWellFormed(name) && !/[\s+\p{Cc}]/u.test(name);
}

function assertKeyName(name: string): void {
  if (!isKeyName(name)) throw new MalformedError(`invalid key name: ${JSON.stringify(name)}`);
}
