import { fromBase64, MalformedError, parseDecimal, toBase64 } from './bytes.ts';
import { type Checkpoint, openCheckpoint } from './checkpoint.ts';
import { HASH_SIZE, leafHash, verifyInclusion } from './merkle.ts';
import type { NoteVerifier, Verification } from './note.ts';

/**
 * An offline-verifiable receipt in the c2sp.org/tlog-proof@v1 format: the entry index, its inclusion
 * proof and the signed checkpoint it leads to. The leaf bytes travel in the `extra` line, so that the
 * receipt alone is enough to recompute the leaf hash.
 */

export const RECEIPT_HEADER = 'c2sp.org/tlog-proof@v1';

export interface Receipt {
  readonly index: number;
  readonly leaf?: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly checkpointNote: string;
}

export function formatReceipt(receipt: Receipt): string {
  const { index, leaf, proof, checkpointNote } = receipt;
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`invalid index ${index}`);
  if (proof.some((hash) => hash.length !== HASH_SIZE)) {
    throw new RangeError(`proof hashes have ${HASH_SIZE} bytes`);
  }
  if (!checkpointNote.endsWith('\n')) throw new RangeError('a signed checkpoint ends in a newline');
  const lines = [RECEIPT_HEADER];
  if (leaf !== undefined) lines.push(`extra ${toBase64(leaf)}`);
  lines.push(`index ${index}`, ...proof.map(toBase64));
  return `${lines.join('\n')}\n\n${checkpointNote}`;
}

export function parseReceipt(text: string): Receipt {
  // Header, extra, index and proof lines are never empty, so the first empty line ends them.
  const end = text.indexOf('\n\n');
  if (end < 0) throw new MalformedError('receipt has no blank line before its checkpoint');
  const lines = text.slice(0, end).split('\n');
  const checkpointNote = text.slice(end + 2);
  if (lines.shift() !== RECEIPT_HEADER) throw new MalformedError(`receipt must start with ${RECEIPT_HEADER}`);

  let leaf: Uint8Array | undefined;
  if (lines[0]?.startsWith('extra ')) leaf = fromBase64(lines.shift()?.slice('extra '.length) ?? '');
  const indexLine = lines.shift() ?? '';
  if (!indexLine.startsWith('index ')) throw new MalformedError('receipt needs an `index <decimal>` line');
  const index = parseDecimal(indexLine.slice('index '.length));
  const proof = lines.map((line) => {
    const hash = fromBase64(line);
    if (hash.length !== HASH_SIZE) throw new MalformedError(`proof hashes have ${HASH_SIZE} bytes`);
    return hash;
  });
  if (checkpointNote === '') throw new MalformedError('receipt has no checkpoint');
  return { index, ...(leaf === undefined ? {} : { leaf }), proof, checkpointNote };
}

/** Checks the log's signature on the checkpoint, then that the leaf carried in `extra` is included in it. */
export function verifyReceipt(
  text: string,
  verifier: NoteVerifier,
): Verification<{
  index: number;
  leaf: Uint8Array;
  leafHash: Uint8Array;
  treeSize: number;
  checkpoint: Checkpoint;
}> {
  let receipt: Receipt;
  try {
    receipt = parseReceipt(text);
  } catch (error) {
    if (error instanceof MalformedError) return { ok: false, reason: error.message };
    throw error;
  }
  const opened = openCheckpoint(receipt.checkpointNote, verifier);
  if (!opened.ok) return opened;
  const { checkpoint } = opened;
  if (receipt.leaf === undefined) return { ok: false, reason: 'receipt carries no leaf in its extra line' };
  const hash = leafHash(receipt.leaf);
  if (!verifyInclusion(hash, receipt.index, checkpoint.size, receipt.proof, checkpoint.root)) {
    return { ok: false, reason: 'inclusion proof does not lead to the checkpoint root' };
  }
  return {
    ok: true,
    index: receipt.index,
    leaf: receipt.leaf,
    leafHash: hash,
    treeSize: checkpoint.size,
    checkpoint,
  };
}
