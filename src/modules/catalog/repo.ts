import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Which database and schema this is: the same on every connection to it, another on any other. */
export async function registryIdentity(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ id: string }>`SELECT concat_ws('/', system_identifier, current_database(),
    current_schema()) AS id FROM pg_control_system()`.execute(db);
  return rows[0]?.id ?? '';
}
