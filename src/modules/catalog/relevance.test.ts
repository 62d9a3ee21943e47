import { describe, expect, it } from 'vitest';
import judged from '../../../bench/judgements.json' with { type: 'json' };
import { syntheticCatalog } from '../../../bench/synthetic-catalog.ts';
import { SearchIndex } from './search-index.ts';

describe('relevance of the search index', () => {
  it('puts the judged product in the top three for at least 95 % of the judged queries', () => {
    const index = new SearchIndex();
    for (const p of syntheticCatalog(judged.catalog.products, judged.catalog.units)) index.upsert(p);
    const missed = judged.judgements.filter(
      (j) => !index.search({ text: j.q, limit: 3 }).hits.some((h) => h.id === j.ref),
    );
    expect(missed.length / judged.judgements.length).toBeLessThanOrEqual(0.05);
  });
});
