import { generateKeyPairSync, randomBytes } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/context.ts';
import { type Database, openDatabase, schemaUrl } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrator.ts';
import { signerKey } from '../src/domain/tlog/note.ts';
import type { buildApp } from '../src/server.ts';

/** Every integration test runs on PGlite, and on the PostgreSQL server when TEST_DATABASE_URL is set. */
export const DATABASE_KINDS: ('pglite' | 'postgres')[] = [
  'pglite',
  ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : []),
];

let template: Promise<Blob> | undefined;
/** A migrated PGlite database, dumped once so each test gets its own copy in a fraction of a second. */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await openDatabase({});
    await migrate(db);
    const dump = await db.dumpDataDir?.();
    await db.close();
    if (!dump) throw new Error('PGlite gave no dump');
    return dump;
  })();
  return template;
}

export interface TestDatabase extends Database {
  /** On the PostgreSQL server: its URL with this database's schema, for a process or thread of its own. */
  url?: string;
  drop(): Promise<void>;
}

export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ url });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const database = await openDatabase({ url, schema });
    await migrate(database);
    return {
      ...database,
      url: schemaUrl(url, schema),
      drop: async () => {
        await database.close();
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const database = await openDatabase({ loadDataDir: await pgliteTemplate() });
  return { ...database, drop: () => database.close() };
}

export function testDeps(database: Database, now: () => Date = () => new Date()): Deps {
  const config = loadConfig({ IRANMADE_DEMO: 'off', LOG_LEVEL: 'silent' });
  return {
    db: database.db,
    now,
    // A signing key of its own, so that a test's log never writes one into the working folder.
    config: { ...config, logKey: signerKey(config.logOrigin, generateKeyPairSync('ed25519').privateKey) },
    log: pino({ level: 'silent' }),
  };
}

/** A person using the API: keeps their session cookie between requests, like a browser. */
export class Client {
  cookie = '';
  token = '';
  constructor(
    readonly app: ReturnType<typeof buildApp>,
    readonly lang: 'fa' | 'en' = 'en',
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { 'accept-language': this.lang, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await this.app.request(path, { method, headers: h, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair = ''] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await res.json() : await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API answered
    return { status: res.status, headers: res.headers, body: data as any };
  }
  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body ?? {}, headers);
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
}
