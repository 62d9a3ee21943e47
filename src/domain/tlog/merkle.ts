import { createHash } from 'node:crypto';
import { bytesEqual } from './bytes.ts';

/** RFC 9162 §2.1 Merkle tree hashing with SHA-256, proofs and their verification. */

export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

export function leafHash(leaf: Uint8Array): Uint8Array {
  return asUint8Array(createHash('sha256').update(LEAF_PREFIX).update(leaf).digest());
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return asUint8Array(createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest());
}

export const EMPTY_ROOT: Uint8Array = asUint8Array(createHash('sha256').digest());

/** A plain Uint8Array view, so that hashes compare equal to other byte arrays, not only to Buffers. */
function asUint8Array(digest: Buffer): Uint8Array {
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

/** Half-open range [start, end) of leaf indexes. */
export interface NodeRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Source of perfect subtree hashes: `end - start` is a power of two and `start` a multiple of it.
 * Every RFC 9162 root and proof is a fold of O(log n) such subtrees, so a store that answers
 * these in O(1) (memory arrays, or rows (level, index, hash) in a database) gives O(log n) proofs.
 */
export interface HashStore {
  subtreeHash(start: number, end: number): Uint8Array;
}

/** A perfect subtree addressed as in a per-level table: level k holds the hashes of aligned 2^k blocks. */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

export function subtreeAddress(start: number, end: number): { level: number; index: number } {
  assertCount(start, 'start');
  assertCount(end, 'end');
  const width = end - start;
  const level = exactLog2(width);
  if (level < 0 || start % width !== 0) {
    throw new RangeError(`[${start}, ${end}) is not a perfect aligned subtree`);
  }
  return { level, index: start / width };
}

/** Decomposes a node of the RFC 9162 tree into its perfect subtrees, largest (leftmost) first. */
export function perfectSubtrees(range: NodeRange): NodeRange[] {
  const subtrees: NodeRange[] = [];
  let start = range.start;
  while (start < range.end) {
    const width = highestPowerOfTwoAtMost(range.end - start);
    subtrees.push({ start, end: start + width });
    start += width;
  }
  return subtrees;
}

/** MTH of the leaves in `range`, which must be a node of the RFC 9162 tree (e.g. [0, n)). */
export function rangeHash(range: NodeRange, store: HashStore): Uint8Array {
  const hashes = perfectSubtrees(range).map(({ start, end }) => store.subtreeHash(start, end));
  let hash = hashes.pop();
  if (hash === undefined) return EMPTY_ROOT.slice();
  for (let i = hashes.length - 1; i >= 0; i--) hash = nodeHash(hashes[i] as Uint8Array, hash);
  return hash;
}

export function rootOf(treeSize: number, store: HashStore): Uint8Array {
  assertCount(treeSize, 'tree size');
  return rangeHash({ start: 0, end: treeSize }, store);
}

/** The nodes whose hashes make up PATH(index, D[n]) of RFC 9162 §2.1.3.1, leaf side first. */
export function inclusionPath(index: number, treeSize: number): NodeRange[] {
  assertCount(index, 'index');
  assertCount(treeSize, 'tree size');
  if (index >= treeSize) throw new RangeError(`index ${index} is not below tree size ${treeSize}`);
  const path: NodeRange[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const split = start + splitPoint(end - start);
    if (index < split) {
      path.push({ start: split, end });
      end = split;
    } else {
      path.push({ start, end: split });
      start = split;
    }
  }
  return path.reverse();
}

/** The nodes whose hashes make up PROOF(m, D[n]) of RFC 9162 §2.1.4.1, leaf side first. */
export function consistencyPath(oldSize: number, newSize: number): NodeRange[] {
  assertCount(oldSize, 'old size');
  assertCount(newSize, 'new size');
  if (oldSize > newSize) throw new RangeError(`old size ${oldSize} exceeds new size ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const path: NodeRange[] = [];
  let start = 0;
  let end = newSize;
  let oldRootIsKnown = true;
  while (oldSize !== end) {
    const split = start + splitPoint(end - start);
    if (oldSize <= split) {
      path.push({ start: split, end });
      end = split;
    } else {
      path.push({ start, end: split });
      start = split;
      oldRootIsKnown = false;
    }
  }
  if (!oldRootIsKnown) path.push({ start, end });
  return path.reverse();
}

export function inclusionProof(index: number, treeSize: number, store: HashStore): Uint8Array[] {
  return inclusionPath(index, treeSize).map((range) => rangeHash(range, store));
}

export function consistencyProof(oldSize: number, newSize: number, store: HashStore): Uint8Array[] {
  return consistencyPath(oldSize, newSize).map((range) => rangeHash(range, store));
}

/** RFC 9162 §2.1.3.2; returns null when the proof does not have the shape the index and size require. */
export function rootFromInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize) return null;
  if (!isHash(leaf) || !proof.every(isHash)) return null;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusion(leaf, index, treeSize, proof);
  return computed !== null && isHash(root) && bytesEqual(computed, root);
}

/** RFC 9162 §2.1.4.2, plus the trivial cases m = n and m = 0 that the RFC leaves to the caller. */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  proof: readonly Uint8Array[],
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
): boolean {
  if (!isCount(oldSize) || !isCount(newSize) || oldSize > newSize) return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !proof.every(isHash)) return false;
  if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0 && bytesEqual(oldRoot, EMPTY_ROOT);
  const path = exactLog2(oldSize) >= 0 ? [oldRoot, ...proof] : [...proof];
  const [first, ...rest] = path;
  if (first === undefined) return false;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot);
}

/**
 * The perfect subtrees completed by appending the leaf at index `treeSize`: the leaf itself, then one
 * parent per level for as long as the new node is a right child. A database persists exactly these rows.
 */
export function appendedNodes(treeSize: number, leaf: Uint8Array, store: HashStore): TreeNode[] {
  assertCount(treeSize, 'tree size');
  if (!isHash(leaf)) throw new RangeError(`a leaf hash has ${HASH_SIZE} bytes`);
  let node: TreeNode = { level: 0, index: treeSize, hash: leaf.slice() };
  const nodes = [node];
  while (isOdd(node.index)) {
    const width = 2 ** node.level;
    const left = store.subtreeHash((node.index - 1) * width, node.index * width);
    node = { level: node.level + 1, index: (node.index - 1) / 2, hash: nodeHash(left, node.hash) };
    nodes.push(node);
  }
  return nodes;
}

/** Perfect subtree hashes kept per level, so that every subtree lookup is O(1). */
export class MemoryTree implements HashStore {
  readonly #levels: HashLevel[] = [];

  constructor(leafHashes: Iterable<Uint8Array> = []) {
    for (const hash of leafHashes) this.append(hash);
  }

  get size(): number {
    return this.#levels[0]?.length ?? 0;
  }

  /** Appends a leaf hash and returns the nodes it completed, for the caller to persist. */
  append(leaf: Uint8Array): TreeNode[] {
    const nodes = appendedNodes(this.size, leaf, this);
    for (const node of nodes) {
      let level = this.#levels[node.level];
      if (level === undefined) {
        level = new HashLevel();
        this.#levels.push(level);
      }
      level.push(node.hash);
    }
    return nodes;
  }

  subtreeHash(start: number, end: number): Uint8Array {
    const { level, index } = subtreeAddress(start, end);
    const hashes = this.#levels[level];
    if (hashes === undefined || index >= hashes.length) {
      throw new RangeError(`[${start}, ${end}) is beyond a tree of size ${this.size}`);
    }
    return hashes.get(index);
  }

  /** Every stored node, level by level, as rows (level, index, hash). */
  *nodes(): Generator<TreeNode> {
    for (const [level, hashes] of this.#levels.entries()) {
      for (let index = 0; index < hashes.length; index++) yield { level, index, hash: hashes.get(index) };
    }
  }
}

/** One contiguous buffer per level: two million separate 32-byte arrays cost ~1 GB and seconds of GC. */
class HashLevel {
  #bytes = new Uint8Array(HASH_SIZE * 64);
  length = 0;

  push(hash: Uint8Array): void {
    const offset = this.length * HASH_SIZE;
    if (offset + HASH_SIZE > this.#bytes.length) {
      const grown = new Uint8Array(this.#bytes.length * 2);
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes.set(hash, offset);
    this.length += 1;
  }

  get(index: number): Uint8Array {
    return this.#bytes.slice(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }
}

// Arithmetic rather than bitwise operators: JavaScript bit operations truncate to 32 bits.
function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

/** RFC 9162's k: the largest power of two strictly smaller than n, for n >= 2. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function highestPowerOfTwoAtMost(n: number): number {
  let k = 1;
  while (k * 2 <= n) k *= 2;
  return k;
}

/** log2(n) when n is a power of two, otherwise -1. */
function exactLog2(n: number): number {
  if (n < 1) return -1;
  let level = 0;
  while (2 ** level < n) level += 1;
  return 2 ** level === n ? level : -1;
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function assertCount(n: number, what: string): void {
  if (!isCount(n)) throw new RangeError(`${what} must be a non-negative safe integer, got ${n}`);
}

function isHash(hash: Uint8Array): boolean {
  return hash instanceof Uint8Array && hash.length === HASH_SIZE;
}
