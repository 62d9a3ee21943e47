/**
 * The search index alone, in process, without a database or HTTP: figures that hold on a machine
 * shared with other work, because they count this process's CPU time, not the wall clock.
 *
 *   node --expose-gc --import tsx bench/search-index.ts --products 1000000 [--repeat 15]
 *
 * Prints the build's CPU seconds, heap and RSS after a forced collection, per class of
 * bench/queries.json the CPU milliseconds of one query (median of its repetitions), p50 and p95, and
 * of one type-ahead completion as each query is typed, beside the names' lookup alone.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type IndexedProduct, SearchIndex } from '../src/modules/catalog/search-index.ts';
import { syntheticEntries, uuidOf } from './synthetic-catalog.ts';

const { values } = parseArgs({
  options: { products: { type: 'string' }, repeat: { type: 'string' } },
});
const N = Number(values.products ?? 100_000);
const REPEAT = Number(values.repeat ?? 15);
const SLICE = 10_000;

interface BenchQuery {
  class: string;
  q: string;
  filters?: Record<string, string>;
}
const queries: BenchQuery[] = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));
const named: BenchQuery[] = ['steel', 'car', 'سی', 'فولاد', '85', 'pistachio'].map((q) => ({
  class: 'named',
  q,
}));

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

function memory(label: string) {
  gc?.();
  const m = process.memoryUsage();
  console.log(
    `${label}: heap ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}, external ${mb(m.external)}, RSS ${mb(m.rss)}`,
  );
}

memory('before');
const index = new SearchIndex();
let buildMs = 0;
let slice: IndexedProduct[] = [];
const indexSlice = () => {
  const t = process.cpuUsage();
  for (const p of slice) index.upsert(p);
  buildMs += cpuMs(t);
  slice = [];
};
const publicProducts: IndexedProduct[] = [];
for (const e of syntheticEntries(N)) {
  if (!e.isPublic) continue;
  // The registry's ids are UUIDs.
  const p = e.product;
  publicProducts.push({ ...p, id: uuidOf(p.id), producer: { ...p.producer, id: uuidOf(p.producer.id) } });
}
// In the order the server loads them (catalog/repo.ts, publicBatch): products alike side by side.
const byKind = publicProducts
  .splice(0)
  .map((p) => ({ p, kind: `${p.tariffCode.padEnd(10)} ${p.producer.id} ${p.id}` }))
  .sort((a, b) => (a.kind < b.kind ? -1 : 1));
for (const { p } of byKind.splice(0)) {
  slice.push(p);
  if (slice.length === SLICE) indexSlice();
}
indexSlice();
const t = process.cpuUsage();
index.flush();
buildMs += cpuMs(t);
console.log(`${N} products, ${index.size} public: built in ${(buildMs / 1000).toFixed(1)} s of CPU`);
memory('index built');

/** CPU ms of one run of the query: the median of REPEAT runs, after one to warm. */
function measure(q: BenchQuery): { ms: number; total: number } {
  const query = { text: q.q, filters: q.filters, limit: 20 };
  const total = index.search(query).total;
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const u = process.cpuUsage();
    index.search(query);
    times.push(cpuMs(u));
  }
  return { ms: percentile(times, 50), total };
}

for (const q of queries) measure(q);
const byClass = new Map<string, number[]>();
const slowest: { q: BenchQuery; ms: number; total: number }[] = [];
for (const q of queries) {
  const list = byClass.get(q.class) ?? [];
  const m = measure(q);
  list.push(m.ms);
  byClass.set(q.class, list);
  slowest.push({ q, ...m });
}
console.log(`\nCPU ms per query (median of ${REPEAT} runs each), by class`);
console.log(`${'class'.padEnd(11)}    n |    p50    p95    max`);
const all: number[] = [];
for (const [name, xs] of [...byClass].sort()) {
  all.push(...xs);
  const row = [percentile(xs, 50), percentile(xs, 95), Math.max(...xs)].map((x) => x.toFixed(2).padStart(6));
  console.log(`${name.padEnd(11)} ${String(xs.length).padStart(4)} | ${row.join(' ')}`);
}
const row = [percentile(all, 50), percentile(all, 95), Math.max(...all)].map((x) => x.toFixed(2).padStart(6));
console.log(`${'ALL'.padEnd(11)} ${String(all.length).padStart(4)} | ${row.join(' ')}`);
console.log('\nslowest:');
for (const { q, ms, total } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 8))
  console.log(
    `  ${q.class} «${q.q}»${q.filters ? ` ${JSON.stringify(q.filters)}` : ''}: ${total} matches, ${ms.toFixed(2)} ms`,
  );
console.log('');
for (const q of named) {
  const { ms, total } = measure(q);
  console.log(`«${q.q}»: ${total} matches, ${ms.toFixed(2)} ms`);
}
// Type-ahead: every query typed letter by letter, one completion a letter; the names alone (a sorted
// array's range) are its baseline. Typed text after a space is the part that reads posting lists.
const typed = [...new Set(queries.flatMap((q) => Array.from(q.q, (_, i) => q.q.slice(0, i + 1))))];
const completing = (complete: (t: string) => string[]) => (t: string) => {
  complete(t);
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const u = process.cpuUsage();
    complete(t);
    times.push(cpuMs(u));
  }
  return percentile(times, 50);
};
const full = completing((t) => index.complete(t, 10));
const namesOnly = completing((t) => index.suggestions.complete(t, 10));
const afterWords = typed.filter((t) => /\S\s+\S/.test(t.trim()));
console.log(`\ntype-ahead, CPU ms per completion (median of ${REPEAT} runs each)`);
for (const [label, texts] of [
  ['every prefix', typed],
  ['after other words', afterWords],
] as const) {
  const f = texts.map(full);
  const n = texts.map(namesOnly);
  const stats = (xs: number[]) => [50, 95].map((p) => percentile(xs, p).toFixed(3)).join(' / ');
  console.log(
    `  ${label} (${texts.length}): p50 / p95 ${stats(f)}, max ${Math.max(...f).toFixed(3)}; names alone ${stats(n)}`,
  );
}
const slowTyped = afterWords.map((t) => ({ t, ms: full(t) })).sort((a, b) => b.ms - a.ms);
for (const { t, ms } of slowTyped.slice(0, 3))
  console.log(`  «${t}» → ${JSON.stringify(index.complete(t, 10).slice(0, 3))}…: ${ms.toFixed(3)} ms`);
console.log('');

const judged: { judgements: { q: string; ref: string }[] } = JSON.parse(
  readFileSync(new URL('./judgements.json', import.meta.url), 'utf8'),
);
const inTop3 = judged.judgements.filter((j) =>
  index.search({ text: j.q, limit: 3 }).hits.some((h) => h.id === uuidOf(j.ref)),
).length;
console.log(`relevance: ${inTop3} of ${judged.judgements.length} judged products in the top 3`);
memory('after queries');
