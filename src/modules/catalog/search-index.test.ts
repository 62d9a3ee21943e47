import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../../bench/synthetic-catalog.ts';
import { searchTokens } from '../../domain/persian.ts';
import { type IndexedProduct, type Query, SearchIndex } from './search-index.ts';

// Big enough that a bulk build lays its postings out flat and adding one by one rebuilds them twice.
const catalog = [...syntheticCatalog(3000, 300)];
const words = [...new Set(catalog.flatMap((p) => searchTokens(`${p.nameFa} ${p.nameEn} ${p.brand}`)))].sort();

const bulk = new SearchIndex();
for (const p of catalog) bulk.upsert(p);
const oneByOne = new SearchIndex();
for (const p of catalog) {
  oneByOne.upsert(p);
  oneByOne.flush();
}

const spelling = fc.oneof(
  fc.constantFrom(...words),
  // Unfinished, or with a letter dropped: prefixes and misspellings.
  fc.tuple(fc.constantFrom(...words), fc.nat()).map(([w, n]) => w.slice(0, 1 + (n % w.length))),
  fc
    .tuple(fc.constantFrom(...words), fc.nat())
    .map(([w, n]) => w.slice(0, n % w.length) + w.slice((n % w.length) + 1)),
);
const query: fc.Arbitrary<Query> = fc.record({
  text: fc.array(spelling, { minLength: 0, maxLength: 3 }).map((ws) => ws.join(' ')),
  filters: fc.record(
    {
      province: fc.constantFrom('IR-04', 'IR-07', 'IR-23'),
      chapter: fc.constantFrom('72', '84', '04'),
      band: fc.constantFrom('80-100', '20-50'),
    },
    { requiredKeys: [] },
  ),
  sort: fc.constantFrom('relevance', 'newest', 'name'),
  limit: fc.integer({ min: 1, max: 30 }),
});

describe('the search index', () => {
  it('answers the same built in bulk as built one product at a time', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(oneByOne.search(q)).toEqual(bulk.search(q));
      }),
      { numRuns: 300 },
    );
  });

  it('after changes and removals, answers as an index built from what is left', () => {
    const pool = catalog.slice(0, 400);
    const step = fc.record({
      at: fc.nat(pool.length - 1),
      remove: fc.boolean(),
      renamed: fc.boolean(),
      flush: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 300 }),
        fc.array(query, { minLength: 5, maxLength: 5 }),
        (steps, qs) => {
          const changed = new SearchIndex();
          const current = new Map<string, IndexedProduct>();
          for (const s of steps) {
            const p = pool[s.at] as IndexedProduct;
            if (s.remove) {
              changed.remove(p.id);
              current.delete(p.id);
            } else {
              const version = s.renamed ? { ...p, nameEn: `${p.nameEn} renamed`, brand: 'Changed' } : p;
              changed.upsert(version);
              current.set(p.id, version);
            }
            if (s.flush) changed.flush();
          }
          // Product numbers follow first appearance, so the rebuilt index meets the products in that order.
          const firstSeen = [
            ...new Set(steps.filter((s) => !s.remove).map((s) => (pool[s.at] as IndexedProduct).id)),
          ];
          const rebuilt = new SearchIndex();
          for (const id of firstSeen) {
            const p = current.get(id);
            if (p) rebuilt.upsert(p);
            else rebuilt.upsert(pool.find((x) => x.id === id) as IndexedProduct);
          }
          for (const id of firstSeen) if (!current.has(id)) rebuilt.remove(id);
          for (const q of qs) {
            // The newest-first order does not depend on scores, which count dead versions until a rebuild.
            const newest = { ...q, sort: 'newest' as const, limit: 500 };
            expect(changed.search(newest)).toEqual(rebuilt.search(newest));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('pages alike in every process, whatever order each met the products in', () => {
    const reversed = new SearchIndex();
    for (const p of [...catalog].reverse()) reversed.upsert(p);
    for (const q of [
      { text: 'steel', sort: 'relevance' },
      { text: '', sort: 'newest' },
      { text: 'ایران', sort: 'name' },
      { text: 'iranian', sort: 'name', lang: 'en' },
    ] as const) {
      const all = bulk.search({ ...q, limit: 100_000 }).hits.map((h) => h.id);
      // Every other page from the other index, with the cursor the one before handed out.
      const paged: string[] = [];
      let after: Query['after'];
      for (let page = 0; page === 0 || after; page++) {
        const found = (page % 2 ? reversed : bulk).search({ ...q, limit: 37, after });
        paged.push(...found.hits.map((h) => h.id));
        after = found.hasMore ? found.hits.at(-1)?.after : undefined;
      }
      expect(all.length, q.text).toBeGreaterThan(100);
      expect(paged, q.text).toEqual(all);
    }
  });

  it('answers the same after thousands of queries, when its per-query marks wrap around', () => {
    const q: Query = { text: 'steel', limit: 10 };
    const before = bulk.search(q);
    for (let i = 0; i < 2500; i++) bulk.search({ text: words[i % words.length], limit: 1 });
    expect(bulk.search(q)).toEqual(before);
  });

  it("finds a producer's live products by its national ID, sorted into the order or added since", () => {
    // Past the size at which the slots are sorted by producer, and then some added and removed.
    const more = [...syntheticCatalog(6000, 150)];
    const index = new SearchIndex();
    for (const p of more.slice(0, 5000)) index.upsert(p);
    index.flush();
    for (const p of more.slice(5000)) index.upsert(p);
    for (const p of more.filter((_, i) => i % 7 === 0)) index.remove(p.id);
    const live = more.filter((_, i) => i % 7 !== 0);
    for (const producer of [more[0], more[4999], more[5999]].map((p) => p?.producer)) {
      if (!producer) throw new Error('no producer');
      const expected = live.filter((p) => p.producer.id === producer.id).map((p) => p.id);
      expect(expected.length).toBeGreaterThan(10);
      const found = index.search({ text: producer.nationalId, limit: 1000 });
      expect(found.hits.map((h) => h.id).sort()).toEqual([...expected].sort());
      expect(index.productsOf(producer.id).sort()).toEqual([...expected].sort());
    }
  });

  it('completes a typed word with words of live products only', () => {
    const index = new SearchIndex();
    const [a, b] = catalog as [IndexedProduct, IndexedProduct];
    index.upsert({ ...a, brand: 'Zanjanite' });
    index.upsert({ ...b, brand: 'Zanjanite Zanjanol' });
    index.flush();
    expect(index.complete('zanj', 10)).toEqual(['zanjanite', 'zanjanol']);
    index.remove(b.id);
    index.flush();
    expect(index.complete('zanj', 10)).toEqual(['zanjanite']);
    index.remove(a.id);
    index.flush();
    expect(index.complete('zanj', 10)).toEqual([]);
  });

  it('completes a word after others only with a word that a live product holds with them all', () => {
    const index = new SearchIndex();
    const [a, b] = catalog as [IndexedProduct, IndexedProduct];
    index.upsert({ ...a, brand: 'Alborz Zanjanite' });
    index.upsert({ ...b, brand: 'Kavir Zanjanol' });
    index.flush();
    expect(index.complete('alborz zanj', 10)).toEqual(['alborz zanjanite']);
    expect(index.complete('Kavir, ZANJ', 10)).toEqual(['Kavir, zanjanol']);
    expect(index.complete('alborz kavir zanj', 10)).toEqual([]);
    expect(index.complete('alborz ', 10)).toEqual([]);
    index.remove(a.id);
    index.flush();
    expect(index.complete('alborz zanj', 10)).toEqual([]);
  });

  it('suggests the names of live products and of producers that have one', () => {
    const index = new SearchIndex();
    const [a, b] = catalog.filter((p) => p.producer.id === catalog[0]?.producer.id) as [
      IndexedProduct,
      IndexedProduct,
    ];
    index.upsert(a);
    index.upsert(b);
    expect(index.suggestions.complete(a.producer.nameEn.slice(0, 6), 10)).toContain(a.producer.nameEn);
    index.remove(a.id);
    expect(index.suggestions.complete(a.producer.nameEn.slice(0, 6), 10)).toContain(a.producer.nameEn);
    index.remove(b.id);
    expect(index.suggestions.complete(a.producer.nameEn.slice(0, 6), 10)).not.toContain(a.producer.nameEn);
    index.upsert({ ...b, producer: { ...b.producer, nameEn: 'Renamed Works' } });
    expect(index.suggestions.complete('renamed', 10)).toEqual(['Renamed Works']);
    expect(index.suggestions.complete(a.producer.nameEn.slice(0, 6), 10)).not.toContain(a.producer.nameEn);
  });
});
