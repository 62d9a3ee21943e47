/**
 * The transparency log's costs, measured in one run:
 *  1. reviewer decisions per second through the products service (suspend and reinstate, round-robin
 *     over many approved products), with the log leaf appended in the same transaction and without it
 *     (the same service calls on a second database whose `log_append` writes the event alone),
 *     alternating one by one so that the load of a shared machine hits both alike; the medians of the
 *     rounds' rates are quoted.
 *     The goal of the ratio (with / without) is ≥ 0.8. Measured on a new log and again at the end,
 *     with the log at 1,000,000 leaves;
 *  2. proof latency through the HTTP app at 1,000,000 leaves (goal p95 ≤ 5 ms), beside the bare
 *     in-memory proof computation as baseline, and the time to load the tree at start;
 *  3. storage per leaf: pg_total_relation_size('log_leaves') / count, indexes included.
 *
 * Runs on a PGlite data dir in the temp folder, or on BENCH_DATABASE_URL (a throwaway schema).
 *   nice npx tsx bench/log.ts [--rounds 9] [--round 200] [--products 100] [--leaves 1000000]
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import type { Ctx, User } from '../src/context.ts';
import { type Database, openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrator.ts';
import { inclusionProof, MemoryTree } from '../src/domain/tlog/merkle.ts';
import { signerKey } from '../src/domain/tlog/note.ts';
import { createUser, ensureAdmin, signup } from '../src/modules/accounts/service.ts';
import { logOf } from '../src/modules/log/service.ts';
import * as producers from '../src/modules/producers/service.ts';
import * as products from '../src/modules/products/service.ts';
import { buildApp } from '../src/server.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    round: { type: 'string' },
    products: { type: 'string' },
    leaves: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds ?? 9);
const PER_ROUND = Number(values.round ?? 200);
const PRODUCTS = Number(values.products ?? 100);
const LEAVES = Number(values.leaves ?? 1_000_000);
const PROOFS = 2000;

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const median = (xs: number[]) => percentile(xs, 0.5);
const ms = (x: number) => Math.round(x * 1000) / 1000;

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ url });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const database = await openDatabase({ url, schema });
    return {
      database,
      cleanup: async () => {
        await database.close();
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-bench-log-'));
  const database = await openDatabase({ dataDir: dir, durable: false });
  return {
    database,
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const unitFields = {
  nationalId: '10380284790',
  nameFa: 'فولاد سپاهان نمونه',
  nameEn: 'Sepahan Sample Steel',
  province: 'IR-04',
  city: 'اصفهان',
  isic: '2410',
  licenceNo: '123/45678',
  address: null,
  phone: null,
  website: null,
};
const productFields = (i: number) => ({
  nameFa: `میلگرد آجدار A3 قطر ${i}`,
  nameEn: `Deformed rebar A3, ${i} mm`,
  descriptionFa: 'میلگرد آجدار فولادی مطابق استاندارد ملی ۳۱۳۲.',
  descriptionEn: 'Hot-rolled deformed steel rebar to INSO 3132.',
  tariffCode: '72142000',
  brand: 'سپاهان',
  model: `A3-${i}`,
  gtin: null,
  unit: 'tonne' as const,
  annualCapacity: 250_000,
  exWorksPrice: 300_000_000,
  importedInputsCost: 45_000_000,
  exportMarkets: ['AF', 'IQ'],
  attributes: { استاندارد: 'INSO 3132' },
});

/**
 * The baseline's `log_append` (migration 0004): the same call, the event alone, no leaf, no index. The
 * services hand the ledger nothing but their transaction, so the baseline is a database of its own.
 */
const EVENTS_ONLY = `CREATE OR REPLACE FUNCTION log_append(
  p_kind text, p_subject uuid, p_seq integer, p_type text, p_actor uuid, p_role text, p_reason text,
  p_at timestamptz, p_before jsonb, p_after jsonb, p_leaf_head bytea, p_leaf_tail bytea
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO events (subject_kind, subject_id, seq, type, actor_id, actor_role, reason, at, before, after)
  VALUES (p_kind, p_subject, p_seq, p_type, p_actor, p_role, p_reason, p_at, p_before, p_after)
$$`;

/** A reviewer and approved products: the registry as decisions find it. */
async function registry(ctx: Ctx) {
  const admin = (await ensureAdmin(ctx, { email: 'admin@bench.ir', password: 'admin-password-1' }))
    .user as User;
  const reviewer = await createUser(ctx, admin, {
    email: 'reviewer@bench.ir',
    password: 'reviewer-pass-1',
    name: 'Reviewer',
    role: 'reviewer',
  });
  const maker = await signup(ctx, { email: 'maker@bench.ir', password: 'maker-pass-12', name: 'Maker' });
  const unit = await producers.register(ctx, maker, unitFields);
  await producers.move(ctx, maker, unit.id, 'submit');
  await producers.move(ctx, reviewer, unit.id, 'approve');
  const approvedProducts = async (n: number, from: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = await products.create(ctx, maker, { ...productFields(from + i), producerId: unit.id });
      await products.move(ctx, maker, p.id, 'submit');
      await products.move(ctx, reviewer, p.id, 'approve');
      ids.push(p.id);
    }
    return ids;
  };
  return { ctx, reviewer, ids: await approvedProducts(PRODUCTS, 0) };
}

type Registry = Awaited<ReturnType<typeof registry>>;

/**
 * Rounds of decisions on each side: every product in turn is suspended (with a public reason) or
 * reinstated, so each side's products stay approved between rounds.
 */
async function decisions(withLog: Registry, withoutLog: Registry) {
  const sides = [withLog, withoutLog].map((r) => ({ ...r, perSecond: [] as number[], next: 0 }));
  const suspended = new Set<string>();
  const decide = async (side: (typeof sides)[number]) => {
    const id = side.ids[side.next++ % side.ids.length] as string;
    if (suspended.delete(id))
      await products.move(side.ctx, side.reviewer, id, 'reinstate', 'Inspection passed');
    else {
      await products.move(side.ctx, side.reviewer, id, 'suspend', 'Inspection found imported parts');
      suspended.add(id);
    }
  };
  // Decisions alternate one by one, the first side switching each time, so that a burst of load from
  // other users of the machine hits both sides alike; each round's rate is its decisions over the time
  // they took. A first round warms up (JIT, caches) and is not counted.
  for (let round = -1; round < ROUNDS; round++) {
    const took = sides.map(() => 0);
    for (let i = 0; i < PER_ROUND; i++) {
      for (const s of i % 2 ? [0, 1] : [1, 0]) {
        const started = performance.now();
        await decide(sides[s] as (typeof sides)[number]);
        took[s] = (took[s] ?? 0) + performance.now() - started;
      }
    }
    if (round >= 0)
      for (const [s, side] of sides.entries()) side.perSecond.push(PER_ROUND / ((took[s] ?? 0) / 1000));
  }
  const [rateWith, rateWithout] = sides.map((s) => median(s.perSecond)) as [number, number];
  return {
    logLeaves: await leafCount(withLog.ctx),
    withLog: Math.round(rateWith),
    withoutLog: Math.round(rateWithout),
    ratio: Math.round((rateWith / rateWithout) * 1000) / 1000,
    rounds: ROUNDS,
    decisionsPerRound: PER_ROUND,
  };
}

const leafCount = async (ctx: Ctx) =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM log_leaves`.execute(ctx.db)).rows[0]?.n);

function report(label: string, d: Awaited<ReturnType<typeof decisions>>) {
  console.log(label, JSON.stringify(d), d.ratio >= 0.8 ? '(goal ≥ 0.8 met)' : '(goal ≥ 0.8 NOT met)');
}

/** Fills the log to `LEAVES` entries in SQL: events, and leaves of the average size the decisions wrote. */
async function fill(database: Database) {
  const { rows } = await sql<{ n: number; avg: number }>`
    SELECT count(*)::int AS n, avg(length(leaf))::float8 AS avg FROM log_leaves`.execute(database.db);
  const have = rows[0]?.n ?? 0;
  const leafBytes = Math.round(rows[0]?.avg ?? 400);
  const missing = LEAVES - have;
  const CHUNK = 50_000;
  for (let from = 0; from < missing; from += CHUNK) {
    const n = Math.min(CHUNK, missing - from);
    await database.exec(`BEGIN;
WITH e AS (
  INSERT INTO events (subject_kind, subject_id, seq, type, actor_role, at, before, after)
  SELECT 'product', gen_random_uuid(), 1, 'created', 'producer', now(), '{"status":null}', '{"status":"draft"}'
  FROM generate_series(1, ${n}) RETURNING id, subject_id
), numbered AS (
  SELECT id, subject_id, ${have + from} - 1 + row_number() OVER (ORDER BY id) AS idx FROM e
), leaves AS (
  SELECT idx, id, subject_id, '\\x01'::bytea || convert_to(left(repeat(md5(idx::text), ${Math.ceil(leafBytes / 32)}), ${leafBytes - 1}), 'UTF8') AS leaf FROM numbered
)
INSERT INTO log_leaves (idx, event_id, subject_id, leaf, hash)
SELECT idx, id, subject_id, leaf, sha256('\\x00'::bytea || leaf) FROM leaves;
UPDATE log_head SET size = ${have + from + n};
COMMIT;`);
    process.stderr.write(`\rfilled ${have + from + n}/${LEAVES}`);
  }
  process.stderr.write('\n');
}

async function proofs(database: Database) {
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', IRANMADE_DEMO: 'off' }),
    logKey: signerKey('bench.iranmade.ir/log', generateKeyPairSync('ed25519').privateKey),
  };
  const deps = { db: database.db, now: () => new Date(), config, log: pino({ level: 'silent' }) };
  const app = buildApp(deps);
  const log = logOf(deps);
  const loadStarted = performance.now();
  await log.sync();
  const loadSeconds = Math.round(performance.now() - loadStarted) / 1000;
  const size = log.size;
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);

  const time = async (path: () => string) => {
    const xs: number[] = [];
    for (let i = 0; i < PROOFS; i++) {
      const p = path();
      const started = performance.now();
      const res = await app.request(p);
      await res.arrayBuffer();
      xs.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    }
    return { p50: ms(percentile(xs, 0.5)), p95: ms(percentile(xs, 0.95)) };
  };
  const any = (n: number) => Math.floor(Math.random() * n);
  const hashes = (
    await sql<{ hash: Uint8Array }>`SELECT hash FROM log_leaves ORDER BY random() LIMIT ${PROOFS}`.execute(
      database.db,
    )
  ).rows.map((r) => encodeURIComponent(Buffer.from(r.hash).toString('base64')));
  const inclusion = await time(() => `/api/v1/log/proof/inclusion?index=${any(size)}&treeSize=${size}`);
  const byHash = await time(
    () => `/api/v1/log/proof/inclusion?hash=${hashes[any(hashes.length)]}&treeSize=${size}`,
  );
  const pastSize = await time(() => {
    const treeSize = 1 + any(size);
    return `/api/v1/log/proof/inclusion?index=${any(treeSize)}&treeSize=${treeSize}`;
  });
  const consistency = await time(() => `/api/v1/log/proof/consistency?first=${1 + any(size)}&second=${size}`);

  // Baseline: the same proofs computed on a bare MemoryTree, no HTTP, no validation.
  const tree = new MemoryTree();
  for (let i = 0; i < size; i++) tree.append(randomBytes(32));
  const bare: number[] = [];
  for (let i = 0; i < PROOFS; i++) {
    const started = performance.now();
    inclusionProof(any(size), size, tree);
    bare.push(performance.now() - started);
  }
  return {
    leaves: size,
    loadSeconds,
    rssMiB: rss,
    inclusionMs: inclusion,
    inclusionByHashMs: byHash,
    pastSizeInclusionMs: pastSize,
    consistencyMs: consistency,
    bareInclusionMs: { p50: ms(percentile(bare, 0.5)), p95: ms(percentile(bare, 0.95)) },
  };
}

async function storage(database: Database) {
  const { rows } = await sql<{
    bytes: number;
    n: number;
    heap: number;
  }>`SELECT pg_total_relation_size('log_leaves')::float8 AS bytes,
    pg_relation_size('log_leaves')::float8 AS heap, count(*)::int AS n FROM log_leaves`.execute(database.db);
  const r = rows[0];
  return r
    ? { leaves: r.n, bytesPerLeaf: Math.round(r.bytes / r.n), heapBytesPerLeaf: Math.round(r.heap / r.n) }
    : null;
}

const { database, cleanup } = await open();
const bare = await open();
try {
  await migrate(database);
  await migrate(bare.database);
  await bare.database.exec(EVENTS_ONLY);
  console.log(`database: ${database.kind}`);
  const withLog = await registry({ db: database.db, now: () => new Date() });
  const withoutLog = await registry({ db: bare.database.db, now: () => new Date() });
  report('decisions per second, new log', await decisions(withLog, withoutLog));
  if (LEAVES > 0) {
    await fill(database);
    const p = await proofs(database);
    const worst = Math.max(
      p.inclusionMs.p95,
      p.inclusionByHashMs.p95,
      p.pastSizeInclusionMs.p95,
      p.consistencyMs.p95,
    );
    console.log(
      'proofs',
      JSON.stringify(p),
      worst <= 5 ? '(goal p95 ≤ 5 ms met)' : '(goal p95 ≤ 5 ms NOT met)',
    );
    console.log('storage', JSON.stringify(await storage(database)));
    report(`decisions per second, log at ${LEAVES} leaves`, await decisions(withLog, withoutLog));
  }
} finally {
  await Promise.all([cleanup(), bare.cleanup()]);
}
