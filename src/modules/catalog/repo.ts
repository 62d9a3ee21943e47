import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function lastEventId(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The subjects of the events after `afterId`, oldest first. */
export const eventsAfter = (db: Kysely<DB>, afterId: number, limit: number) =>
  db
    .selectFrom('events')
    .select(['id', 'subject_kind', 'subject_id'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

/** Which database and schema this is: the same on every connection to it, another on any other. */
export async function registryIdentity(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ id: string }>`SELECT concat_ws('/', system_identifier, current_database(),
    current_schema()) AS id FROM pg_control_system()`.execute(db);
  return rows[0]?.id ?? '';
}

/** The last event up to `id`: its id, subject and time to the microsecond. A restored registry differs. */
export async function eventMark(db: Kysely<DB>, id: number): Promise<string> {
  const { rows } = await sql<{ mark: string }>`SELECT concat_ws('/', id, subject_id,
    (extract(epoch FROM at) * 1000000)::bigint) AS mark FROM events WHERE id <= ${id} ORDER BY id DESC LIMIT 1`.execute(
    db,
  );
  return rows[0]?.mark ?? '';
}
