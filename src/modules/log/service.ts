import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.ts';
import { parseCheckpoint, signCheckpoint } from '../../domain/tlog/checkpoint.ts';
import { decodeLeaf } from '../../domain/tlog/leaf.ts';
import { consistencyProof, inclusionProof, MemoryTree, rootOf } from '../../domain/tlog/merkle.ts';
import { formatReceipt } from '../../domain/tlog/receipt.ts';
import { fail } from '../../errors.ts';
import * as ledger from '../ledger/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { type LogSigner, loadSigner } from './key.ts';
import { LeafIndex } from './leaf-index.ts';
import * as repo from './repo.ts';

export interface LogDeps {
  db: Kysely<DB>;
  now: () => Date;
  config: { logOrigin: string; logKey?: string; dataDir: string };
  log: Pick<Logger, 'error'>;
}

export const MAX_ENTRIES = 1000;
const LOAD_PAGE = 20_000;
const POLL_MS = 250;

const tooBig = (field: string, max: number) =>
  fail('validation', { fields: [{ field, key: 'field.too_big', params: { max } }] });

/**
 * The log as this process sees it: every leaf hash in a MemoryTree, so that any proof for any past
 * size is a few dozen memory reads, and a LeafIndex to find a leaf by its hash. Both follow the
 * database (the only writer of leaves is the ledger's transaction), and the signer signs each new
 * size once across all processes.
 */
export class TransparencyLog {
  readonly #tree = new MemoryTree();
  readonly #indexOfHash = new LeafIndex((i) => this.#tree.subtreeHash(i, i + 1));
  #pulling: Promise<void> | null = null;
  #signer: LogSigner | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly deps: LogDeps) {}

  get signer(): LogSigner {
    this.#signer ??= loadSigner(this.deps.config);
    return this.#signer;
  }

  get size() {
    return this.#tree.size;
  }

  /** Brings the tree up to the committed leaves; concurrent callers share one pull. */
  sync(): Promise<void> {
    this.#pulling ??= this.#pull().finally(() => {
      this.#pulling = null;
    });
    return this.#pulling;
  }

  async #pull() {
    for (;;) {
      const from = this.#tree.size;
      const rows = await ledger.leafHashes(this.deps.db, from, from + LOAD_PAGE);
      for (const row of rows) {
        // Indexes are claimed under a row lock and committed in order; a hole can only be a commit not yet visible.
        if (row.idx !== this.#tree.size) return;
        this.#tree.append(row.hash);
        this.#indexOfHash.add(row.hash, row.idx);
      }
      if (rows.length < LOAD_PAGE) return;
    }
  }

  /** Signs a checkpoint for the current size unless one of that size (or larger) is stored already. */
  async signPending(): Promise<number | null> {
    await this.sync();
    const size = this.#tree.size;
    const latest = await repo.latestCheckpoint(this.deps.db);
    if (latest && latest.size >= size) return null;
    const { name, privateKey } = this.signer;
    const note = signCheckpoint(
      { origin: this.deps.config.logOrigin, size, root: rootOf(size, this.#tree) },
      name,
      privateKey,
    );
    await repo.insertCheckpoint(this.deps.db, size, note, this.deps.now());
    return size;
  }

  /** Follows new leaves and signs them, every quarter second, until stop(). */
  start() {
    if (this.#timer) return;
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        await this.signPending();
      } catch (err) {
        this.deps.log.error({ err }, 'transparency log: signing failed');
      } finally {
        busy = false;
      }
    };
    void tick();
    this.#timer = setInterval(tick, POLL_MS);
    this.#timer.unref();
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async latest() {
    const row = (await repo.latestCheckpoint(this.deps.db)) ?? fail('not_found');
    return { note: row.note, checkpoint: parseCheckpoint(noteText(row.note)) };
  }

  async checkpoint(size: number) {
    return (await repo.checkpointOfSize(this.deps.db, size)) ?? fail('not_found');
  }

  async entries(start: number, end: number) {
    const rows = await ledger.leaves(this.deps.db, start, Math.min(end, start + MAX_ENTRIES));
    return rows.map((r) => ({ index: r.idx, leaf: r.leaf, event: decodeLeaf(r.leaf) }));
  }

  async inclusion(index: number, treeSize: number) {
    await this.#reach(treeSize, 'treeSize');
    if (index >= treeSize) tooBig('index', treeSize - 1);
    return inclusionProof(index, treeSize, this.#tree);
  }

  async inclusionByHash(hash: Uint8Array, treeSize: number) {
    await this.#reach(treeSize, 'treeSize');
    const index = this.#indexOfHash.indexOf(hash);
    if (index === null || index >= treeSize) return fail('not_found');
    return { index, hashes: inclusionProof(index, treeSize, this.#tree) };
  }

  async consistency(first: number, second: number) {
    await this.#reach(second, 'second');
    if (first > second) tooBig('first', second);
    return consistencyProof(first, second, this.#tree);
  }

  /** A receipt for one entry against the latest signed checkpoint: enough to check it offline. */
  async receipt(index: number) {
    const { note, checkpoint } = await this.latest();
    if (index >= checkpoint.size) fail('not_found');
    await this.#reach(checkpoint.size, 'index');
    const leaf = (await ledger.leafAt(this.deps.db, index)) ?? fail('not_found');
    return formatReceipt({
      index,
      leaf,
      proof: inclusionProof(index, checkpoint.size, this.#tree),
      checkpointNote: note,
    });
  }

  async #reach(size: number, field: string) {
    if (size > this.#tree.size) await this.sync();
    if (size > this.#tree.size) tooBig(field, this.#tree.size);
  }
}

/** The checkpoint text of a signed note: everything before the blank line that starts the signatures. */
const noteText = (note: string) => note.slice(0, note.lastIndexOf('\n\n') + 1);

const logs = new WeakMap<Kysely<DB>, TransparencyLog>();

/** One log view per database connection, shared by the API, the pages and the signer of a process. */
export function logOf(deps: LogDeps): TransparencyLog {
  let log = logs.get(deps.db);
  if (!log) {
    log = new TransparencyLog(deps);
    logs.set(deps.db, log);
  }
  return log;
}

/** Of the subjects these leaves name, the ids of those whose pages the public may open now. */
export async function publicSubjects(
  db: Kysely<DB>,
  subjects: readonly { kind: 'producer' | 'product'; id: string }[],
): Promise<Set<string>> {
  const of = (kind: 'producer' | 'product') => subjects.filter((s) => s.kind === kind).map((s) => s.id);
  const [units, goods] = await Promise.all([
    producers.publicAmong(db, of('producer')),
    products.publicAmong(db, of('product')),
  ]);
  return new Set([...units, ...goods]);
}
