import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MalformedError, toBase64 } from './bytes.ts';
import { signCheckpoint } from './checkpoint.ts';
import { ed25519RawPublicKey } from './keys.ts';
import { inclusionProof, leafHash, MemoryTree, rootOf } from './merkle.ts';
import { parseVerifierKey, verifierKey } from './note.ts';
import { formatReceipt, parseReceipt, type Receipt, verifyReceipt } from './receipt.ts';

const ORIGIN = 'iranmade.example/log';

function newLogKey(name: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { name, privateKey, verifier: parseVerifierKey(verifierKey(name, ed25519RawPublicKey(privateKey))) };
}

const log = newLogKey(ORIGIN);
const leaves = Array.from({ length: 11 }, (_, i) => new TextEncoder().encode(`leaf ${i}`));
const tree = new MemoryTree(leaves.map(leafHash));
const checkpointNote = signCheckpoint(
  { origin: ORIGIN, size: 11, root: rootOf(11, tree) },
  log.name,
  log.privateKey,
);

const receiptFor = (index: number): Receipt => ({
  index,
  leaf: leaves[index] as Uint8Array,
  proof: inclusionProof(index, 11, tree),
  checkpointNote,
});

describe('receipt text', () => {
  it('has the tlog-proof@v1 layout: header, extra, index, proof hashes, blank line, checkpoint', () => {
    const receipt = receiptFor(6);
    expect(formatReceipt(receipt)).toBe(
      [
        'c2sp.org/tlog-proof@v1',
        `extra ${toBase64(leaves[6] as Uint8Array)}`,
        'index 6',
        ...receipt.proof.map(toBase64),
        '',
        checkpointNote,
      ].join('\n'),
    );
  });

  it('parses back to the same receipt, with or without a leaf', () => {
    const receipt = receiptFor(10);
    expect(parseReceipt(formatReceipt(receipt))).toEqual(receipt);
    const { leaf: _, ...withoutLeaf } = receipt;
    expect(parseReceipt(formatReceipt(withoutLeaf))).toEqual(withoutLeaf);
  });

  it('parses the example of the C2SP specification', () => {
    const example = [
      'c2sp.org/tlog-proof@v1',
      'extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ',
      'index 73894',
      'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=',
      'B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=',
      'EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=',
      'RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=',
      'AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=',
      '',
      'example.com/fancylog',
      '109482',
      'sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=',
      '',
      '\u2014 example.com/fancylog hI2DJw==',
      '',
    ].join('\n');
    const receipt = parseReceipt(example);
    expect(receipt.index).toBe(73894);
    expect(receipt.proof).toHaveLength(5);
    expect(receipt.checkpointNote.startsWith('example.com/fancylog\n109482\n')).toBe(true);
  });

  it('refuses a wrong header, a bad index, a short hash or a missing checkpoint', () => {
    const text = formatReceipt(receiptFor(3));
    const firstHash = toBase64(receiptFor(3).proof[0] as Uint8Array);
    for (const bad of [
      text.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2'),
      text.replace('index 3', 'index 03'),
      text.replace('index 3', 'index -3'),
      text.replace('index 3', 'index: 3'),
      text.replace('index 3\n', ''),
      text.replace(firstHash, toBase64(new Uint8Array(31))),
      text.replace(firstHash, 'not base64'),
      text.slice(0, text.indexOf('\n\n') + 2),
      text.replace('\n\n', '\n'),
    ]) {
      expect(() => parseReceipt(bad), JSON.stringify(bad.slice(0, 80))).toThrow(MalformedError);
    }
  });
});

describe('verifying a receipt', () => {
  it('succeeds for every leaf of the log, offline', () => {
    for (let index = 0; index < 11; index++) {
      const result = verifyReceipt(formatReceipt(receiptFor(index)), log.verifier);
      expect(result).toMatchObject({ ok: true, index, treeSize: 11, leaf: leaves[index] });
      if (result.ok) expect(result.leafHash).toEqual(leafHash(leaves[index] as Uint8Array));
    }
  });

  it('fails when the leaf, the index or a proof hash was changed', () => {
    const receipt = receiptFor(4);
    const tampered: Receipt[] = [
      { ...receipt, leaf: leaves[5] as Uint8Array },
      { ...receipt, index: 5 },
      { ...receipt, proof: receipt.proof.slice(1) },
      { ...receipt, proof: receipt.proof.map((hash, i) => (i === 2 ? leafHash(hash) : hash)) },
    ];
    for (const bad of tampered) {
      expect(verifyReceipt(formatReceipt(bad), log.verifier)).toEqual({
        ok: false,
        reason: 'inclusion proof does not lead to the checkpoint root',
      });
    }
  });

  it('fails when the checkpoint is not signed by the log key', () => {
    const other = newLogKey(ORIGIN);
    expect(verifyReceipt(formatReceipt(receiptFor(0)), other.verifier).ok).toBe(false);
    const forged = formatReceipt({
      ...receiptFor(0),
      checkpointNote: checkpointNote.replace('\n11\n', '\n12\n'),
    });
    expect(verifyReceipt(forged, log.verifier).ok).toBe(false);
  });

  it('fails when the receipt carries no leaf or is malformed', () => {
    const { leaf: _, ...withoutLeaf } = receiptFor(2);
    expect(verifyReceipt(formatReceipt(withoutLeaf), log.verifier)).toEqual({
      ok: false,
      reason: 'receipt carries no leaf in its extra line',
    });
    expect(verifyReceipt('c2sp.org/tlog-proof@v1\nindex 1\n', log.verifier).ok).toBe(false);
  });
});
