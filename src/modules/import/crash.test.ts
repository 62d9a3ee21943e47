import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steelMaker } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase } from '../../../test/helpers.ts';
import { type Database, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrator.ts';
import { createToken } from '../accounts/service.ts';

const CLI = join(import.meta.dirname, '..', '..', 'cli.ts');
const ROWS = 3000;

const csv = [
  'ref,unitNationalId,nameFa,nameEn,descriptionFa,descriptionEn,tariffCode,brand,model,unit,annualCapacity,exWorksPrice,importedInputsCost',
  ...Array.from(
    { length: ROWS },
    (_, i) =>
      `R${i},10380284790,میلگرد ${i},Rebar ${i},میلگرد فولادی,Steel rebar,72142000,سپاهان,R${i},tonne,1000,500,100`,
  ),
].join('\n');

interface Run {
  signal: NodeJS.Signals | null;
  code: number | null;
  lines: string[];
}

/** `iranmade import products FILE`, killed with SIGKILL once it reports `killAfter` rows committed. */
function runImport(env: Record<string, string>, file: string, killAfter?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'import', 'products', file, '--batch', '100'],
      {
        env: { ...process.env, LOG_LEVEL: 'silent', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const lines: string[] = [];
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      lines.push(...chunk.split('\n').filter(Boolean));
      const rows = Number(/([\d,]+) rows ·/.exec(lines.at(-1) ?? '')?.[1]?.replaceAll(',', '') ?? 0);
      if (killAfter !== undefined && rows >= killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, lines }));
  });
}

const count = async (database: Database, query: ReturnType<typeof sql<{ n: number }>>) =>
  Number((await query.execute(database.db)).rows[0]?.n);

describe.each(DATABASE_KINDS)('an import killed half-way on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-import-crash-'));
  const file = join(dir, 'products.csv');
  let env: Record<string, string>;
  let open: () => Promise<Database>;
  let drop = async () => {};

  beforeAll(async () => {
    writeFileSync(file, csv);
    let database: Database;
    if (kind === 'postgres') {
      const fresh = await freshDatabase('postgres');
      database = fresh;
      env = { DATABASE_URL: fresh.url as string };
      open = async () => fresh;
      drop = () => fresh.drop();
    } else {
      const dataDir = join(dir, 'data');
      database = await openDatabase({ dataDir, durable: true });
      await migrate(database);
      env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      open = () => openDatabase({ dataDir, durable: true });
    }
    const ctx = { db: database.db, now: () => new Date() };
    const { maker } = await steelMaker(ctx);
    env.IRANMADE_TOKEN = (await createToken(ctx, maker, 'import')).token;
    if (kind === 'pglite') await database.close();
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is run again to the end with every row imported once, and one log leaf per event without gaps', {
    timeout: 180_000,
  }, async () => {
    const killed = await runImport(env, file, 1000);
    expect(killed.signal, killed.lines.join('\n')).toBe('SIGKILL');

    let database = await open();
    const committed = await count(database, sql`SELECT count(*)::int AS n FROM products`);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(ROWS);
    if (kind === 'pglite') await database.close();

    const rerun = await runImport(env, file);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.lines.at(-1) ?? '{}')).toMatchObject({
      rows: ROWS,
      created: ROWS - committed,
      unchanged: committed,
      invalid: 0,
    });

    database = await open();
    try {
      const { rows } = await sql<Record<string, number>>`SELECT
          (SELECT count(*) FROM products)::int AS products,
          (SELECT count(DISTINCT model) FROM products)::int AS models,
          (SELECT count(*) FROM import_refs r JOIN products p ON p.id = r.subject_id
            WHERE r.ref = p.model)::int AS referenced,
          (SELECT count(*) FROM events WHERE subject_kind = 'product')::int AS "productEvents",
          (SELECT count(*) FROM events)::int AS events,
          (SELECT count(*) FROM log_leaves)::int AS leaves,
          (SELECT count(*) FROM events JOIN log_leaves ON log_leaves.event_id = events.id)::int AS joined,
          (SELECT max(idx) + 1 FROM log_leaves)::int AS "maxIdxPlusOne",
          (SELECT size FROM log_head)::int AS head`.execute(database.db);
      const events = rows[0]?.events;
      expect(rows[0]).toEqual({
        products: ROWS,
        models: ROWS,
        referenced: ROWS,
        productEvents: ROWS,
        events,
        leaves: events,
        joined: events,
        maxIdxPlusOne: events,
        head: events,
      });
    } finally {
      if (kind === 'pglite') await database.close();
    }
  });
});
