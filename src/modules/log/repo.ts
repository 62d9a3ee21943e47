import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Leaf hashes with idx in [from, to), in order. */
export const leafHashes = (db: Kysely<DB>, from: number, to: number) =>
  db
    .selectFrom('log_leaves')
    .select(['idx', 'hash'])
    .where('idx', '>=', from)
    .where('idx', '<', to)
    .orderBy('idx')
    .execute();

export const leaves = (db: Kysely<DB>, from: number, to: number) =>
  db
    .selectFrom('log_leaves')
    .select(['idx', 'leaf'])
    .where('idx', '>=', from)
    .where('idx', '<', to)
    .orderBy('idx')
    .execute();

export async function leafAt(db: Kysely<DB>, idx: number): Promise<Uint8Array | null> {
  const row = await db.selectFrom('log_leaves').select('leaf').where('idx', '=', idx).executeTakeFirst();
  return row?.leaf ?? null;
}

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

/** For the audit: each leaf in [from, to) with the full event it commits to. */
export const leavesWithEvents = (db: Kysely<DB>, from: number, to: number) =>
  db
    .selectFrom('log_leaves')
    .innerJoin('events', 'events.id', 'log_leaves.event_id')
    .select([
      'log_leaves.idx',
      'log_leaves.leaf',
      'events.subject_kind',
      'events.subject_id',
      'events.seq',
      'events.type',
      'events.actor_id',
      'events.actor_role',
      'events.reason',
      'events.at',
      'events.before',
      'events.after',
    ])
    .where('log_leaves.idx', '>=', from)
    .where('log_leaves.idx', '<', to)
    .orderBy('log_leaves.idx')
    .execute();

/** For the audit: events with no leaf, which the log would not show. */
export async function eventsWithoutLeaf(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .leftJoin('log_leaves', 'log_leaves.event_id', 'events.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('log_leaves.idx', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
