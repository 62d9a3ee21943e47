/**
 * The transparency log's costs, measured in one run:
 *  1. registry decisions per second with the log leaf appended in the same transaction, and without it
 *     (the same transactions, the leaf-writing calls left out); the ratio's goal is ≥ 0.8;
 *  2. proof latency through the HTTP app at 1,000,000 leaves (goal p95 ≤ 5 ms), beside the bare
 *     in-memory proof computation as baseline, and the time to load the tree at start;
 *  3. storage per leaf: pg_total_relation_size('log_leaves') / count.
 *
 * Runs on a PGlite data dir in the temp folder, or on BENCH_DATABASE_URL (a throwaway schema).
 *   nice npx tsx bench/log.ts [--decisions 2000] [--leaves 1000000]
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrator.ts';
import { changes } from '../src/domain/history.ts';
import { inclusionProof, MemoryTree } from '../src/domain/tlog/merkle.ts';
import { signerKey } from '../src/domain/tlog/note.ts';
import { type Change, record } from '../src/modules/ledger/service.ts';
import { logOf } from '../src/modules/log/service.ts';
import { buildApp } from '../src/server.ts';

const { values } = parseArgs({ options: { decisions: { type: 'string' }, leaves: { type: 'string' } } });
const DECISIONS = Number(values.decisions ?? 2000);
const LEAVES = Number(values.leaves ?? 1_000_000);
const PROOFS = 2000;

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
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

/** One decision on a subject: the event, the same as a reviewer's approval would write. */
function change(subjectId: string, seq: number): Change {
  return {
    subjectKind: 'product',
    subjectId,
    seq,
    type: seq % 2 ? 'approved' : 'suspended',
    actor: { id: null, role: 'reviewer' },
    reason: seq % 2 ? null : 'Inspection found imported parts',
    at: new Date(),
    before: { status: seq % 2 ? 'submitted' : 'approved', version: seq - 1 },
    after: { status: seq % 2 ? 'approved' : 'suspended', version: seq },
    registrationNumber: '1404-000123-7',
    publicReason: true,
  };
}

async function decisions(database: Database) {
  const db = database.db;
  const withLog = async (id: string, seq: number) =>
    db.transaction().execute((tx) => record(tx, change(id, seq)));
  // The same event row, written without claiming an index or writing its leaf.
  const withoutLog = async (id: string, seq: number) =>
    db.transaction().execute((tx) => {
      const c = change(id, seq);
      const diff = changes(c.before, c.after);
      return tx
        .insertInto('events')
        .values({
          subject_kind: c.subjectKind,
          subject_id: c.subjectId,
          seq: c.seq,
          type: c.type,
          actor_id: null,
          actor_role: c.actor.role,
          reason: c.reason,
          at: c.at,
          before: JSON.stringify(diff.before),
          after: JSON.stringify(diff.after),
        })
        .execute();
    });
  const timing = { with: 0, without: 0 };
  // Alternating batches, so that drift of the machine (other users, caches) hits both sides alike.
  const BATCH = 100;
  for (let done = 0; done < DECISIONS; done += BATCH) {
    for (const [side, run] of [
      ['with', withLog],
      ['without', withoutLog],
    ] as const) {
      const subject = randomUUID();
      const started = performance.now();
      for (let seq = 1; seq <= BATCH; seq++) await run(subject, seq);
      timing[side] += performance.now() - started;
    }
  }
  const perSecond = (t: number) => Math.round(DECISIONS / (t / 1000));
  const { rows } = await sql<{
    avg: number;
  }>`SELECT avg(length(leaf))::float8 AS avg FROM log_leaves`.execute(db);
  return {
    withLog: perSecond(timing.with),
    withoutLog: perSecond(timing.without),
    ratio: Math.round((timing.without / timing.with) * 1000) / 1000,
    avgLeafBytes: Math.round(rows[0]?.avg ?? 0),
  };
}

/** Fills the log to `LEAVES` entries in SQL: events, and leaves of the measured average size. */
async function fill(database: Database, leafBytes: number) {
  const have = Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM log_leaves`.execute(database.db)).rows[0]?.n,
  );
  const missing = LEAVES - have;
  const CHUNK = 50_000;
  for (let from = 0; from < missing; from += CHUNK) {
    const n = Math.min(CHUNK, missing - from);
    await database.exec(`BEGIN;
WITH e AS (
  INSERT INTO events (subject_kind, subject_id, seq, type, actor_role, at, before, after)
  SELECT 'product', gen_random_uuid(), 1, 'created', 'producer', now(), '{"status":null}', '{"status":"draft"}'
  FROM generate_series(1, ${n}) RETURNING id
), numbered AS (
  SELECT id, ${have + from} - 1 + row_number() OVER (ORDER BY id) AS idx FROM e
), leaves AS (
  SELECT idx, id, '\\x01'::bytea || convert_to(left(repeat(md5(idx::text), ${Math.ceil(leafBytes / 32)}), ${leafBytes - 1}), 'UTF8') AS leaf FROM numbered
)
INSERT INTO log_leaves (idx, event_id, subject_id, leaf, hash)
SELECT idx, id, gen_random_uuid(), leaf, sha256('\\x00'::bytea || leaf) FROM leaves;
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
  const inclusion = await time(() => `/api/v1/log/proof/inclusion?index=${any(size)}&treeSize=${size}`);
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
try {
  await migrate(database);
  console.log(`database: ${database.kind}`);
  const d = await decisions(database);
  console.log(
    'decisions per second',
    JSON.stringify(d),
    d.ratio >= 0.8 ? '(goal ≥ 0.8 met)' : '(goal ≥ 0.8 NOT met)',
  );
  await fill(database, d.avgLeafBytes);
  const p = await proofs(database);
  console.log(
    'proofs',
    JSON.stringify(p),
    p.inclusionMs.p95 <= 5 && p.consistencyMs.p95 <= 5
      ? '(goal p95 ≤ 5 ms met)'
      : '(goal p95 ≤ 5 ms NOT met)',
  );
  console.log('storage', JSON.stringify(await storage(database)));
} finally {
  await cleanup();
}
