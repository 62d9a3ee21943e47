import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Kysely } from 'kysely';
import type { Ctx, Deps } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { HS_SECTIONS, hsChapterTitle, province } from '../../domain/reference.ts';
import type { VALUE_ADDED_BANDS } from '../../domain/registration.ts';
import { fail } from '../../errors.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { isicDivisionName } from '../../web/format.ts';
import * as products from '../products/service.ts';
import { EventCursor } from './event-cursor.ts';
import * as indexFile from './index-file.ts';
import { PageItems } from './page-items.ts';
import * as repo from './repo.ts';
import {
  type After,
  type Facets,
  type Filters,
  type IndexedProducer,
  type Query,
  SearchIndex,
  type SortOrder,
} from './search-index.ts';

// Full collections at the two moments that set the build's peak memory (ADR 0002).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

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
const BAND_LABELS = {
  '80-100': 'search.band.high',
  '50-80': 'search.band.upper',
  '20-50': 'search.band.lower',
  '0-20': 'search.band.low',
} as const satisfies Record<(typeof VALUE_ADDED_BANDS)[number]['id'], MessageKey>;

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
    catalog.work = follow(deps.db, index, catalog.items, cursor)
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
    const cursor = new EventCursor(saved?.floor ?? (await repo.lastEventId(deps.db)));
    const index = saved?.index ?? (await load(deps.db));
    // What changed since the file was written is searchable from the first answer.
    if (saved) await follow(deps.db, index, catalog.items, cursor);
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
async function load(db: Kysely<DB>): Promise<SearchIndex> {
  const index = new SearchIndex();
  const producers = new Map<string, IndexedProducer>();
  let next = repo.publicBatch(db, null, BATCH, producers);
  for (;;) {
    const batch = await next;
    const last = batch.at(-1);
    if (batch.length === BATCH && last) next = repo.publicBatch(db, last, BATCH, producers);
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
async function follow(db: Kysely<DB>, index: SearchIndex, items: PageItems<Item>, cursor: EventCursor) {
  for (;;) {
    const events = await repo.eventsAfter(db, cursor.floor, EVENTS_PER_POLL);
    const fresh = new Set(cursor.fresh(events.map((e) => Number(e.id))));
    const productIds = new Set<string>();
    const producerIds = new Set<string>();
    for (const e of events) {
      if (fresh.has(Number(e.id)))
        (e.subject_kind === 'product' ? productIds : producerIds).add(e.subject_id);
    }
    const current = await repo.publicOf(db, [...productIds], [...producerIds]);
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
 * A page of public products with facet counts; or null while the index is still loading, and for a
 * cursor the database's list handed out meanwhile, whose pages go on from the database in its order.
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
    facets: labelled(index, found.facets, lang),
  };
}

function labelled(index: SearchIndex, f: Facets, lang: Lang) {
  const label = <T extends { value: string }>(list: T[], name: (value: string) => string | undefined) =>
    list.map((x) => ({ ...x, label: name(x.value) ?? x.value }));
  return {
    section: label(f.section, (s) => sectionName(s, lang)),
    chapter: label(f.chapter, (c) => hsChapterTitle(c, lang)),
    isicDivision: label(f.isicDivision, (d) => isicDivisionName(d, lang)),
    province: label(f.province, (p) => (lang === 'fa' ? province(p)?.nameFa : province(p)?.nameEn)),
    band: label(f.band, (b) => t(lang, BAND_LABELS[b as keyof typeof BAND_LABELS])),
    producer: label(f.producer, (id) => index.producerName(id, lang)),
  };
}

const sectionChapters = new Map(HS_SECTIONS.map((s) => [s.section, s.chapters]));

/** The reference data has no section titles: a section reads as its number and its first chapter's title. */
function sectionName(section: string, lang: Lang): string | undefined {
  const chapters = sectionChapters.get(section);
  if (!chapters?.[0]) return undefined;
  const title = hsChapterTitle(chapters[0], lang);
  const more = chapters.length > 1 ? '…' : '';
  return `${t(lang, 'web.catalog.facet.section')} ${section}${title ? `: ${title}${more}` : ''}`;
}

/** Completions of what was typed (see `SearchIndex.complete`); null while loading. */
export function suggest(ctx: Ctx, typed: string): string[] | null {
  return indexOf(ctx)?.complete(typed, SUGGESTIONS) ?? null;
}
