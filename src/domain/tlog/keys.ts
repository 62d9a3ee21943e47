import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { concatBytes, fromHex } from './bytes.ts';

/** Raw 32-byte Ed25519 keys ⇄ node:crypto KeyObjects, through the fixed DER prefixes of RFC 8410. */

const PKCS8_PREFIX = fromHex('302e020100300506032b657004220420');
const SPKI_PREFIX = fromHex('302a300506032b6570032100');
const KEY_SIZE = 32;

export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  assertKeySize(seed, 'seed');
  return createPrivateKey({
    key: Buffer.from(concatBytes(PKCS8_PREFIX, seed)),
    format: 'der',
    type: 'pkcs8',
  });
}

export function ed25519PublicKey(publicKey: Uint8Array): KeyObject {
  assertKeySize(publicKey, 'public key');
  return createPublicKey({
    key: Buffer.from(concatBytes(SPKI_PREFIX, publicKey)),
    format: 'der',
    type: 'spki',
  });
}

export function ed25519Seed(privateKey: KeyObject): Uint8Array {
  assertEd25519(privateKey, 'private');
  return new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length));
}

/** The raw public key of a public key, or of the public half of a private key. */
export function ed25519RawPublicKey(key: KeyObject): Uint8Array {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  assertEd25519(publicKey, 'public');
  return new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length));
}

function assertKeySize(key: Uint8Array, what: string): void {
  if (key.length !== KEY_SIZE) throw new RangeError(`an Ed25519 ${what} has ${KEY_SIZE} bytes`);
}

function assertEd25519(key: KeyObject, type: 'private' | 'public'): void {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 ${type} key`);
  }
}
