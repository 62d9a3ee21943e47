import type { KeyObject } from 'node:crypto';
import { fromBase64, MalformedError, parseDecimal, toBase64 } from './bytes.ts';
import { HASH_SIZE } from './merkle.ts';
import { isNoteText, type NoteVerifier, openNote, signNote, type Verification } from './note.ts';

/** C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the signed head of the log. */

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
  /** Opaque extra lines after the root, kept so that a parsed checkpoint formats back to the same text. */
  readonly extensions?: readonly string[];
}

export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions = [] } = checkpoint;
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`invalid tree size ${size}`);
  if (root.length !== HASH_SIZE) throw new RangeError(`a root hash has ${HASH_SIZE} bytes`);
  if ([origin, ...extensions].some((line) => line === '' || line.includes('\n'))) {
    throw new RangeError('checkpoint origin and extensions must be single non-empty lines');
  }
  const text = [origin, String(size), toBase64(root), ...extensions].map((line) => `${line}\n`).join('');
  if (!isNoteText(text)) throw new RangeError('checkpoint must not contain control characters');
  return text;
}

export function parseCheckpoint(text: string): Checkpoint {
  if (!isNoteText(text)) throw new MalformedError('checkpoint must be text lines ending in a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new MalformedError('checkpoint needs origin, size and root lines');
  const [origin = '', size = '', root = '', ...extensions] = lines;
  if (origin === '') throw new MalformedError('checkpoint origin is empty');
  const treeSize = parseDecimal(size);
  const rootHash = fromBase64(root);
  if (rootHash.length !== HASH_SIZE) throw new MalformedError(`checkpoint root must be ${HASH_SIZE} bytes`);
  if (extensions.includes('')) throw new MalformedError('checkpoint extension lines must not be empty');
  return { origin, size: treeSize, root: rootHash, extensions };
}

export function signCheckpoint(checkpoint: Checkpoint, name: string, privateKey: KeyObject): string {
  return signNote(formatCheckpoint(checkpoint), name, privateKey);
}

export function openCheckpoint(
  note: string,
  verifier: NoteVerifier,
): Verification<{ checkpoint: Checkpoint; text: string }> {
  const opened = openNote(note, verifier);
  if (!opened.ok) return opened;
  try {
    return { ok: true, checkpoint: parseCheckpoint(opened.text), text: opened.text };
  } catch (error) {
    if (error instanceof MalformedError) return { ok: false, reason: error.message };
    throw error;
  }
}
