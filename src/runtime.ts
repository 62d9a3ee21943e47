import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import type { Deps } from './context.ts';
import { type Database, openDatabase } from './db/connection.ts';
import { migrate } from './db/migrator.ts';
import { ensureAdmin, pruneSessions } from './modules/accounts/service.ts';
import * as catalog from './modules/catalog/service.ts';
import { demoToLoad, seedDemo } from './modules/demo/seed.ts';
import { pruneKeys } from './modules/idempotency/service.ts';
import { logOf } from './modules/log/service.ts';
import { startSnapshots } from './modules/opendata/snapshot-schedule.ts';
import { expireDue } from './modules/products/service.ts';
import { buildApp } from './server.ts';

/**
 * The configured database, for the server or for a command. PGlite's shared buffers are the server's
 * read cache; a command reads or writes in bulk, once, and keeps 110 MB fewer in memory with 16 MB.
 */
export const openConfiguredDatabase = (config: Config, use: 'server' | 'command' = 'server') =>
  openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl }
      : { dataDir: config.dataDir, durable: true, sharedBuffers: use === 'command' ? '16MB' : undefined },
  );

export function logger(config: Config): Logger {
  return pino({ level: config.logLevel, base: { app: 'iranmade' } });
}

/** Migrations, the first admin and, on an empty database, the demo catalog. */
export async function prepare(database: Database, config: Config, log: Logger) {
  const applied = await migrate(database);
  if (applied.length) log.info({ migrations: applied.map((m) => `${m.version}_${m.name}`) }, 'migrated');
  const ctx = { db: database.db, now: () => new Date() };
  if (config.admin) {
    const { created } = await ensureAdmin(ctx, config.admin);
    if (created) log.info({ email: config.admin.email }, 'first admin created');
  }
  // A demo load stopped half-way (the server killed during its first start) is taken up at the next.
  const load = config.demo === 'auto' ? await demoToLoad(ctx) : null;
  if (!load) return;
  const started = performance.now();
  log.info(
    load === 'all' ? 'empty registry: loading the demo catalog' : 'loading the rest of the demo catalog',
  );
  const res = await seedDemo(ctx, {
    onProgress: (done, total) => log.info({ done, total }, 'loading the demo catalog'),
  });
  log.info({ ...res, seconds: Math.round((performance.now() - started) / 100) / 10 }, 'demo catalog loaded');
}

/** Runs the server until SIGINT or SIGTERM. */
export async function runServer(config: Config) {
  const started = performance.now();
  const log = logger(config);
  const database = await openConfiguredDatabase(config);
  await prepare(database, config, log);
  const deps: Deps = { db: database.db, now: () => new Date(), config, log };
  const app = buildApp(deps);
  logOf(deps).start();
  const stopCatalog = catalog.start(deps, { keepIn: config.dataDir });
  const stopSnapshots =
    config.snapshots === 'daily' ? startSnapshots(deps, { after: catalog.loaded(deps) }) : async () => {};
  const housekeeping = setInterval(() => {
    Promise.all([expireDue(deps), pruneSessions(deps), pruneKeys(deps)]).catch((err) =>
      log.error({ err }, 'housekeeping failed'),
    );
  }, 60_000);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info(
      {
        url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`,
        database: database.kind,
        readyInSeconds: Math.round(performance.now() - started) / 1000,
      },
      'iranmade is ready',
    );
    if (!config.publicUrl && !['127.0.0.1', 'localhost', '::1'].includes(config.host))
      log.warn('PUBLIC_URL is not set: QR codes and links to copy take the address each request names');
  });
  let stopping = false;
  const stop = async () => {
    // A signal relayed after the first, or a second Ctrl-C, must not cut the stop short.
    if (stopping) return;
    stopping = true;
    log.info('stopping');
    clearInterval(housekeeping);
    server.close();
    await Promise.all([stopCatalog(), stopSnapshots()]);
    await database.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
