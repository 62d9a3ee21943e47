import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function latestCheckpoint(db: Kysely<DB>): Promise<{ size: number; note: string } | null> {
  const row = await db
    .selectFrom('log_checkpoints')
    .select(['size', 'note'])
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function checkpointOfSize(db: Kysely<DB>, size: number): Promise<string | null> {
  const row = await db
    .selectFrom('log_checkpoints')
    .select('note')
    .where('size', '=', size)
    .executeTakeFirst();
  return row?.note ?? null;
}

/** Stores a signed checkpoint unless one of that size exists: with several processes, the first wins. */
export const insertCheckpoint = (db: Kysely<DB>, size: number, note: string, at: Date) =>
  db
    .insertInto('log_checkpoints')
    .values({ size, note, signed_at: at })
    .onConflict((oc) => oc.column('size').doNothing())
    .execute();
