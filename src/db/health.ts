import { type Kysely, sql } from 'kysely';

/** Whether the database answers. */
// biome-ignore lint/suspicious/noExplicitAny: any database will do
export async function ping(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
