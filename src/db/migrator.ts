import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './connection.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
const MIGRATION_LOCK = 7243001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function migrationFiles(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.slice(5, -4),
      sql: readFileSync(join(dir, f), 'utf8'),
    }));
}

async function appliedVersions(database: Database): Promise<Set<number>> {
  const rows = await database.db.selectFrom('schema_migrations').select('version').execute();
  return new Set(rows.map((r) => r.version));
}

/**
 * Applies the migrations not yet applied, each in one transaction with its bookkeeping row.
 * When several processes start at once on one server, the lock makes them take turns; one that
 * finds its migration applied by another meanwhile moves on.
 */
export async function migrate(database: Database, migrations = migrationFiles()): Promise<Migration[]> {
  await database.exec(`BEGIN;
SELECT pg_advisory_xact_lock(${MIGRATION_LOCK});
CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
COMMIT;`);
  const applied: Migration[] = [];
  for (const m of migrations) {
    if ((await appliedVersions(database)).has(m.version)) continue;
    try {
      await database.exec(`BEGIN;
SELECT pg_advisory_xact_lock(${MIGRATION_LOCK});
${m.sql}
;INSERT INTO schema_migrations (version, name) VALUES (${m.version}, '${m.name}');
COMMIT;`);
      applied.push(m);
    } catch (err) {
      if (!(await appliedVersions(database)).has(m.version)) throw err;
    }
  }
  return applied;
}
