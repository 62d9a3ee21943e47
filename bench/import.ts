/**
 * Bulk import of product rows beside PostgreSQL's own COPY of the same rows, in one run:
 *  1. writes N valid product rows (the demo catalog's generator: Persian names, HS codes, GTINs) as a
 *     CSV, for units registered beforehand through the producers service;
 *  2. runs `iranmade import products FILE` as a person would (bin/iranmade.js): every row checked by
 *     the API's rules and written as a draft with its event and transparency-log leaf, a batch a
 *     transaction. The command's RSS is read from /proc every 200 ms;
 *  3. the baseline: COPY of the same file into a bare table with the file's columns and no index
 *     (psql's \copy on the server; COPY FROM '/dev/blob' on PGlite, fsync on as in the import),
 *     3 times, median quoted.
 *  4. the tables' floor: the rows the import wrote (products, events, log leaves, references) copied
 *     out and COPYed into a second, empty registry (the same migrations: indexes, keys, checks),
 *     timed: what the database alone takes to store them, the most any import writing them could
 *     reach, before a single rule is checked or a hash computed.
 * Prints rows/s of each, the ratios (goal ≥ 0.25) and the import's RSS (goal flat, under 300 MB).
 * The server is BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test, a throwaway
 * schema dropped after; needs psql); PGlite runs on a temp data dir.
 *   nice npx tsx bench/import.ts [--rows 1000000] [--units 1000] [--db postgres,pglite] [--batch 500]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'kysely';
import type { User } from '../src/context.ts';
import { type Database, openDatabase, schemaUrl } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrator.ts';
import { csvLine } from '../src/domain/csv.ts';
import { createToken, signup } from '../src/modules/accounts/service.ts';
import { demoCatalog, demoProducts } from '../src/modules/demo/catalog.ts';
import { columnsFor } from '../src/modules/import/schema.ts';
import * as producers from '../src/modules/producers/service.ts';
import { commandPid, launch, memoryOf } from './launch.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    units: { type: 'string' },
    db: { type: 'string' },
    batch: { type: 'string' },
  },
});
const ROWS = Number(values.rows ?? 1_000_000);
const UNITS = Number(values.units ?? 1000);
const KINDS = (values.db ?? 'postgres,pglite').split(',');
const BATCH = values.batch ?? '500';
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const COPY_RUNS = 3;

const dir = mkdtempSync(join(tmpdir(), 'iranmade-bench-import-'));
const file = join(dir, 'products.csv');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const mb = (kb: number) => Math.round(kb / 1024);
const fmt = (n: number) => Math.round(n).toLocaleString('en');

const { units } = demoCatalog({ units: UNITS, products: 0 });

/** The CSV, written as it is generated, with the import's own column names. */
async function writeRows() {
  const nationalIdOf = new Map(units.map((u) => [u.ref, u.nationalId]));
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(csvLine(columnsFor('products')));
  for (const p of demoProducts({ units: UNITS, products: ROWS })) {
    await write(
      csvLine([
        p.ref,
        nationalIdOf.get(p.unitRef),
        p.nameFa,
        p.nameEn,
        p.descriptionFa,
        p.descriptionEn,
        p.tariffCode,
        p.brand,
        p.model,
        p.gtin ?? '',
        p.unit,
        p.annualCapacity,
        p.exWorksPrice,
        p.importedInputsCost,
        p.exportMarkets.join(' '),
      ]),
    );
  }
  await new Promise((r) => out.end(r));
}

/** What the import writes, in an order its foreign keys accept; and what those keys need first. */
const WRITTEN = ['products', 'events', 'log_leaves', 'import_refs'];
const NEEDED = ['users', 'producers', 'producer_members'];
/** PGlite's COPY goes through memory: a table moves in this many parts. */
const PARTS = 16;

const BARE = `CREATE TABLE bare (ref text, unit_national_id text, name_fa text, name_en text,
  description_fa text, description_en text, tariff_code text, brand text, model text, gtin text,
  unit text, annual_capacity numeric, ex_works_price numeric, imported_inputs_cost numeric,
  export_markets text)`;

interface Target {
  name: string;
  database: Database;
  /** The environment that points `iranmade` at this database. */
  env: Record<string, string>;
  /** One COPY of the file into an empty bare table: seconds. */
  copy: () => Promise<number>;
  /** COPYs the import's rows into a second, empty registry: seconds per table written. */
  floor: () => Promise<[string, number][]>;
  /** Reopens the database after the child process is done with it. */
  reopen: () => Promise<Database>;
  cleanup: () => Promise<void>;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))));
  });
}

async function postgres(): Promise<Target> {
  const schema = `bench_import_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: URL });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const database = await openDatabase({ url: URL, schema });
  await migrate(database);
  await database.exec(BARE);
  return {
    name: 'PostgreSQL',
    database,
    env: { DATABASE_URL: schemaUrl(URL, schema) },
    copy: async () => {
      await database.exec('TRUNCATE bare');
      const started = performance.now();
      await run('psql', [URL, '-qc', `\\copy ${schema}.bare FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
      return (performance.now() - started) / 1000;
    },
    floor: async () => {
      const floor = `${schema}_floor`;
      await admin.exec(`CREATE SCHEMA ${floor}`);
      const empty = await openDatabase({ url: URL, schema: floor });
      await migrate(empty);
      await empty.close();
      const copy = (table: string, how: 'TO' | 'FROM') =>
        run('psql', [
          URL,
          '-qc',
          `\\copy ${how === 'TO' ? schema : floor}.${table} ${how} '${join(dir, table)}'`,
        ]);
      for (const table of [...NEEDED, ...WRITTEN]) await copy(table, 'TO');
      for (const table of NEEDED) await copy(table, 'FROM');
      const seconds: [string, number][] = [];
      for (const table of WRITTEN) {
        const started = performance.now();
        await copy(table, 'FROM');
        seconds.push([table, (performance.now() - started) / 1000]);
      }
      for (const table of [...NEEDED, ...WRITTEN]) rmSync(join(dir, table));
      await admin.exec(`DROP SCHEMA ${floor} CASCADE`);
      return seconds;
    },
    reopen: async () => database,
    cleanup: async () => {
      await database.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

async function pglite(): Promise<Target> {
  const dataDir = join(dir, 'pglite');
  let database = await openDatabase({ dataDir, durable: true });
  await migrate(database);
  const copyDir = join(dir, 'pglite-copy');
  // The same start parameters as the app's durable data dir: fsync on.
  const bare = await PGlite.create({
    dataDir: copyDir,
    startParams: PGlite.defaultStartParams.filter((p) => p !== '-F'),
  });
  await bare.exec(BARE);
  return {
    name: 'PGlite',
    database,
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    copy: async () => {
      await bare.exec('TRUNCATE bare');
      const started = performance.now();
      await bare.query(`COPY bare FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: await openAsBlob(file),
      });
      return (performance.now() - started) / 1000;
    },
    floor: async () => {
      const floorDir = join(dir, 'pglite-floor');
      const empty = await openDatabase({ dataDir: floorDir, durable: true });
      await migrate(empty);
      await empty.close();
      await database.close();
      const open = (at: string) =>
        PGlite.create({
          dataDir: at,
          extensions: { pg_trgm },
          startParams: PGlite.defaultStartParams.filter((p) => p !== '-F'),
        });
      const [from, into] = [await open(dataDir), await open(floorDir)];
      // In parts, each a blob in memory: a million events are gigabytes of text.
      const move = async (table: string) => {
        let seconds = 0;
        for (let part = 0; part < PARTS; part++) {
          const out = await from.query(
            `COPY (SELECT * FROM ${table} WHERE abs(hashtext(ctid::text)) % ${PARTS} = ${part}) TO '/dev/blob'`,
          );
          // A part with no rows gives no blob, and a COPY from no blob would wait for one.
          if (!out.blob) continue;
          const started = performance.now();
          await into.query(`COPY ${table} FROM '/dev/blob'`, [], { blob: out.blob });
          seconds += (performance.now() - started) / 1000;
        }
        return seconds;
      };
      for (const table of NEEDED) await move(table);
      const seconds: [string, number][] = [];
      for (const table of WRITTEN) seconds.push([table, await move(table)]);
      await Promise.all([from.close(), into.close()]);
      database = await openDatabase({ dataDir, durable: true });
      return seconds;
    },
    reopen: async () => {
      database = await openDatabase({ dataDir, durable: true });
      return database;
    },
    cleanup: async () => {
      await database.close();
      await bare.close();
    },
  };
}

/** Runs the import to the end; returns its summary line and (rows done, RSS kB) samples. */
function importAll(env: Record<string, string>, token: string) {
  return new Promise<{ summary: Record<string, number>; samples: [number, number][]; peak: number }>(
    (resolve, reject) => {
      const child = launch(['import', 'products', file, '--batch', BATCH], {
        env: { ...process.env, LOG_LEVEL: 'silent', IRANMADE_TOKEN: token, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let rows = 0;
      let last = '';
      let peak = 0;
      const samples: [number, number][] = [];
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) {
          last = line;
          const done = /([\d,]+) rows ·/.exec(line)?.[1];
          if (done) rows = Number(done.replaceAll(',', ''));
        }
      });
      const timer = setInterval(() => {
        const pid = commandPid(child);
        const m = pid ? memoryOf(pid) : null;
        if (!m) return;
        samples.push([rows, m.rss]);
        peak = Math.max(peak, m.peak, m.rss);
      }, 200);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearInterval(timer);
        if (code !== 0) return reject(new Error(`import exited with ${code}: ${last}`));
        resolve({ summary: JSON.parse(last), samples, peak });
      });
    },
  );
}

/** RSS at a quarter, half, three quarters and the end of the rows: flat memory shows as equal figures. */
function rssAlong(samples: [number, number][]) {
  return [0.25, 0.5, 0.75, 1].map((q) => {
    const at = samples.find(([rows]) => rows >= q * ROWS) ?? samples.at(-1);
    return `${q * 100}%: ${mb(at?.[1] ?? 0)} MB`;
  });
}

async function bench(target: Target) {
  const ctx = { db: target.database.db, now: () => new Date() };
  const owner = (await signup(ctx, {
    email: 'bench@example.ir',
    password: 'bench-pass-1234',
    name: 'Bench',
  })) as User;
  for (const { ref: _, ...unit } of units) await producers.register(ctx, owner, unit);
  const { token } = await createToken(ctx, owner, 'bench');

  const copies: number[] = [];
  for (let i = 0; i < COPY_RUNS; i++) copies.push(await target.copy());
  const copyRate = ROWS / median(copies);

  if (target.name === 'PGlite') await target.database.close();
  const { summary, samples, peak } = await importAll(target.env, token);
  const database = await target.reopen();
  const counts = (
    await sql<{ products: number; events: number; leaves: number }>`SELECT
      (SELECT count(*) FROM products)::int AS products,
      (SELECT count(*) FROM events)::int AS events,
      (SELECT count(*) FROM log_leaves)::int AS leaves`.execute(database.db)
  ).rows[0];
  const rate = summary.rowsPerSecond ?? 0;
  const highest = samples.reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
  console.log(`\n${target.name}: ${fmt(ROWS)} rows, ${UNITS} units, batches of ${BATCH}`);
  console.log(
    `  import: ${fmt(rate)} rows/s (${summary.seconds} s; created ${fmt(summary.created ?? 0)}, invalid ${summary.invalid})`,
  );
  console.log(
    `  COPY:   ${fmt(copyRate)} rows/s (median of ${COPY_RUNS}: ${copies.map((s) => s.toFixed(2)).join(', ')} s)`,
  );
  console.log(`  ratio:  ${(rate / copyRate).toFixed(4)} (goal ≥ 0.25)`);
  const floor = await target.floor();
  const floorRate = ROWS / floor.reduce((sum, [, s]) => sum + s, 0);
  console.log(
    `  floor:  ${fmt(floorRate)} rows/s, ratio ${(floorRate / copyRate).toFixed(4)}: the import's rows COPYed into an empty registry ` +
      `(${floor.map(([table, s]) => `${table} ${s.toFixed(2)} s`).join(', ')})`,
  );
  console.log(
    `  RSS:    peak ${mb(peak)} MB; along the rows ${rssAlong(samples).join(', ')} (goal flat, < 300 MB); ` +
      `highest sample ${mb(highest[1])} MB at row ${fmt(highest[0])}`,
  );
  console.log(
    `  written: ${fmt(counts?.products ?? 0)} products, ${fmt(counts?.events ?? 0)} events, ${fmt(counts?.leaves ?? 0)} log leaves`,
  );
}

try {
  const started = performance.now();
  await writeRows();
  console.log(`wrote ${fmt(ROWS)} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const kind of KINDS) {
    const target = kind === 'postgres' ? await postgres() : await pglite();
    try {
      await bench(target);
    } finally {
      await target.cleanup();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
