import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../../bench/synthetic-catalog.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers.ts';
import { searchTokens } from '../../domain/persian.ts';
import * as indexFile from './index-file.ts';
import { type IndexedProduct, type Query, SearchIndex } from './search-index.ts';

const catalog = [...syntheticCatalog(3000, 300)];
const words = [...new Set(catalog.flatMap((p) => searchTokens(`${p.nameFa} ${p.nameEn} ${p.brand}`)))].sort();
const query: fc.Arbitrary<Query> = fc.record({
  text: fc
    .array(
      fc
        .tuple(fc.constantFrom(...words), fc.nat())
        .map(([w, n]) => (n % 3 ? w : w.slice(0, 1 + (n % w.length)))),
      { maxLength: 3 },
    )
    .map((ws) => ws.join(' ')),
  filters: fc.record(
    { province: fc.constantFrom('IR-04', 'IR-07'), band: fc.constantFrom('80-100', '20-50') },
    {
      requiredKeys: [],
    },
  ),
  sort: fc.constantFrom('relevance', 'newest', 'name'),
  limit: fc.integer({ min: 1, max: 30 }),
});

/** Some products renamed and some removed, so the index has tails, dead slots and dropped names. */
function changed(index: SearchIndex, from: number, to: number) {
  for (const p of catalog.slice(from, to)) {
    if (Number.parseInt(p.id.slice(-2), 16) % 3)
      index.upsert({ ...p, nameEn: `${p.nameEn} mark II` } as IndexedProduct);
    else index.remove(p.id);
  }
  index.flush();
}

describe('the search index file', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    dir = mkdtempSync(join(tmpdir(), 'iranmade-index-file-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('gives back an index that answers as the one written, and goes on changing as it would', async () => {
    const written = new SearchIndex();
    for (const p of catalog) written.upsert(p);
    written.flush();
    changed(written, 0, 200);
    written.search({ text: words[0], limit: 5 });
    const file = await indexFile.fileOf(database.db, dir);
    await indexFile.write(database.db, file, written, 0);
    const read = await indexFile.read(database.db, file);
    expect(read?.floor).toBe(0);
    const index = read?.index as SearchIndex;
    expect(index.size).toBe(written.size);
    const sameAnswers = () =>
      fc.assert(
        fc.property(query, (q) => {
          expect(index.search(q)).toEqual(written.search(q));
        }),
        { numRuns: 200 },
      );
    sameAnswers();
    for (const i of [index, written]) changed(i, 150, 900);
    sameAnswers();
    expect(index.suggestions.complete('mark', 10)).toEqual(written.suggestions.complete('mark', 10));
  });

  it('has nothing to give from a file that is not there', async () => {
    expect(await indexFile.read(database.db, join(dir, 'none.bin'))).toBeNull();
  });
});
