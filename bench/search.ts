/**
 * Search at national scale: the in-memory index against PostgreSQL full-text search over the same text.
 * Usage: nice tsx bench/search.ts [products=100000]; BENCH_DATABASE_URL=postgres://… adds the SQL baseline.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { normaliseText } from '../src/domain/persian.ts';
import { SearchIndex } from '../src/modules/catalog/search-index.ts';
import { syntheticCatalog } from './synthetic-catalog.ts';

interface BenchQuery {
  class: string;
  q: string;
  filters?: Record<string, string>;
}
const queries: BenchQuery[] = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));
const judged = JSON.parse(readFileSync(new URL('./judgements.json', import.meta.url), 'utf8'));
const N = Number(process.argv[2] ?? 100_000);
const ROUNDS = 3;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (x: number) => x.toFixed(2).padStart(8);

function report(name: string, times: Map<string, number[]>, baseline?: Map<string, number[]>) {
  console.log(
    `\n${name}: p50 / p95 / p99 ms per query class${baseline ? ' (and p95 ratio, SQL ÷ index)' : ''}`,
  );
  const all = [...times.values()].flat();
  for (const [cls, xs] of [...times, ['ALL', all] as const]) {
    const base = cls === 'ALL' ? [...(baseline?.values() ?? [])].flat() : baseline?.get(cls);
    const ratio = base?.length ? `  ×${(percentile(base, 95) / percentile(xs, 95)).toFixed(0)}` : '';
    console.log(
      `${cls.padEnd(12)} ${ms(percentile(xs, 50))} ${ms(percentile(xs, 95))} ${ms(percentile(xs, 99))}${ratio}`,
    );
  }
}

const rssBefore = process.memoryUsage().rss;
let started = performance.now();
const index = new SearchIndex();
const products = [...syntheticCatalog(N)];
const generated = performance.now() - started;
started = performance.now();
for (const p of products) index.upsert(p);
const built = performance.now() - started;
globalThis.gc?.();
console.log(
  `${index.size} products: generated in ${(generated / 1000).toFixed(1)} s, indexed in ${(built / 1000).toFixed(1)} s`,
);
console.log(
  `RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MB more than at start, catalog objects included)`,
);

const indexTimes = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const q of queries) {
    const t = performance.now();
    index.search({ text: q.q, filters: q.filters, limit: 20 });
    if (round > 0) indexTimes.set(q.class, [...(indexTimes.get(q.class) ?? []), performance.now() - t]);
  }
}

if (N >= judged.catalog.products) {
  const hits = judged.judgements.filter((j: { q: string; ref: string }) =>
    index.search({ text: j.q, limit: 3 }).hits.some((h) => h.id === j.ref),
  ).length;
  console.log(
    `relevance: ${hits} of ${judged.judgements.length} judged products in the top 3 (${((100 * hits) / judged.judgements.length).toFixed(1)} %)`,
  );
}

const url = process.env.BENCH_DATABASE_URL;
let sqlTimes: Map<string, number[]> | undefined;
if (url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    'DROP TABLE IF EXISTS bench_search; CREATE TABLE bench_search (no int PRIMARY KEY, chapter text, province text, isic text, band int, doc tsvector)',
  );
  started = performance.now();
  const BATCH = 2000;
  for (let i = 0; i < products.length; i += BATCH) {
    const rows = products.slice(i, i + BATCH);
    const values: unknown[] = [];
    const tuples = rows.map((p, j) => {
      const text = normaliseText(
        [
          p.nameFa,
          p.nameEn,
          p.brand,
          p.model,
          p.producer.nameFa,
          p.producer.nameEn,
          p.descriptionFa,
          p.descriptionEn,
          ...Object.values(p.attributes),
        ].join(' '),
      );
      const va = p.valueAddedPercent;
      values.push(
        i + j,
        p.tariffCode.slice(0, 2),
        p.producer.province,
        p.producer.isic.slice(0, 2),
        va >= 80 ? 1 : va >= 50 ? 2 : va >= 20 ? 3 : 4,
        text,
      );
      const b = j * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, to_tsvector('simple', $${b + 6}))`;
    });
    await client.query(`INSERT INTO bench_search VALUES ${tuples.join(',')}`, values);
  }
  await client.query('CREATE INDEX ON bench_search USING gin (doc); ANALYZE bench_search');
  console.log(
    `PostgreSQL baseline table loaded and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  sqlTimes = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const filters = Object.entries(q.filters ?? {}).map(
        ([k, v]) => [k === 'isicDivision' ? 'isic' : k, v] as const,
      );
      const params: unknown[] = [normaliseText(q.q)];
      const where = filters.map(([k, v]) => {
        params.push(k === 'band' ? 1 : v);
        return ` AND ${k} = $${params.length}`;
      });
      const t = performance.now();
      // The obvious single statement: ranked top 20, the total and the facet counts of every match.
      await client.query(
        `WITH m AS (SELECT no, chapter, province, isic, band, ts_rank(doc, q) AS r FROM bench_search, plainto_tsquery('simple', $1) q WHERE doc @@ q${where.join('')})
         SELECT (SELECT json_agg(t) FROM (SELECT no FROM m ORDER BY r DESC, no LIMIT 20) t) AS top,
                (SELECT count(*) FROM m) AS total,
                (SELECT json_agg(t) FROM (SELECT chapter, count(*) FROM m GROUP BY chapter) t) AS chapters,
                (SELECT json_agg(t) FROM (SELECT province, count(*) FROM m GROUP BY province) t) AS provinces,
                (SELECT json_agg(t) FROM (SELECT isic, count(*) FROM m GROUP BY isic) t) AS divisions,
                (SELECT json_agg(t) FROM (SELECT band, count(*) FROM m GROUP BY band) t) AS bands`,
        params,
      );
      if (round > 0) sqlTimes.set(q.class, [...(sqlTimes.get(q.class) ?? []), performance.now() - t]);
    }
  }
  await client.query('DROP TABLE bench_search');
  await client.end();
  report('PostgreSQL full-text search (baseline)', sqlTimes);
}
report('in-memory index', indexTimes, sqlTimes);
