import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, MalformedError } from './bytes.ts';
import {
  type Checkpoint,
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  signCheckpoint,
} from './checkpoint.ts';
import { ed25519RawPublicKey } from './keys.ts';
import { parseVerifierKey, signNote, verifierKey } from './note.ts';

const SPEC_EXAMPLE = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const ROOT = fromBase64('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
const checkpoint: Checkpoint = { origin: 'example.com/behind-the-sofa', size: 20852163, root: ROOT };

function newLogKey(name: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { name, privateKey, verifier: parseVerifierKey(verifierKey(name, ed25519RawPublicKey(privateKey))) };
}

describe('checkpoint text', () => {
  it('is formatted as the C2SP example', () => {
    expect(formatCheckpoint(checkpoint)).toBe(SPEC_EXAMPLE);
  });

  it('parses back to the same origin, size, root and extension lines', () => {
    expect(parseCheckpoint(SPEC_EXAMPLE)).toEqual({ ...checkpoint, extensions: [] });
    const extended = `${SPEC_EXAMPLE}ext one\next two\n`;
    const parsed = parseCheckpoint(extended);
    expect(parsed.extensions).toEqual(['ext one', 'ext two']);
    expect(formatCheckpoint(parsed)).toBe(extended);
  });

  it('accepts the empty tree', () => {
    const empty = 'log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n';
    expect(parseCheckpoint(empty).size).toBe(0);
  });

  it('refuses sizes with leading zeros, signs, fractions or beyond 2^53', () => {
    for (const size of ['020852163', '00', '-1', '+1', '1.0', '1e3', ' 1', '', '9007199254740993']) {
      expect(() => parseCheckpoint(SPEC_EXAMPLE.replace('20852163', size)), size).toThrow(MalformedError);
    }
  });

  it('refuses roots that are not exactly 32 bytes of standard padded base64', () => {
    const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
    for (const bad of [
      root.slice(0, -1),
      'CsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=',
      'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=',
      `${root}AAAA`,
      'AAAA',
    ]) {
      expect(() => parseCheckpoint(SPEC_EXAMPLE.replace(root, bad)), bad).toThrow(MalformedError);
    }
  });

  it('refuses missing lines, an empty origin, empty extensions, control characters and a missing final newline', () => {
    for (const bad of [
      'example.com/log\n5\n',
      `\n20852163\n${SPEC_EXAMPLE.split('\n')[2]}\n`,
      `${SPEC_EXAMPLE}\next\n`,
      SPEC_EXAMPLE.replace('sofa', 'sofa\r'),
      SPEC_EXAMPLE.slice(0, -1),
    ]) {
      expect(() => parseCheckpoint(bad), JSON.stringify(bad)).toThrow(MalformedError);
    }
  });

  it('cannot be formatted from a multi-line origin, an invalid size or a short root', () => {
    expect(() => formatCheckpoint({ ...checkpoint, origin: 'a\n5' })).toThrow(RangeError);
    expect(() => formatCheckpoint({ ...checkpoint, origin: '' })).toThrow(RangeError);
    expect(() => formatCheckpoint({ ...checkpoint, extensions: [''] })).toThrow(RangeError);
    expect(() => formatCheckpoint({ ...checkpoint, size: -1 })).toThrow(RangeError);
    expect(() => formatCheckpoint({ ...checkpoint, size: 1.5 })).toThrow(RangeError);
    expect(() => formatCheckpoint({ ...checkpoint, root: ROOT.subarray(1) })).toThrow(RangeError);
  });
});

describe('signed checkpoints', () => {
  const log = newLogKey('example.com/behind-the-sofa');

  it('open with the log key', () => {
    const note = signCheckpoint(checkpoint, log.name, log.privateKey);
    expect(note.startsWith(`${SPEC_EXAMPLE}\n\u2014 ${log.name} `)).toBe(true);
    expect(openCheckpoint(note, log.verifier)).toEqual({
      ok: true,
      checkpoint: { ...checkpoint, extensions: [] },
      text: SPEC_EXAMPLE,
    });
  });

  it('do not open with another key', () => {
    const note = signCheckpoint(checkpoint, log.name, log.privateKey);
    expect(openCheckpoint(note, newLogKey(log.name).verifier).ok).toBe(false);
  });

  it('do not open when the signed text is not a checkpoint', () => {
    const note = signNote('example.com/behind-the-sofa\n12\n', log.name, log.privateKey);
    expect(openCheckpoint(note, log.verifier)).toEqual({
      ok: false,
      reason: 'checkpoint needs origin, size and root lines',
    });
  });
});
