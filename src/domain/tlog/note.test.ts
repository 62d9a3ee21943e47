import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MalformedError, toHex } from './bytes.ts';
import { ed25519PrivateKey, ed25519PublicKey, ed25519RawPublicKey, ed25519Seed } from './keys.ts';
import {
  keyId,
  type NoteVerifier,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signerKey,
  signNote,
  verifierKey,
} from './note.ts';
import { vectors } from './testdata/vectors.ts';

const go = vectors.signed_note;

function newSigner(name: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  const verifier = parseVerifierKey(verifierKey(name, ed25519RawPublicKey(privateKey)));
  return { name, privateKey, verifier };
}

describe('keys', () => {
  it('turn a raw seed into a key object and back', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const seed = ed25519Seed(privateKey);
    expect(seed).toHaveLength(32);
    expect(ed25519Seed(ed25519PrivateKey(seed))).toEqual(seed);
    const raw = ed25519RawPublicKey(publicKey);
    expect(ed25519RawPublicKey(privateKey)).toEqual(raw);
    expect(ed25519RawPublicKey(ed25519PublicKey(raw))).toEqual(raw);
  });

  it('refuse raw keys of the wrong size and keys of another algorithm', () => {
    expect(() => ed25519PrivateKey(new Uint8Array(31))).toThrow(RangeError);
    expect(() => ed25519PublicKey(new Uint8Array(33))).toThrow(RangeError);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => ed25519Seed(privateKey)).toThrow(TypeError);
    expect(() => ed25519RawPublicKey(privateKey)).toThrow(TypeError);
  });
});

describe('the Go sumdb/note vector', () => {
  const { name, privateKey } = parseSignerKey(go.private_key_test_only);
  const verifier = parseVerifierKey(go.verifier_key);

  it('derives the same key ID and verifier key from the signer key', () => {
    expect(name).toBe('PeterNeumann');
    expect(toHex(keyId(name, ed25519RawPublicKey(privateKey)))).toBe('c74f20a3');
    expect(verifierKey(name, ed25519RawPublicKey(privateKey))).toBe(go.verifier_key);
    expect(signerKey(name, privateKey)).toBe(go.private_key_test_only);
    expect(verifier).toEqual({ name, keyId: keyId(name, verifier.publicKey), publicKey: verifier.publicKey });
  });

  it('signs the text into the same bytes as Go', () => {
    expect(signNote(go.text, name, privateKey)).toBe(go.signed_note);
  });

  it('opens the Go note', () => {
    expect(openNote(go.signed_note, verifier)).toEqual({ ok: true, text: go.text });
  });
});

describe('signed notes', () => {
  const alice = newSigner('example.com/alice');
  const bob = newSigner('example.com/bob');

  it('round trip text that itself contains empty lines', () => {
    const text = 'first\n\nafter a blank line\n';
    expect(openNote(signNote(text, alice.name, alice.privateKey), alice.verifier)).toEqual({
      ok: true,
      text,
    });
  });

  it('ignore signatures from other keys, before or after the known one', () => {
    const text = 'cosigned\n';
    const bobLine = signNote(text, bob.name, bob.privateKey).slice(text.length + 1);
    const aliceLine = signNote(text, alice.name, alice.privateKey).slice(text.length + 1);
    expect(openNote(`${text}\n${bobLine}${aliceLine}`, alice.verifier)).toEqual({ ok: true, text });
    expect(openNote(`${text}\n${aliceLine}${bobLine}`, alice.verifier)).toEqual({ ok: true, text });
  });

  it('are refused when no signature is from the verifier key', () => {
    const note = signNote('text\n', bob.name, bob.privateKey);
    expect(openNote(note, alice.verifier).ok).toBe(false);
    const sameNameOtherKey = newSigner(alice.name);
    expect(openNote(signNote('text\n', alice.name, sameNameOtherKey.privateKey), alice.verifier).ok).toBe(
      false,
    );
  });

  it('are refused when the text was altered', () => {
    const note = signNote('pay 10\n', alice.name, alice.privateKey);
    expect(openNote(note.replace('10', '99'), alice.verifier)).toEqual({
      ok: false,
      reason: 'signature by example.com/alice does not verify',
    });
  });

  it('are refused when a known key signature fails even if another of its lines is good', () => {
    const good = signNote('text\n', alice.name, alice.privateKey);
    const forged = signNote('other\n', alice.name, alice.privateKey).slice('other\n\n'.length);
    expect(openNote(`${good}${forged}`, alice.verifier).ok).toBe(false);
    expect(openNote(`${good}${good.slice('text\n\n'.length)}`, alice.verifier).ok).toBe(false);
  });

  it('are refused when malformed', () => {
    const note = signNote('text\n', alice.name, alice.privateKey);
    const line = note.slice('text\n\n'.length);
    const signature = line.split(' ')[2]?.trimEnd() ?? '';
    const malformed: [string, string][] = [
      [note.replace('\n\n', '\n'), 'no blank line'],
      [note.slice(0, -1), 'lines ending in a newline'],
      ['text\n\n', 'lines ending in a newline'],
      [`${note}\n`, 'lines ending in a newline'],
      [note.replace('\u2014', '-'), 'malformed signature line'],
      [note.replace(signature, `${signature.slice(0, -4)}!!!=`), 'malformed signature line'],
      [note.replace(signature, signature.replace(/=$/, '')), 'malformed signature line'],
      [note.replace(signature, 'AAAA'), 'malformed signature line'],
      [note.replace(alice.name, `${alice.name} extra`), 'malformed signature line'],
      [`text\r\n\n${line}`, 'control characters'],
    ];
    for (const [text, reason] of malformed) {
      expect(openNote(text, alice.verifier), JSON.stringify(text)).toEqual({
        ok: false,
        reason: expect.stringContaining(reason),
      });
    }
  });

  it('refuse to sign text without a final newline or a name with spaces or plus signs', () => {
    expect(() => signNote('text', alice.name, alice.privateKey)).toThrow(MalformedError);
    expect(() => signNote('a\u0000b\n', alice.name, alice.privateKey)).toThrow(MalformedError);
    expect(() => signNote('text\n', 'a b', alice.privateKey)).toThrow(MalformedError);
    expect(() => signNote('text\n', 'a+b', alice.privateKey)).toThrow(MalformedError);
  });
});

describe('verifier keys', () => {
  it('are refused when the key ID does not match the name and key', () => {
    const other = go.verifier_key.replace('c74f20a3', 'c74f20a4');
    expect(() => parseVerifierKey(other)).toThrow(MalformedError);
    expect(() => parseVerifierKey(go.verifier_key.replace('PeterNeumann', 'PeterNeuman'))).toThrow(
      MalformedError,
    );
  });

  it('are refused when not Ed25519 or not three fields', () => {
    const [name, id, key] = go.verifier_key.split('+') as [string, string, string];
    const otherType = Buffer.from(key, 'base64');
    otherType[0] = 0x02;
    expect(() => parseVerifierKey(`${name}+${id}+${otherType.toString('base64')}`)).toThrow(MalformedError);
    expect(() => parseVerifierKey(`${name}+${id}`)).toThrow(MalformedError);
    expect(() => parseVerifierKey(`${go.verifier_key}+x`)).toThrow(MalformedError);
    expect(() => parseSignerKey(go.verifier_key)).toThrow(MalformedError);
  });

  it('accept a verifier built by hand with the same fields', () => {
    const { privateKey } = parseSignerKey(go.private_key_test_only);
    const publicKey = ed25519RawPublicKey(privateKey);
    const verifier: NoteVerifier = {
      name: 'PeterNeumann',
      keyId: keyId('PeterNeumann', publicKey),
      publicKey,
    };
    expect(openNote(go.signed_note, verifier).ok).toBe(true);
  });
});
