import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LeafIndex } from './leaf-index.ts';

const hashOf = (n: number) => new Uint8Array(createHash('sha256').update(String(n)).digest());

describe('finding a leaf by its hash', () => {
  it('finds every leaf of a log that grew well past the first table, and nothing else', () => {
    const leaves: Uint8Array[] = [];
    const index = new LeafIndex((i) => leaves[i] as Uint8Array);
    for (let i = 0; i < 70_000; i++) {
      const hash = hashOf(i);
      leaves.push(hash);
      index.add(hash, i);
    }
    const found = leaves.map((h) => index.indexOf(h));
    expect(found.every((at, i) => at === i)).toBe(true);
    expect(index.indexOf(hashOf(70_000))).toBeNull();
    expect(index.indexOf(new Uint8Array(3))).toBeNull();
  });

  it('answers the first index when a hash appears twice', () => {
    const leaves = [hashOf(1), hashOf(2), hashOf(1)];
    const index = new LeafIndex((i) => leaves[i] as Uint8Array);
    leaves.forEach((h, i) => {
      index.add(h, i);
    });
    expect(index.indexOf(hashOf(1))).toBe(0);
    expect(index.indexOf(hashOf(2))).toBe(1);
  });
});
