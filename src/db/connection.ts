import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (backups, test templates). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { url: string; schema?: string }
  | {
      dataDir?: string;
      loadDataDir?: Blob;
      durable?: boolean;
      /** PGlite's `shared_buffers`, all of it allocated in its WebAssembly heap at start. */
      sharedBuffers?: string;
    };

const INT8 = 20;
const NUMERIC = 1700;

/** PGlite's start parameters, with fsync on when the data must survive a crash. */
function pgliteStartParams(durable: boolean, sharedBuffers?: string) {
  const params = durable ? PGlite.defaultStartParams.filter((p) => p !== '-F') : PGlite.defaultStartParams;
  return sharedBuffers ? [...params, '-c', `shared_buffers=${sharedBuffers}`] : params;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url, target.schema);
  let unlock = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    unlock = lockDataDir(target.dataDir);
  }
  const pglite = await PGlite.create({
    dataDir: target.dataDir,
    loadDataDir: target.loadDataDir,
    extensions: { pg_trgm },
    startParams: pgliteStartParams(target.durable ?? Boolean(target.dataDir), target.sharedBuffers),
    parsers: { [pgliteTypes.INT8]: Number, [pgliteTypes.NUMERIC]: Number },
  }).catch((err) => {
    unlock();
    throw err;
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    // Through Kysely's connection, so the script holds PGlite's single connection alone.
    exec: (script) =>
      db.connection().execute(async () => {
        try {
          await pglite.exec(script);
        } catch (err) {
          await pglite.exec('ROLLBACK').catch(() => {});
          throw err;
        }
      }),
    dumpDataDir: () => db.connection().execute(() => pglite.dumpDataDir('gzip')),
    close: () => db.destroy().finally(unlock),
  };
}

/** The server's URL with `schema` as every connection's search path, for a process or thread of its own. */
export const schemaUrl = (url: string, schema: string) =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

function openPostgres(url: string, schema?: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC
          ? Number
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    exec: async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
