import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Deserializer, Serializer } from 'node:v8';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import * as ledger from '../ledger/service.ts';
import { FacetCounter } from './facets.ts';
import { Ids, NumberKeys } from './ids.ts';
import { KeyOrder } from './key-order.ts';
import { Postings } from './postings.ts';
import * as repo from './repo.ts';
import { SearchIndex } from './search-index.ts';
import { Suggestions } from './suggestions.ts';
import { Vocabulary } from './vocabulary.ts';

/**
 * The search index kept in a file between runs, so that a restart reads it in seconds rather than
 * building it from the database. The file is a cache: one that is missing, damaged, written by other
 * code, of another registry, or of a registry since restored to an earlier state, is passed over and
 * the index built again. Its typed arrays are written and read as they are, beside a V8 serialisation
 * of everything else; the classes of the index get their prototypes back when it is read.
 */

const CLASSES = [SearchIndex, Vocabulary, Postings, Suggestions, Ids, NumberKeys, FacetCounter, KeyOrder];
const MAX_HEADER = 1 << 20;
// What the index holds is read by the products' and producers' repositories: their code counts too.
const SOURCES = [
  new URL('.', import.meta.url),
  new URL('../../domain/', import.meta.url),
  new URL('../products/', import.meta.url),
  new URL('../producers/', import.meta.url),
];

/** Where an index read from a file stands in the registry's events. */
export interface Saved {
  index: SearchIndex;
  /** Every event up to this id is in the index. */
  floor: number;
}

interface Header {
  /** The code that wrote it: a file of other code may lay the index out differently. */
  code: string;
  registry: string;
  floor: number;
  /** The last event up to the floor, as the database had it: another after a restore. */
  mark: string;
  graph: number;
  buffers: number[];
}

/** The file of this registry's index in `dir`. */
export async function fileOf(db: Kysely<DB>, dir: string): Promise<string> {
  const registry = createHash('sha256')
    .update(await repo.registryIdentity(db))
    .digest('hex');
  return join(dir, `search-index-${registry.slice(0, 16)}.bin`);
}

let code: Promise<string> | undefined;
/** A digest of the sources of the index and of the normalisation it applies. */
function codeDigest(): Promise<string> {
  code ??= (async () => {
    const hash = createHash('sha256');
    for (const dir of SOURCES) {
      for (const name of (await readdir(dir)).sort()) {
        if (/\.(ts|js)$/.test(name)) hash.update(name).update(await readFile(new URL(name, dir)));
      }
    }
    return hash.digest('hex');
  })();
  return code;
}

/** Writes the index as of `floor`, replacing the file at once when it is complete. */
export async function write(db: Kysely<DB>, file: string, index: SearchIndex, floor: number): Promise<void> {
  const code = await codeDigest();
  const registry = await repo.registryIdentity(db);
  const mark = await ledger.eventMark(db, floor);
  const { graph, buffers } = serialise(index);
  const header: Header = {
    code,
    registry,
    floor,
    mark,
    graph: graph.byteLength,
    buffers: buffers.map((b) => b.byteLength),
  };
  const head = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.byteLength);
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  const out = await open(partial, 'w', 0o600);
  try {
    for (const part of [length, head, graph, ...buffers.map((b) => new Uint8Array(b))]) await out.write(part);
    await out.sync();
  } catch (err) {
    await out.close();
    await rm(partial, { force: true });
    throw err;
  }
  await out.close();
  await rename(partial, file);
}

/** The index in the file, if the file holds this code's index of this registry as it still stands. */
export async function read(db: Kysely<DB>, file: string): Promise<Saved | null> {
  const input = await open(file, 'r').catch(() => null);
  if (!input) return null;
  try {
    const bytes = async (n: number) => {
      const into = new Uint8Array(new ArrayBuffer(n));
      for (let at = 0; at < n; ) {
        const { bytesRead } = await input.read(into, at, n - at);
        if (!bytesRead) throw new Error('the search index file ends early');
        at += bytesRead;
      }
      return into;
    };
    // Every size is checked against the file's before anything that size is allocated.
    const { size } = await input.stat();
    const length = size < 4 ? 0 : Buffer.from(await bytes(4)).readUInt32LE();
    if (!length || length > MAX_HEADER || 4 + length > size)
      throw new Error('the search index file is damaged');
    const header = JSON.parse(Buffer.from(await bytes(length)).toString()) as Header;
    if (4 + length + header.graph + header.buffers.reduce((sum, n) => sum + n, 0) !== size)
      throw new Error('the search index file is damaged');
    if (
      header.code !== (await codeDigest()) ||
      header.registry !== (await repo.registryIdentity(db)) ||
      header.mark !== (await ledger.eventMark(db, header.floor))
    )
      return null;
    const graph = await bytes(header.graph);
    const buffers = [];
    for (const n of header.buffers) buffers.push((await bytes(n)).buffer);
    return { index: deserialise(graph, buffers), floor: header.floor };
  } finally {
    await input.close();
  }
}

/** A list of texts written as its distinct texts once each and, per place, the number of its text. */
interface PackedTexts {
  list: string[];
  texts: string[];
  refs: Int32Array;
}

/**
 * The index's graph without its array buffers, which are written as they are, and with its lists of
 * texts packed: V8 writes a string at every place it appears, and thousands of products share a name.
 * The lists are emptied while the graph is written, synchronously, and filled again at once.
 */
function serialise(index: SearchIndex) {
  const buffers: ArrayBuffer[] = [];
  const instances: object[] = [];
  const kinds: number[] = [];
  const lists: string[][] = [];
  const seen = new Set<object>();
  const visit = (v: unknown) => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) visit(v.buffer);
    else if (v instanceof ArrayBuffer) buffers.push(v);
    else if (v instanceof Map) {
      for (const [key, value] of v) {
        visit(key);
        visit(value);
      }
    } else if (Array.isArray(v)) {
      if (v.length && v.every((x) => typeof x === 'string')) lists.push(v);
      else for (const x of v) visit(x);
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) {
        const kind = CLASSES.findIndex((c) => c.prototype === proto);
        if (kind < 0) throw new TypeError(`the search index file cannot keep a ${proto?.constructor?.name}`);
        instances.push(v);
        kinds.push(kind);
      }
      for (const x of Object.values(v)) visit(x);
    }
  };
  visit(index);
  const packed = lists.map(pack);
  const serializer = new Serializer();
  serializer.writeHeader();
  for (const [i, b] of buffers.entries()) serializer.transferArrayBuffer(i, b);
  try {
    for (const { list } of packed) list.length = 0;
    serializer.writeValue({ index, instances, kinds, packed });
  } finally {
    for (const p of packed) unpack(p);
  }
  return { graph: serializer.releaseBuffer(), buffers };
}

function pack(list: string[]): PackedTexts {
  const texts: string[] = [];
  const refs = new Int32Array(list.length);
  const numbers = new Map<string, number>();
  for (const [i, text] of list.entries()) {
    let no = numbers.get(text);
    if (no === undefined) {
      no = texts.push(text) - 1;
      numbers.set(text, no);
    }
    refs[i] = no;
  }
  return { list, texts, refs };
}

function unpack({ list, texts, refs }: PackedTexts) {
  list.length = refs.length;
  for (let i = 0; i < refs.length; i++) list[i] = texts[refs[i] as number] as string;
}

function deserialise(graph: Uint8Array, buffers: ArrayBuffer[]): SearchIndex {
  const deserializer = new Deserializer(graph);
  deserializer.readHeader();
  for (const [i, b] of buffers.entries()) deserializer.transferArrayBuffer(i, b);
  const { index, instances, kinds, packed } = deserializer.readValue() as {
    index: SearchIndex;
    instances: object[];
    kinds: number[];
    packed: PackedTexts[];
  };
  for (const [i, o] of instances.entries()) {
    Object.setPrototypeOf(o, (CLASSES[kinds[i] as number] as { prototype: object }).prototype);
  }
  for (const p of packed) unpack(p);
  index.forgetQueries();
  return index;
}
