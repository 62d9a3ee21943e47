/** Writes docs/openapi.json from the code; a test fails when the two disagree. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { buildApp, openApiDocument } from '../src/server.ts';

export const OPENAPI_FILE = join(import.meta.dirname, '..', 'docs', 'openapi.json');
export const renderOpenApi = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

if (process.argv[1] === import.meta.filename) {
  const database = await openDatabase({});
  const app = buildApp({
    db: database.db,
    now: () => new Date(),
    config: loadConfig({}),
    log: pino({ level: 'silent' }),
  });
  writeFileSync(OPENAPI_FILE, renderOpenApi(openApiDocument(app)));
  await database.close();
  console.log(`wrote ${OPENAPI_FILE}`);
}
