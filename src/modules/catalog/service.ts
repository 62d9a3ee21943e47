import type { Kysely } from 'kysely';
import type { Ctx, Deps } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { fail } from '../../errors.ts';
import type { Lang } from '../../i18n/index.ts';
import * as ledger from '../ledger/service.ts';
import * as products from '../products/service.ts';
import { EventCursor } from './event-cursor.ts';
import * as indexFile from './index-file.ts';
import { PageItems } from './page-items.ts';
import {
  type After,
  type Filters,
  type IndexedProducer,
  type Query,
  SearchIndex,
  type SortOrder,
} from './search-index.ts';

/**
 * A full collection at the two moments that set the build's peak memory (ADR 0002), where Node was
 * started with --expose-gc, as the launcher starts the server.
 */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

const POLL_MS = 250;
// Keyset pages rather than one cursor: a cursor holds its connection (PGlite's only one) for the
// whole load, and saved little CPU (100 000 products on PostgreSQL: 0.78 s against 0.85 s in pages of
// 5000, 0.96 s in pages of 1000). Small pages die young: at 1 M products the server's RSS when ready
// was 651 MB with pages of 1000, 657 MB with 2000, 791 MB with 5000.
const BATCH = 2000;
const EVENTS_PER_POLL = 1000;
const SUGGESTIONS = 10;
/** The longest search the API takes; the search boxes stop there too. */
export const QUERY_MAX_LENGTH = 200;
/** Products whose public views are kept for the next result page that shows them: 23 MB of heap. */
const PAGE_ITEMS = 10_000;
type Item = Awaited<ReturnType<typeof products.publicByIds>>[number];

interface Catalog {
  index: SearchIndex | null;
  items: PageItems<Item>;
  stopped: boolean;
  timer?: NodeJS.Timeout;
  /** The load or poll under way, awaited before the database closes. */
  work: Promise<void>;
  /** Settles when the first load has ended, loaded or not. */
  loaded: Promise<void>;
}

// One catalog per database handle: every app process follows the registry on its own.
const catalogs = new WeakMap<Kysely<DB>, Catalog>();

/** The index and how far it has followed; the file it is kept in, and the floor it was kept at. */
interface Kept {
  index: SearchIndex;
  cursor: EventCursor;
  file: string | null;
  floor: number;
}

export interface StartOptions {
  pollMs?: number;
  /** Where the index is kept between runs (see index-file.ts); without it, it is built at every start. */
  keepIn?: string;
}

/**
 * Reads the index kept from the last run and catches up with the events since, or loads the public
 * catalog into memory; then follows the registry's events. Returns the stop, which keeps the index.
 */
export function start(deps: Deps, { pollMs = POLL_MS, keepIn }: StartOptions = {}): () => Promise<void> {
  let markLoaded = () => {};
  const catalog: Catalog = {
    index: null,
    items: new PageItems(PAGE_ITEMS, (ids) => products.publicByIds(deps, ids)),
    stopped: false,
    work: Promise.resolve(),
    loaded: new Promise((resolve) => {
      markLoaded = resolve;
    }),
  };
  catalogs.set(deps.db, catalog);
  const poll = (index: SearchIndex, cursor: EventCursor) => {
    if (catalog.stopped) return;
    catalog.work = follow(deps, index, catalog.items, cursor)
      .catch((err) => deps.log.error({ err }, 'search index could not follow the registry'))
      .then(() => {
        if (!catalog.stopped) catalog.timer = setTimeout(() => poll(index, cursor), pollMs);
      });
  };
  let kept: Kept | undefined;
  catalog.work = (async () => {
    const started = performance.now();
    const file = keepIn ? await indexFile.fileOf(deps.db, keepIn).catch(() => null) : null;
    const saved = file ? await readKept(deps, file) : null;
    const cursor = new EventCursor(saved?.floor ?? (await ledger.lastEventId(deps.db)));
    const index = saved?.index ?? (await load(deps));
    // What changed since the file was written is searchable from the first answer.
    if (saved) await follow(deps, index, catalog.items, cursor);
    catalog.index = index;
    markLoaded();
    // What the load left behind goes now: a build's pending postings (120 MB at a million products),
    // which the file's writing would otherwise add to, or the bytes a restart read its file into.
    collectGarbage();
    kept = { index, cursor, file, floor: saved?.floor ?? Number.NaN };
    deps.log.info(
      {
        products: index.size,
        seconds: Math.round(performance.now() - started) / 1000,
        from: saved ? 'file' : 'database',
      },
      'search index ready',
    );
    if (!saved) await keep(deps, kept);
    poll(index, cursor);
  })()
    .catch((err) => deps.log.error({ err }, 'search index failed to load; searching the database instead'))
    .finally(markLoaded);
  return async () => {
    catalog.stopped = true;
    clearTimeout(catalog.timer);
    await catalog.work;
    if (kept && kept.cursor.floor !== kept.floor) await keep(deps, kept);
    // An index that no longer follows the registry no longer answers.
    if (catalogs.get(deps.db) === catalog) catalogs.delete(deps.db);
  };
}

/** Dead slots past this share of a kept index, and it is built anew, which leaves them out. */
const MOST_DEAD = 0.25;

async function readKept(deps: Deps, file: string) {
  try {
    const saved = await indexFile.read(deps.db, file);
    return saved && saved.index.slots - saved.index.size <= MOST_DEAD * saved.index.slots ? saved : null;
  } catch (err) {
    deps.log.warn({ err, file }, 'search index file unreadable; building the index from the database');
    return null;
  }
}

/** Writes the index for the next start, while it does not change: before following, or once stopped. */
async function keep(deps: Deps, kept: Kept) {
  const { file, index, cursor } = kept;
  if (!file) return;
  const started = performance.now();
  try {
    await indexFile.write(deps.db, file, index, cursor.floor);
    kept.floor = cursor.floor;
    deps.log.info({ file, seconds: Math.round(performance.now() - started) / 1000 }, 'search index kept');
  } catch (err) {
    deps.log.warn({ err, file }, 'search index could not be kept for the next start');
  }
}

/** Reads the catalog in batches, the next one asked for while this one is indexed; then lays it out flat. */
async function load(ctx: Ctx): Promise<SearchIndex> {
  const index = new SearchIndex();
  const producers = new Map<string, IndexedProducer>();
  let next = products.indexBatch(ctx, null, BATCH, producers);
  for (;;) {
    const batch = await next;
    const last = batch.at(-1);
    if (batch.length === BATCH && last) next = products.indexBatch(ctx, last, BATCH, producers);
    for (const p of batch) index.upsert(p);
    if (batch.length < BATCH) break;
    // Between batches the event loop answers requests (from the database) while the index grows.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The batches' garbage goes before the flat layout is allocated beside the pending postings.
  collectGarbage();
  index.flush();
  return index;
}

/** Re-reads the products (and the producers' products) that new events touched. */
async function follow(ctx: Ctx, index: SearchIndex, items: PageItems<Item>, cursor: EventCursor) {
  for (;;) {
    const events = await ledger.subjectsAfter(ctx.db, cursor.floor, EVENTS_PER_POLL);
    const fresh = new Set(cursor.fresh(events.map((e) => Number(e.id))));
    const productIds = new Set<string>();
    const producerIds = new Set<string>();
    for (const e of events) {
      if (fresh.has(Number(e.id)))
        (e.subject_kind === 'product' ? productIds : producerIds).add(e.subject_id);
    }
    const current = await products.indexedOf(ctx, [...productIds], [...producerIds]);
    const gone = new Set([...productIds, ...[...producerIds].flatMap((id) => index.productsOf(id))]);
    items.forget(gone);
    for (const p of current) {
      index.upsert(p);
      gone.delete(p.id);
    }
    for (const id of gone) index.remove(id);
    index.flush();
    cursor.advance(Date.now());
    if (events.length < EVENTS_PER_POLL) return;
  }
}

const indexOf = (ctx: Ctx) => catalogs.get(ctx.db)?.index ?? null;

/** Settles when the index has loaded (or failed to): work that can wait for start-up waits for it. */
export const loaded = (ctx: Ctx) => catalogs.get(ctx.db)?.loaded ?? Promise.resolve();

/** Whether search answers from the index (otherwise callers fall back to the database). */
export const isReady = (ctx: Ctx) => indexOf(ctx) !== null;

export interface SearchRequest extends Filters {
  q?: string;
  sort?: SortOrder;
  limit: number;
  cursor?: string;
}

const encodeCursor = (after: After) =>
  Buffer.from(JSON.stringify([after.key, after.no])).toString('base64url');
function decodeCursor(cursor: string): After {
  try {
    const [key, no] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    if ((typeof key === 'number' || typeof key === 'string') && Number.isInteger(no))
      return { key, no: no as number };
  } catch {}
  return fail('validation', { fields: [{ field: 'cursor', key: 'field.invalid' }] });
}

/**
 * A page of public products with facet counts (the values, which the pages and the API name; a
 * producer's with its name in `lang`); or null while the index is still loading, and for a cursor the
 * database's list handed out meanwhile, whose pages go on from the database in its order.
 */
export async function search(ctx: Ctx, r: SearchRequest, lang: Lang = 'fa') {
  const catalog = catalogs.get(ctx.db);
  const index = catalog?.index;
  if (!catalog || !index || (r.cursor && products.isListCursor(r.cursor))) return null;
  const { q, sort, limit, cursor, ...filters } = r;
  const query: Query = {
    text: q,
    filters,
    sort: sort ?? (q ? 'relevance' : 'newest'),
    lang,
    limit,
    after: cursor ? decodeCursor(cursor) : undefined,
  };
  const found = index.search(query);
  const items = await catalog.items.get(found.hits.map((h) => h.id));
  const last = found.hits.at(-1);
  return {
    items,
    total: found.total,
    nextCursor: found.hasMore && last ? encodeCursor(last.after) : null,
    facets: {
      ...found.facets,
      producer: found.facets.producer.map((x) => ({
        ...x,
        name: index.producerName(x.value, lang) ?? x.value,
      })),
    },
  };
}

/** Completions of what was typed (see `SearchIndex.complete`); null while loading. */
export function suggest(ctx: Ctx, typed: string): string[] | null {
  return indexOf(ctx)?.complete(typed, SUGGESTIONS) ?? null;
}

/** What the public listing filters by: the product list's filters, less a unit's own and the queue. */
export type PublicQuery = Omit<products.ListQuery, 'mine' | 'queue'>;

/**
 * A page of approved (or other public) products, searched or not: from the index once it has loaded,
 * whose count of them is exact and free where the database's reads every approved row (0.3 s at a
 * million); until then from the database, which counts no words' matches.
 */
export function list(ctx: Ctx, q: PublicQuery & { q?: undefined }): Promise<CountedPage>;
export function list(ctx: Ctx, q: PublicQuery): Promise<Page>;
export async function list(ctx: Ctx, q: PublicQuery) {
  const { chapter, province, producerId, limit, cursor } = q;
  const found =
    !q.status || q.status === 'approved'
      ? await search(ctx, { q: q.q, chapter, province, producerId, limit, cursor })
      : null;
  return found ?? products.list(ctx, null, q);
}
export type Page = NonNullable<Awaited<ReturnType<typeof search>>> | products.Listing;
export type CountedPage = Page & { total: number };

/**
 * The home page's newest approved products, their count, and the HS chapters and provinces they cover:
 * from the index's facets over the whole catalog once it has loaded, else counted by the database
 * (0.3 s at a million products).
 */
export async function overview(ctx: Ctx, newest: number) {
  const latest = await list(ctx, { limit: newest });
  const cover =
    'facets' in latest
      ? { chapters: latest.facets.chapter.length, provinces: latest.facets.province.length }
      : await products.coverage(ctx);
  return { latest, cover };
}
