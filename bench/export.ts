/**
 * Open-data export of N public products (default 1,000,000) through the HTTP app, in one run:
 *  - the app on a real socket (@hono/node-server), downloaded with node:http, which does not inflate:
 *    products.csv and products.jsonl, each plain and gzip; seconds, MB and the peak RSS of the process
 *    (server and client, sampled every 100 ms) while each file streams;
 *  - the daily snapshot of the same rows (all six files, gzip, into the database): seconds and MB of
 *    each file, and the peak RSS while it is taken;
 *  - the baseline: the database's own COPY of the same rows (approved products joined with their
 *    unit) to CSV: psql's \copy to /dev/null on the server, COPY TO '/dev/blob' on PGlite.
 * The products are written with one INSERT … SELECT generate_series (the export reads the projection
 * only; the import bench measures writing them through the services).
 * The server is BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test, a throwaway
 * schema dropped after; needs psql); PGlite runs on a temp data dir.
 *   nice npx tsx bench/export.ts [--rows 1000000] [--db postgres,pglite]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrator.ts';
import { takeSnapshot } from '../src/modules/opendata/snapshot-take.ts';
import { buildApp } from '../src/server.ts';

const { values } = parseArgs({ options: { rows: { type: 'string' }, db: { type: 'string' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const KINDS = (values.db ?? 'postgres,pglite').split(',');
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const UNITS = 1000;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The same rows the products file holds, for the baseline. */
const PUBLIC_ROWS = `SELECT p.*, u.national_id, u.name_fa AS unit_name_fa FROM products p
  JOIN producers u ON u.id = p.producer_id WHERE p.status = 'approved' ORDER BY p.id`;

async function seed(database: Database) {
  const { rows } = await sql<{ id: string }>`INSERT INTO users (email, name, password_hash, role)
    VALUES ('bench@example.ir', 'Bench', 'x', 'producer') RETURNING id`.execute(database.db);
  const owner = rows[0]?.id;
  await sql`INSERT INTO producers (id, owner_id, status, version, national_id, name_fa, name_en, province,
      city, isic, licence_no, created_at, updated_at, approved_at)
    SELECT gen_random_uuid(), ${owner}::uuid, 'approved', 2, 'N' || i, 'شرکت نمونه ' || i, 'Sample Co. ' || i,
      'IR-04', 'اصفهان', '2410', '1/' || i, now(), now(), now()
    FROM generate_series(1, ${UNITS}) i`.execute(database.db);
  await sql`INSERT INTO products (id, producer_id, status, version, registration_number, registered_at,
      valid_until, name_fa, name_en, description_fa, description_en, tariff_code, brand, model, gtin, unit,
      annual_capacity, ex_works_price, imported_inputs_cost, value_added_percent, export_markets,
      attributes, created_at, updated_at)
    SELECT gen_random_uuid(), u.ids[1 + i % ${UNITS}], 'approved', 3, 'IM-1405-' || i, now(),
      now() + interval '1 year', 'میلگرد آجدار شماره ' || i, 'Ribbed rebar no. ' || i,
      'میلگرد فولادی گرم‌نوردشده برای ساختمان', 'Hot-rolled steel rebar for construction', '72142000',
      'سپاهان', 'A' || i, NULL, 'tonne', 250000, 300000000, 45000000, 85, ARRAY['IQ', 'AF'], '{}'::jsonb,
      now(), now()
    FROM generate_series(1, ${ROWS}) i, (SELECT array_agg(id) AS ids FROM producers) u`.execute(database.db);
  await sql`ANALYZE`.execute(database.db);
}

interface Target {
  name: string;
  database: Database;
  /** Seconds of the database's own COPY of the rows to CSV. */
  copy: () => Promise<number>;
  cleanup: () => Promise<void>;
}

async function postgres(): Promise<Target> {
  const schema = `bench_export_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: URL });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const database = await openDatabase({ url: URL, schema });
  await migrate(database);
  return {
    name: 'PostgreSQL',
    database,
    copy: () =>
      timed(
        () =>
          new Promise<void>((resolve, reject) => {
            const psql = spawn(
              'psql',
              [
                URL,
                '-qc',
                `SET search_path = ${schema}`,
                '-c',
                `\\copy (${PUBLIC_ROWS.replaceAll('\n', ' ')}) TO '/dev/null' WITH (FORMAT csv, HEADER true)`,
              ],
              { stdio: ['ignore', 'ignore', 'inherit'] },
            );
            psql.on('error', reject);
            psql.on('exit', (code) =>
              code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`)),
            );
          }),
      ),
    cleanup: async () => {
      await database.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

async function pglite(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-bench-export-'));
  const database = await openDatabase({ dataDir: dir, durable: true });
  await migrate(database);
  return {
    name: 'PGlite',
    database,
    copy: () =>
      timed(() =>
        sql.raw(`COPY (${PUBLIC_ROWS}) TO '/dev/blob' WITH (FORMAT csv, HEADER true)`).execute(database.db),
      ),
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function timed(fn: () => Promise<unknown>) {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

/** Runs `fn`, sampling the process's RSS every 100 ms meanwhile: its result, seconds and peak RSS. */
async function measured<T>(fn: () => Promise<T>) {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  const started = performance.now();
  try {
    const result = await fn();
    return { result, seconds: (performance.now() - started) / 1000, peakRss };
  } finally {
    clearInterval(sampler);
  }
}

/** Downloads a file to the end without keeping it: its size in bytes. */
function download(port: number, path: string, gzip: boolean) {
  return new Promise<number>((resolve, reject) => {
    get({ port, path, headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode}`));
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function bench(target: Target) {
  const seeded = await timed(() => seed(target.database));
  console.log(
    `\n${target.name}: ${ROWS.toLocaleString('en')} public products (seeded in ${seeded.toFixed(0)} s)`,
  );
  const config = loadConfig({ LOG_LEVEL: 'silent', IRANMADE_DEMO: 'off' });
  const deps = { db: target.database.db, now: () => new Date(), config, log: pino({ level: 'silent' }) };
  const app = buildApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  try {
    const downloads = [];
    for (const file of ['products.csv', 'products.jsonl'])
      for (const gzip of [false, true]) {
        const before = process.memoryUsage.rss();
        const { result: bytes, ...run } = await measured(() =>
          download(port, `/api/v1/opendata/${file}`, gzip),
        );
        downloads.push({ name: `${file}${gzip ? ' gzip' : ''}`, before, bytes, ...run });
      }
    const beforeSnapshot = process.memoryUsage.rss();
    const snapshot = await measured(() => takeSnapshot(deps));
    // After the downloads: PGlite's COPY TO '/dev/blob' holds the whole file in its memory, which it keeps.
    const copy = await target.copy();
    console.log(`  COPY of the same rows to CSV: ${copy.toFixed(1)} s (baseline)`);
    for (const r of downloads)
      console.log(
        `  ${r.name}: ${r.seconds.toFixed(1)} s, ${mb(r.bytes)} MB, ${(copy / r.seconds).toFixed(2)} of COPY's speed; ` +
          `RSS ${mb(r.before)} MB before, peak ${mb(r.peakRss)} MB`,
      );
    const taken = snapshot.result;
    if (taken.status !== 'taken') throw new Error(`the snapshot was ${taken.status}`);
    console.log(
      `  daily snapshot, six files gzip into the database: ${snapshot.seconds.toFixed(1)} s; ` +
        `RSS ${mb(beforeSnapshot)} MB before, peak ${mb(snapshot.peakRss)} MB`,
    );
    for (const f of taken.files) {
      const live = downloads.find((d) => d.name === `${f.file}.${f.format} gzip`);
      console.log(
        `    ${f.file}.${f.format}.gz: ${f.seconds.toFixed(1)} s, ${(f.bytes / 1024 / 1024).toFixed(1)} MB, ` +
          `${f.rows.toLocaleString('en')} rows${live ? `; ${(f.seconds / live.seconds).toFixed(2)}× the time of its live gzip download` : ''}`,
      );
    }
  } finally {
    await new Promise((r) => server.close(r));
  }
}

for (const kind of KINDS) {
  const target = kind === 'postgres' ? await postgres() : await pglite();
  try {
    await bench(target);
  } finally {
    await target.cleanup();
  }
}
