// Search at national scale through HTTP against plain PostgreSQL full-text search: nice npx tsx bench/search.ts [--products N]
/**
 * One run measures, on a synthetic registry of N products (by the demo data's rules, about 82 % public):
 *  - the index build: the real server (`iranmade serve`, a child process) is started on the loaded
 *    database; seconds until its index is ready, searches answered from the database meanwhile, RSS;
 *  - p50/p95/p99 per query class of bench/queries.json through HTTP, one request at a time, beside the
 *    plain single statement (GIN full-text search, ts_rank top 20, total and GROUP BY facet counts) run
 *    raw on the same database, twice: on a table of its own with the facets stored beside each document,
 *    and over the registry's tables; and the ratios;
 *  - type-ahead (`/api/v1/search/suggest`) as each query of a few classes is typed letter by letter;
 *  - searches per second from concurrent clients, with the errors;
 *  - relevance: the share of bench/judgements.json whose product is in the top 3, through HTTP;
 *  - a restart on the same data folder: seconds until the index read from the file it kept is ready,
 *    whether every query of the mix answers as before, RSS.
 *
 * Runs on BENCH_DATABASE_URL (a throwaway schema, dropped after), else on PGlite in a temp folder.
 *   nice npx tsx bench/search.ts [--products 100000] [--clients 50] [--seconds 20] [--rounds 11]
 * The server runs with TRUST_PROXY=true and each request names its own client address, as requests
 * from many people behind a load balancer do; otherwise the per-address rate limit would answer 429.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { type Database, openDatabase, schemaUrl } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrator.ts';
import type { DB } from '../src/db/schema.ts';
import { normaliseText } from '../src/domain/persian.ts';
import { VALUE_ADDED_BANDS } from '../src/domain/registration.ts';
import { commandPid, launch, memoryOf } from './launch.ts';
import { type SyntheticEntry, syntheticEntries, uuidOf } from './synthetic-catalog.ts';

const { values } = parseArgs({
  options: {
    products: { type: 'string' },
    clients: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    schema: { type: 'string' },
    keep: { type: 'boolean' },
  },
});
const N = Number(values.products ?? 100_000);
const CLIENTS = Number(values.clients ?? 50);
const SECONDS = Number(values.seconds ?? 20);
/**
 * Rounds of the query mix through HTTP; the first warms up and is not counted. Ten counted rounds give
 * a class of 20 queries 200 times, so its p99 is not simply its slowest request (a round takes a second
 * or two).
 */
const ROUNDS = Number(values.rounds ?? 11);
const BATCH = 5000;
const ROOT = new URL('..', import.meta.url).pathname;

interface BenchQuery {
  class: string;
  q: string;
  filters?: Record<string, string>;
}
const queries: BenchQuery[] = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));
const judged: { judgements: { q: string; ref: string }[] } = JSON.parse(
  readFileSync(new URL('./judgements.json', import.meta.url), 'utf8'),
);
const judgedRefs = new Set(judged.judgements.map((j) => j.ref));

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * A throwaway schema (or PGlite folder), dropped after the run; `--keep` keeps a schema loaded and
 * `--schema` measures one kept earlier, skipping the load, which takes minutes at a million products.
 */
async function open(): Promise<{
  database: Database;
  loaded: boolean;
  server: Record<string, string>;
  cleanup: () => Promise<void>;
}> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const schema = values.schema ?? `bench_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ url });
    if (!values.schema) await admin.exec(`CREATE SCHEMA ${schema}`);
    const database = await openDatabase({ url, schema });
    const serverUrl = schemaUrl(url, schema);
    return {
      database,
      loaded: Boolean(values.schema),
      server: { DATABASE_URL: serverUrl },
      cleanup: async () => {
        if (values.keep) console.log(`schema ${schema} kept`);
        else await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-bench-search-'));
  const database = await openDatabase({ dataDir: dir, durable: false });
  return {
    database,
    loaded: false,
    server: { DATABASE_URL: '', DATA_DIR: dir },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const bandNo = (percent: number) => VALUE_ADDED_BANDS.findIndex((b) => percent >= b.min) + 1;

/** The registry's tables filled directly (not through the services), and the baseline's table. */
async function load(db: Kysely<DB>): Promise<{ products: number; public: number; producers: number }> {
  const owner = uuidOf('bench-owner');
  await sql`INSERT INTO users (id, email, password_hash, name, role)
    VALUES (${owner}, 'bench@example.ir', '-', 'bench', 'producer')`.execute(db);
  await sql`CREATE TABLE bench_search (no int PRIMARY KEY, id uuid, chapter text, province text,
    isic text, band int, producer uuid, doc tsvector)`.execute(db);
  const seen = new Set<string>();
  const counts = { products: 0, public: 0, producers: 0 };
  let batch: SyntheticEntry[] = [];
  const flush = async () => {
    const units = batch.map((e) => e.unit).filter((u) => !seen.has(u.ref) && seen.add(u.ref));
    counts.producers += units.length;
    if (units.length)
      await sql`INSERT INTO producers (id, owner_id, status, version, national_id, name_fa, name_en, province,
          city, isic, licence_no, created_at, updated_at, approved_at)
        SELECT id, ${owner}, 'approved', 1, nid, fa, en, province, city, isic, licence, now(), now(), now()
        FROM unnest(${units.map((u) => uuidOf(u.ref))}::uuid[], ${units.map((u) => u.nationalId)}::text[],
          ${units.map((u) => u.nameFa)}::text[], ${units.map((u) => u.nameEn)}::text[],
          ${units.map((u) => u.province)}::text[], ${units.map((u) => u.city)}::text[],
          ${units.map((u) => u.isic)}::text[], ${units.map((u) => u.licenceNo)}::text[])
          AS t(id, nid, fa, en, province, city, isic, licence)`.execute(db);
    const col = <T>(f: (e: SyntheticEntry) => T) => batch.map(f);
    const at = (e: SyntheticEntry) => (e.isPublic ? new Date(e.product.registeredAt).toISOString() : null);
    await sql`INSERT INTO products (id, producer_id, status, version, registration_number, registered_at,
        valid_until, name_fa, name_en, description_fa, description_en, tariff_code, brand, model, gtin, unit,
        annual_capacity, ex_works_price, imported_inputs_cost, value_added_percent, export_markets, attributes,
        created_at, updated_at)
      SELECT id, producer, status, 1, number, registered, registered + interval '3 years', fa, en, dfa, den,
        tariff, brand, model, gtin, unit, capacity, price, imported, va, string_to_array(markets, ','),
        attributes::jsonb, now(), now()
      FROM unnest(${col((e) => uuidOf(e.product.id))}::uuid[], ${col((e) => uuidOf(e.unit.ref))}::uuid[],
        ${col((e) => (e.isPublic ? 'approved' : e.demo.targetState))}::text[],
        ${col((e) => (e.isPublic ? e.product.registrationNumber : null))}::text[], ${col(at)}::timestamptz[],
        ${col((e) => e.product.nameFa)}::text[], ${col((e) => e.product.nameEn)}::text[],
        ${col((e) => e.product.descriptionFa)}::text[], ${col((e) => e.product.descriptionEn)}::text[],
        ${col((e) => e.product.tariffCode)}::text[], ${col((e) => e.product.brand)}::text[],
        ${col((e) => e.product.model)}::text[], ${col((e) => e.product.gtin)}::text[],
        ${col((e) => e.demo.unit)}::text[], ${col((e) => e.demo.annualCapacity)}::numeric[],
        ${col((e) => e.demo.exWorksPrice)}::numeric[], ${col((e) => e.demo.importedInputsCost)}::numeric[],
        ${col((e) => Math.round(e.product.valueAddedPercent * 100) / 100)}::numeric[],
        ${col((e) => e.demo.exportMarkets.join(','))}::text[], ${col((e) => JSON.stringify(e.demo.attributes))}::text[])
        AS t(id, producer, status, number, registered, fa, en, dfa, den, tariff, brand, model, gtin, unit,
          capacity, price, imported, va, markets, attributes)`.execute(db);
    const visible = batch.filter((e) => e.isPublic);
    const first = counts.public;
    counts.products += batch.length;
    counts.public += visible.length;
    const p = (e: SyntheticEntry) => e.product;
    if (visible.length)
      await sql`INSERT INTO bench_search
        SELECT no, id, chapter, province, isic, band, producer, to_tsvector('simple', doc)
        FROM unnest(${visible.map((_, i) => first + i)}::int[], ${visible.map((e) => uuidOf(p(e).id))}::uuid[],
          ${visible.map((e) => p(e).tariffCode.slice(0, 2))}::text[], ${visible.map((e) => p(e).producer.province)}::text[],
          ${visible.map((e) => p(e).producer.isic.slice(0, 2))}::text[],
          ${visible.map((e) => bandNo(p(e).valueAddedPercent))}::int[], ${visible.map((e) => uuidOf(e.unit.ref))}::uuid[],
          ${visible.map((e) => normaliseText([p(e).nameFa, p(e).nameEn, p(e).brand, p(e).model, p(e).producer.nameFa, p(e).producer.nameEn, p(e).descriptionFa, p(e).descriptionEn, p(e).attributeText].join(' ')))}::text[])
          AS t(no, id, chapter, province, isic, band, producer, doc)`.execute(db);
    batch = [];
  };
  for (const entry of syntheticEntries(N)) {
    // A judged product is public, so that it can be found.
    if (judgedRefs.has(entry.product.id)) entry.isPublic = true;
    batch.push(entry);
    if (batch.length === BATCH) await flush();
    if (counts.products % 100_000 === 0 && batch.length === 0)
      process.stderr.write(`\rloaded ${counts.products}`);
  }
  await flush();
  process.stderr.write('\n');
  await sql`CREATE INDEX ON bench_search USING gin (doc)`.execute(db);
  // As autovacuum leaves a registry that grew over years: statistics, and every row's visibility
  // settled, so that neither the baselines nor the index's build are the first to read a fresh row.
  await sql`VACUUM ANALYZE`.execute(db);
  return counts;
}

async function countsOf(db: Kysely<DB>) {
  const { rows } = await sql<{ products: number; public: number; producers: number }>`SELECT
    (SELECT count(*)::int FROM products) AS products,
    (SELECT count(*)::int FROM products WHERE status = 'approved') AS public,
    (SELECT count(*)::int FROM producers) AS producers`.execute(db);
  return rows[0] as { products: number; public: number; producers: number };
}

/**
 * Where a baseline reads a match's ranking document and its facets. `narrow`: a table of its own with
 * the facets stored beside the document, the statement at its fastest; `registry`: the registry's own
 * tables, the document kept beside each product and the facets read from products and producers, as
 * an app with no search table of its own would run it.
 */
const band = sql.raw(
  `CASE ${VALUE_ADDED_BANDS.map((b, i) => `WHEN p.value_added_percent >= ${b.min} THEN ${i + 1}`).join(' ')} END`,
);
const baselines = {
  narrow: {
    from: sql`bench_search d`,
    where: sql``,
    no: sql`d.no`,
    chapter: sql`d.chapter`,
    province: sql`d.province`,
    isic: sql`d.isic`,
    band: sql`d.band`,
    producer: sql`d.producer`,
  },
  registry: {
    from: sql`bench_search d JOIN products p ON p.id = d.id JOIN producers u ON u.id = p.producer_id`,
    where: sql` AND p.status = 'approved'`,
    no: sql`p.id`,
    chapter: sql`left(p.tariff_code, 2)`,
    province: sql`u.province`,
    isic: sql`left(u.isic, 2)`,
    band,
    producer: sql`p.producer_id`,
  },
};
type Baseline = keyof typeof baselines;

/** The obvious single statement: ranked top 20, the total and the facet counts of every match. */
function baselineQuery(db: Kysely<DB>, q: BenchQuery, source: Baseline) {
  const b = baselines[source];
  const filters = Object.entries(q.filters ?? {}).map(([k, v]) => {
    if (k === 'band') return sql` AND ${b.band} = ${VALUE_ADDED_BANDS.findIndex((x) => x.id === v) + 1}`;
    return sql` AND ${k === 'isicDivision' ? b.isic : b[k as 'chapter' | 'province']} = ${v}`;
  });
  return sql`WITH m AS (
      SELECT ${b.no} AS no, ${b.chapter} AS chapter, ${b.province} AS province, ${b.isic} AS isic,
        ${b.band} AS band, ${b.producer} AS producer, ts_rank(d.doc, q) AS r
      FROM ${b.from}, plainto_tsquery('simple', ${normaliseText(q.q)}) q
      WHERE d.doc @@ q${b.where}${sql.join(filters, sql``)})
    SELECT (SELECT json_agg(t) FROM (SELECT no FROM m ORDER BY r DESC, no LIMIT 20) t) AS top,
      (SELECT count(*) FROM m) AS total,
      (SELECT json_agg(t) FROM (SELECT chapter, count(*) FROM m GROUP BY chapter) t) AS chapters,
      (SELECT json_agg(t) FROM (SELECT province, count(*) FROM m GROUP BY province) t) AS provinces,
      (SELECT json_agg(t) FROM (SELECT isic, count(*) FROM m GROUP BY isic) t) AS divisions,
      (SELECT json_agg(t) FROM (SELECT band, count(*) FROM m GROUP BY band) t) AS bands,
      (SELECT json_agg(t) FROM (SELECT producer, count(*) AS n FROM m GROUP BY producer ORDER BY n DESC LIMIT 20) t) AS producers`.execute(
    db,
  );
}

/** Each query once to warm up, then once timed. */
async function baseline(db: Kysely<DB>, source: Baseline): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>();
  for (const q of queries) await baselineQuery(db, q, source);
  for (const q of queries) {
    const t = performance.now();
    await baselineQuery(db, q, source);
    times.set(q.class, [...(times.get(q.class) ?? []), performance.now() - t]);
  }
  return times;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The server's resident and peak memory, from the kernel. */
function memory(pid: number) {
  return memoryOf(pid) ?? { rss: Number.NaN, peak: Number.NaN };
}

let requestNo = 0;
// node:http with kept-alive connections rather than fetch: on this kind of machine fetch added about
// 0.3 ms to a request's median and 1 ms to its p95 in the bench's own process (ADR 0002).
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
/** One request, from an address of its own; the time includes reading the whole answer. */
function get(base: string, path: string): Promise<{ status: number; ms: number; body: string }> {
  const n = ++requestNo;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = {
      'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      'accept-language': 'fa',
    };
    request(base + path, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body });
      });
    })
      .on('error', reject)
      .end();
  });
}

const searchPath = (q: BenchQuery, limit = 20) =>
  `/api/v1/search?${new URLSearchParams({ q: q.q, ...q.filters, limit: String(limit) })}`;

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const spawnedAt = Date.now();
  // The server logs to a file, as in production; a pipe the bench drains would slow its writes.
  const logDir = mkdtempSync(join(tmpdir(), 'iranmade-bench-search-server-'));
  const logFile = join(logDir, 'server.log');
  const child = launch(['serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      IRANMADE_DEMO: 'off',
      // The day's open-data snapshot, minutes of work at a million products, is measured by export.ts.
      IRANMADE_SNAPSHOTS: 'off',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
  });
  const logged = (msg: string) =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .find((line) => line.includes(`"msg":"${msg}"`));
  const built = () => {
    const line = logged('search index ready');
    return line ? (JSON.parse(line) as { seconds: number; time: number; from: string }) : null;
  };
  const exited = new Promise((resolve) => child.once('exit', resolve));
  while (!logged('iranmade is ready')) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server stopped while starting (${child.exitCode ?? child.signalCode})`);
    await sleep(50);
  }
  const base = `http://127.0.0.1:${port}`;
  // While the index builds, the database answers (without facets).
  const during = { answered: 0, failed: 0, ms: [] as number[] };
  let ready = built();
  for (; !ready; ready = built()) {
    const r = await get(base, searchPath({ class: '', q: 'فولاد' }));
    if (r.status === 200 && JSON.parse(r.body).facets === null) {
      during.answered++;
      during.ms.push(r.ms);
    } else if (r.status !== 200) during.failed++;
    await sleep(250);
  }
  return {
    base,
    pid: commandPid(child) as number,
    built: ready.seconds,
    from: ready.from,
    readyAfter: (ready.time - spawnedAt) / 1000,
    during,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      const errors = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"level":50'));
      for (const line of errors.slice(0, 5)) console.error(line);
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}

async function latencies(base: string, rounds: number) {
  const times = new Map<string, number[]>();
  const first: number[] = [];
  let errors = 0;
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const r = await get(base, searchPath(q));
      if (r.status !== 200) errors++;
      if (round > 0) times.set(q.class, [...(times.get(q.class) ?? []), r.ms]);
      else first.push(r.ms);
    }
  }
  return { times, first, errors };
}

/** Each query of these classes typed letter by letter, one suggestion request per letter. */
async function typeAhead(base: string) {
  const typed = queries
    .filter((q) => ['narrow-fa', 'narrow-en', 'prefix', 'variant'].includes(q.class))
    .flatMap((q) => Array.from({ length: Math.min(q.q.length, 16) }, (_, i) => q.q.slice(0, i + 1)));
  const ms: number[] = [];
  let errors = 0;
  for (let round = 0; round < 2; round++) {
    for (const t of typed) {
      const r = await get(base, `/api/v1/search/suggest?${new URLSearchParams({ q: t })}`);
      if (r.status !== 200) errors++;
      if (round > 0) ms.push(r.ms);
    }
  }
  return { ms, errors };
}

/** `clients` clients, each sending its next search as soon as the last is answered. */
async function throughput(base: string, clients: number, forSeconds: number) {
  const until = performance.now() + forSeconds * 1000;
  let next = 0;
  let ok = 0;
  let errors = 0;
  const ms: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const q = queries[next++ % queries.length] as BenchQuery;
        try {
          const r = await get(base, searchPath(q));
          if (r.status === 200) ok++;
          else errors++;
          ms.push(r.ms);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { ok, errors, rate: ok / seconds(started), ms };
}

/** The ids each query of the mix answers, one text per query. */
async function answers(base: string) {
  const out: string[] = [];
  for (const q of queries) {
    const r = await get(base, searchPath(q));
    out.push((JSON.parse(r.body).items as { id: string }[]).map((p) => p.id).join());
  }
  return out;
}

async function relevance(base: string) {
  let hits = 0;
  for (const j of judged.judgements) {
    const r = await get(base, searchPath({ class: '', q: j.q }, 3));
    const ids = (JSON.parse(r.body).items as { id: string }[]).map((p) => p.id);
    if (ids.includes(uuidOf(j.ref))) hits++;
  }
  return hits;
}

const { database, loaded, server: serverEnv, cleanup } = await open();
let started = performance.now();
await migrate(database);
const counts = loaded ? await countsOf(database.db) : await load(database.db);
console.log(
  `${database.kind}: ${counts.products} products (${counts.public} public) of ${counts.producers} producers` +
    (loaded ? ', loaded before' : ` loaded in ${f1(seconds(started))} s`),
);
const sqlTimes = {} as Record<Baseline, Map<string, number[]>>;
for (const source of Object.keys(baselines) as Baseline[]) {
  started = performance.now();
  sqlTimes[source] = await baseline(database.db, source);
  console.log(`${source} baseline: ${queries.length} queries, warm, in ${f1(seconds(started))} s`);
}
await database.close();

// The server keeps its index in its data folder between runs: a restart below reads it from there.
const dataDir = mkdtempSync(join(tmpdir(), 'iranmade-bench-search-data-'));
const server = await startServer({ DATA_DIR: dataDir, ...serverEnv });
let mix: string[] = [];
try {
  const afterBuild = memory(server.pid);
  const d = server.during;
  console.log(
    `index ready ${f1(server.readyAfter)} s after the server started (built from the ${server.from} in ${f1(server.built)} s by its log); ` +
      `meanwhile ${d.answered} searches answered from the database (median ${f1(percentile(d.ms, 50))} ms), ${d.failed} failed`,
  );
  mix = await answers(server.base);
  const http = await latencies(server.base, ROUNDS);
  const suggest = await typeAhead(server.base);
  const hits = await relevance(server.base);
  const afterQueries = memory(server.pid);
  const load = await throughput(server.base, CLIENTS, SECONDS);
  const end = memory(server.pid);

  console.log(
    `\nper query class through HTTP (${ROUNDS - 1} rounds) and the SQL baselines (narrow: a search table of its own; ` +
      "registry: the same statement over the registry's tables), ms; ratio = SQL ÷ HTTP",
  );
  console.log(
    `${'class'.padEnd(11)}    n |  HTTP p50    p95    p99 |` +
      ' narrow p50     p95     p99  ×p50  ×p95 |  regis. p50     p95     p99  ×p50  ×p95',
  );
  const sources = Object.keys(baselines) as Baseline[];
  const all = [...http.times.values()].flat();
  for (const [cls, xs] of [...http.times, ['ALL', all] as const]) {
    const [h50, h95, h99] = [50, 95, 99].map((p) => percentile(xs, p)) as [number, number, number];
    const columns = sources.map((source) => {
      const base = cls === 'ALL' ? [...sqlTimes[source].values()].flat() : (sqlTimes[source].get(cls) ?? []);
      const [s50, s95, s99] = [50, 95, 99].map((p) => percentile(base, p)) as [number, number, number];
      return ` ${f1(s50).padStart(10)} ${f1(s95).padStart(7)} ${f1(s99).padStart(7)} ${f1(s50 / h50).padStart(5)} ${f1(s95 / h95).padStart(5)} |`;
    });
    console.log(
      `${cls.padEnd(11)} ${String(xs.length).padStart(4)} | ${f2(h50).padStart(8)} ${f2(h95).padStart(6)} ${f2(h99).padStart(6)} |${columns.join('')}`,
    );
  }
  console.log(
    `first round, before the result pages' products were kept in memory: p50 ${f2(percentile(http.first, 50))} ` +
      `p95 ${f2(percentile(http.first, 95))} p99 ${f2(percentile(http.first, 99))} ms`,
  );
  console.log(`HTTP errors: ${http.errors}`);
  console.log(
    `type-ahead: ${suggest.ms.length} requests, p50 ${f2(percentile(suggest.ms, 50))} p95 ${f2(percentile(suggest.ms, 95))} p99 ${f2(percentile(suggest.ms, 99))} ms, ${suggest.errors} errors`,
  );
  console.log(
    `throughput: ${CLIENTS} clients for ${SECONDS} s: ${load.ok} searches, ${f1(load.rate)}/s, ${load.errors} errors; ` +
      `latency under load p50 ${f1(percentile(load.ms, 50))} p95 ${f1(percentile(load.ms, 95))} p99 ${f1(percentile(load.ms, 99))} ms`,
  );
  console.log(
    `relevance: ${hits} of ${judged.judgements.length} judged products in the top 3 (${f1((100 * hits) / judged.judgements.length)} %)`,
  );
  console.log(
    `server RSS: ${mb(afterBuild.rss)} when the index was ready, ${mb(afterQueries.rss)} after the query rounds, ` +
      `${mb(end.rss)} after the load; peak ${mb(end.peak)}`,
  );
} finally {
  await server.stop();
}

const restarted = await startServer({ DATA_DIR: dataDir, ...serverEnv });
try {
  const atReady = memory(restarted.pid);
  const same = (await answers(restarted.base)).filter((ids, i) => ids === mix[i]).length;
  await latencies(restarted.base, 1);
  const settled = memory(restarted.pid);
  console.log(
    `restart: index ready ${f1(restarted.readyAfter)} s after the server started (read from the ${restarted.from} ` +
      `in ${f1(restarted.built)} s by its log); the same answers to ${same} of ${mix.length} queries; ` +
      `RSS ${mb(atReady.rss)} when ready, ${mb(settled.rss)} after a round of queries`,
  );
} finally {
  await restarted.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await cleanup();
}
