import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendedNodes,
  consistencyPath,
  consistencyProof,
  EMPTY_ROOT,
  type HashStore,
  inclusionPath,
  inclusionProof,
  leafHash,
  MemoryTree,
  type NodeRange,
  nodeHash,
  perfectSubtrees,
  rootFromInclusion,
  rootOf,
  subtreeAddress,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
import { hex, vectors } from './testdata/vectors.ts';

// Naive RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1, written from the definitions with their own hashing.
const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};
const largestPowerOfTwoBelow = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);
const refNode = (left: Uint8Array, right: Uint8Array) => sha256(Uint8Array.of(1), left, right);

function refRoot(hashes: Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return sha256();
  if (hashes.length === 1) return hashes[0] as Uint8Array;
  const k = largestPowerOfTwoBelow(hashes.length);
  return refNode(refRoot(hashes.slice(0, k)), refRoot(hashes.slice(k)));
}

function refPath(m: number, hashes: Uint8Array[]): Uint8Array[] {
  if (hashes.length <= 1) return [];
  const k = largestPowerOfTwoBelow(hashes.length);
  return m < k
    ? [...refPath(m, hashes.slice(0, k)), refRoot(hashes.slice(k))]
    : [...refPath(m - k, hashes.slice(k)), refRoot(hashes.slice(0, k))];
}

function refSubproof(m: number, hashes: Uint8Array[], complete: boolean): Uint8Array[] {
  if (m === hashes.length) return complete ? [] : [refRoot(hashes)];
  const k = largestPowerOfTwoBelow(hashes.length);
  return m <= k
    ? [...refSubproof(m, hashes.slice(0, k), complete), refRoot(hashes.slice(k))]
    : [...refSubproof(m - k, hashes.slice(k), false), refRoot(hashes.slice(0, k))];
}

const distinctLeafHashes = (count: number, seed: number): Uint8Array[] =>
  Array.from({ length: count }, (_, i) => leafHash(new TextEncoder().encode(`${seed}/${i}`)));

function flipBit(hashes: Uint8Array[], which: number, bit: number): Uint8Array[] {
  return hashes.map((hash, i) => {
    if (i !== which) return hash;
    const copy = hash.slice();
    copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
    return copy;
  });
}

const withoutItem = <T>(items: T[], at: number): T[] => items.filter((_, i) => i !== at);
const withItem = <T>(items: T[], at: number, item: T): T[] => [
  ...items.slice(0, at),
  item,
  ...items.slice(at),
];

describe('hashing', () => {
  it('hashes leaves and nodes as the RFC 6962 hasher vectors say', () => {
    const [emptyLeaf, asciiLeaf, node] = vectors.hasher_vectors;
    expect(leafHash(hex(emptyLeaf?.leaf_hex ?? ''))).toEqual(hex(emptyLeaf?.hash ?? ''));
    expect(leafHash(hex(asciiLeaf?.leaf_hex ?? ''))).toEqual(hex(asciiLeaf?.hash ?? ''));
    expect(nodeHash(hex(node?.left_hex ?? ''), hex(node?.right_hex ?? ''))).toEqual(hex(node?.hash ?? ''));
  });

  it('uses SHA-256 of the empty string as the root of the empty tree', () => {
    expect(EMPTY_ROOT).toEqual(hex(vectors.empty_tree_root));
    expect(rootOf(0, new MemoryTree())).toEqual(hex(vectors.empty_tree_root));
  });

  it('hashes each test leaf to its vector', () => {
    vectors.leaves_hex.forEach((leaf, i) => {
      expect(leafHash(hex(leaf))).toEqual(hex(vectors.leaf_hashes[i] ?? ''));
    });
  });
});

describe('the RFC 9162 test tree', () => {
  const tree = new MemoryTree(vectors.leaves_hex.map((leaf) => leafHash(hex(leaf))));

  it('has the published root at every size from 1 to 8', () => {
    for (const [size, root] of Object.entries(vectors.roots)) {
      expect(rootOf(Number(size), tree)).toEqual(hex(root));
    }
  });

  it('produces and accepts every inclusion proof vector', () => {
    for (const v of vectors.inclusion) {
      const proof = v.proof.map(hex);
      expect(inclusionProof(v.leaf_index, v.tree_size, tree)).toEqual(proof);
      expect(verifyInclusion(hex(v.leaf_hash), v.leaf_index, v.tree_size, proof, hex(v.root))).toBe(true);
    }
  });

  it('produces and accepts every consistency proof vector', () => {
    for (const v of vectors.consistency) {
      const proof = v.proof.map(hex);
      expect(consistencyProof(v.size1, v.size2, tree)).toEqual(proof);
      expect(verifyConsistency(v.size1, v.size2, proof, hex(v.root1), hex(v.root2))).toBe(true);
    }
  });

  it('computes the root from an inclusion proof', () => {
    const v = vectors.inclusion.find((p) => p.leaf_index === 5 && p.tree_size === 8);
    expect(v).toBeDefined();
    if (!v) return;
    expect(rootFromInclusion(hex(v.leaf_hash), 5, 8, v.proof.map(hex))).toEqual(hex(v.root));
  });
});

describe('proofs from a MemoryTree', () => {
  const treeArbitrary = fc.integer({ min: 1, max: 2000 }).chain((size) =>
    fc.record({
      size: fc.constant(size),
      seed: fc.nat(),
      index: fc.nat({ max: size - 1 }),
      m: fc.nat({ max: size }),
      otherSize: fc.integer({ min: 1, max: size }),
      which: fc.nat(),
      bit: fc.nat({ max: 255 }),
    }),
  );

  it('equal the naive RFC 9162 PATH and PROOF and verify', () => {
    fc.assert(
      fc.property(treeArbitrary, ({ size, seed, index, m }) => {
        const hashes = distinctLeafHashes(size, seed);
        const tree = new MemoryTree(hashes);
        const n = hashes.length;
        const root = rootOf(n, tree);
        expect(root).toEqual(refRoot(hashes));

        const path = inclusionProof(index, n, tree);
        expect(path).toEqual(refPath(index, hashes));
        expect(verifyInclusion(hashes[index] as Uint8Array, index, n, path, root)).toBe(true);

        const proof = consistencyProof(m, n, tree);
        expect(proof).toEqual(m === 0 || m === n ? [] : refSubproof(m, hashes, true));
        expect(verifyConsistency(m, n, proof, rootOf(m, tree), root)).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('fail to verify once corrupted in any way', () => {
    fc.assert(
      fc.property(treeArbitrary, ({ size, seed, index, m, otherSize, which, bit }) => {
        const hashes = distinctLeafHashes(size, seed);
        const tree = new MemoryTree(hashes);
        const n = hashes.length;
        const root = rootOf(n, tree);
        const leaf = hashes[index] as Uint8Array;
        const extra = new Uint8Array(randomBytes(32));

        const path = inclusionProof(index, n, tree);
        const accepts = (p: Uint8Array[], i = index, size = n, r = root) =>
          verifyInclusion(leaf, i, size, p, r);
        if (path.length > 0) {
          expect(accepts(flipBit(path, which % path.length, bit))).toBe(false);
          expect(accepts(withoutItem(path, which % path.length))).toBe(false);
        }
        expect(accepts(withItem(path, which % (path.length + 1), extra))).toBe(false);
        expect(accepts(path, index, n, flipBit([root], 0, bit)[0])).toBe(false);
        expect(verifyInclusion(flipBit([leaf], 0, bit)[0] as Uint8Array, index, n, path, root)).toBe(false);
        expect(accepts(path, (index + 1 + (which % n)) % (n + 1))).toBe(false);
        if (otherSize !== n) expect(accepts(path, index, otherSize, rootOf(otherSize, tree))).toBe(false);

        const proof = consistencyProof(m, n, tree);
        const oldRoot = rootOf(m, tree);
        const consistent = (p: Uint8Array[], oldSize = m, newSize = n, r1 = oldRoot, r2 = root) =>
          verifyConsistency(oldSize, newSize, p, r1, r2);
        if (proof.length > 0) {
          expect(consistent(flipBit(proof, which % proof.length, bit))).toBe(false);
          expect(consistent(withoutItem(proof, which % proof.length))).toBe(false);
        }
        expect(consistent(withItem(proof, which % (proof.length + 1), extra))).toBe(false);
        expect(consistent(proof, m, n, flipBit([oldRoot], 0, bit)[0])).toBe(false);
        if (m !== 0) expect(consistent(proof, m, n, oldRoot, flipBit([root], 0, bit)[0])).toBe(false);
        // (0, n) and (n, n) share the empty proof, so swapping one for the other is no corruption.
        const hasEmptyProof = (oldSize: number) => oldSize === 0 || oldSize === n;
        if (otherSize !== m && !(hasEmptyProof(m) && hasEmptyProof(otherSize))) {
          expect(consistent(proof, otherSize, n, rootOf(otherSize, tree))).toBe(false);
        }
        if (m !== 0 && otherSize !== n && otherSize >= m) {
          expect(consistent(proof, m, otherSize, oldRoot, rootOf(otherSize, tree))).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe('MemoryTree', () => {
  it('returns the perfect subtrees each append completes, as rows (level, index, hash)', () => {
    const hashes = distinctLeafHashes(4, 1);
    const tree = new MemoryTree();
    expect(tree.append(hashes[0] as Uint8Array).map(({ level, index }) => [level, index])).toEqual([[0, 0]]);
    expect(tree.append(hashes[1] as Uint8Array).map(({ level, index }) => [level, index])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    tree.append(hashes[2] as Uint8Array);
    const completed = tree.append(hashes[3] as Uint8Array);
    expect(completed.map(({ level, index }) => [level, index])).toEqual([
      [0, 3],
      [1, 1],
      [2, 0],
    ]);
    expect(completed[2]?.hash).toEqual(refRoot(hashes));
  });

  it('lists every node so that a store can be rebuilt from them', () => {
    const hashes = distinctLeafHashes(13, 2);
    const tree = new MemoryTree(hashes);
    const rows = [...tree.nodes()];
    expect(rows).toHaveLength(13 + 6 + 3 + 1);
    for (const { level, index, hash } of rows) {
      const width = 2 ** level;
      expect(hash).toEqual(refRoot(hashes.slice(index * width, (index + 1) * width)));
    }
    const table = new Map(rows.map((row) => [`${row.level}/${row.index}`, row.hash]));
    const store: HashStore = {
      subtreeHash(start, end) {
        const { level, index } = subtreeAddress(start, end);
        return table.get(`${level}/${index}`) ?? new Uint8Array();
      },
    };
    expect(rootOf(13, store)).toEqual(refRoot(hashes));
    expect(appendedNodes(13, hashes[0] as Uint8Array, store)).toEqual([
      { level: 0, index: 13, hash: hashes[0] },
      { level: 1, index: 6, hash: refNode(hashes[12] as Uint8Array, hashes[0] as Uint8Array) },
    ]);
  });

  it('needs only the O(log n) perfect subtrees that the paths list, so a database can fetch them at once', () => {
    const tree = new MemoryTree(distinctLeafHashes(1000, 7));
    const prefetched = (nodes: NodeRange[]): HashStore => {
      const subtrees = nodes.flatMap(perfectSubtrees);
      expect(subtrees.length).toBeLessThanOrEqual(2 * Math.log2(1000));
      const table = new Map(
        subtrees.map(({ start, end }) => [`${start}-${end}`, tree.subtreeHash(start, end)]),
      );
      return {
        subtreeHash(start, end) {
          const hash = table.get(`${start}-${end}`);
          if (hash === undefined) throw new Error(`[${start}, ${end}) was not prefetched`);
          return hash;
        },
      };
    };
    expect(rootOf(1000, prefetched([{ start: 0, end: 1000 }]))).toEqual(rootOf(1000, tree));
    expect(inclusionProof(345, 1000, prefetched(inclusionPath(345, 1000)))).toEqual(
      inclusionProof(345, 1000, tree),
    );
    expect(consistencyProof(345, 1000, prefetched(consistencyPath(345, 1000)))).toEqual(
      consistencyProof(345, 1000, tree),
    );
  });

  it('does not let a caller alter stored hashes through returned arrays', () => {
    const hashes = distinctLeafHashes(2, 3);
    const tree = new MemoryTree(hashes);
    tree.subtreeHash(0, 1).fill(0);
    inclusionProof(0, 2, tree)[0]?.fill(0);
    expect(rootOf(2, tree)).toEqual(refRoot(hashes));
  });

  it('refuses subtrees that are not perfect, not aligned or beyond its size', () => {
    const tree = new MemoryTree(distinctLeafHashes(8, 4));
    expect(() => tree.subtreeHash(0, 3)).toThrow(RangeError);
    expect(() => tree.subtreeHash(2, 6)).toThrow(RangeError);
    expect(() => tree.subtreeHash(8, 9)).toThrow(RangeError);
    expect(() => tree.subtreeHash(3, 3)).toThrow(RangeError);
    expect(() => tree.append(new Uint8Array(31))).toThrow(RangeError);
  });

  it('refuses proofs for indexes or sizes outside the tree', () => {
    const tree = new MemoryTree(distinctLeafHashes(8, 5));
    expect(() => inclusionProof(8, 8, tree)).toThrow(RangeError);
    expect(() => inclusionProof(-1, 8, tree)).toThrow(RangeError);
    expect(() => inclusionProof(0.5, 8, tree)).toThrow(RangeError);
    expect(() => inclusionProof(0, 9, tree)).toThrow(RangeError);
    expect(() => consistencyProof(5, 4, tree)).toThrow(RangeError);
  });
});

describe('verification', () => {
  const hashes = distinctLeafHashes(8, 6);
  const tree = new MemoryTree(hashes);
  const root = rootOf(8, tree);

  it('rejects indexes at or past the tree size and a smaller new tree', () => {
    expect(verifyInclusion(hashes[0] as Uint8Array, 8, 8, inclusionProof(0, 8, tree), root)).toBe(false);
    expect(verifyInclusion(hashes[0] as Uint8Array, 0, 0, [], EMPTY_ROOT)).toBe(false);
    expect(verifyConsistency(8, 4, consistencyProof(4, 8, tree), root, rootOf(4, tree))).toBe(false);
  });

  it('rejects hashes that are not 32 bytes long', () => {
    const proof = inclusionProof(3, 8, tree);
    const short = proof.map((hash, i) => (i === 1 ? hash.subarray(0, 31) : hash));
    expect(verifyInclusion(hashes[3] as Uint8Array, 3, 8, short, root)).toBe(false);
    expect(verifyInclusion(hashes[3] as Uint8Array, 3, 8, proof, root.subarray(0, 31))).toBe(false);
    const rootOf4 = rootOf(4, tree);
    expect(verifyConsistency(4, 8, consistencyProof(4, 8, tree), rootOf4.subarray(1), root)).toBe(false);
  });

  it('accepts only an empty proof for equal sizes or an empty old tree', () => {
    expect(verifyConsistency(8, 8, [], root, root)).toBe(true);
    expect(verifyConsistency(8, 8, [root], root, root)).toBe(false);
    expect(verifyConsistency(0, 8, [], EMPTY_ROOT, root)).toBe(true);
    expect(verifyConsistency(0, 8, [], root, root)).toBe(false);
    expect(verifyConsistency(0, 8, [root], EMPTY_ROOT, root)).toBe(false);
  });

  it('works past 2^32 leaves, where 32-bit bit operations would truncate', () => {
    // Every leaf equal, so a perfect subtree's hash depends only on its level.
    const byLevel = [leafHash(new Uint8Array())];
    for (let level = 1; level <= 53; level++) {
      const below = byLevel[level - 1] as Uint8Array;
      byLevel.push(nodeHash(below, below));
    }
    const uniform: HashStore = {
      subtreeHash: (start, end) => byLevel[subtreeAddress(start, end).level] as Uint8Array,
    };
    const size = 2 ** 40 + 2 ** 33 + 5;
    const index = 2 ** 40 + 2 ** 32 + 7;
    const bigRoot = rootOf(size, uniform);
    const proof = inclusionProof(index, size, uniform);
    expect(verifyInclusion(byLevel[0] as Uint8Array, index, size, proof, bigRoot)).toBe(true);
    expect(proof).toHaveLength(1 + 1 + 33);
    const oldSize = 2 ** 36 + 3;
    const consistency = consistencyProof(oldSize, size, uniform);
    expect(verifyConsistency(oldSize, size, consistency, rootOf(oldSize, uniform), bigRoot)).toBe(true);
  });
});
