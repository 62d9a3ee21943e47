import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface EventRow {
  subjectKind: 'producer' | 'product';
  subjectId: string;
  seq: number;
  type: string;
  actorId: string | null;
  actorRole: string;
  reason: string | null;
  at: Date;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export async function insertEvent(db: Kysely<DB>, e: EventRow): Promise<number> {
  const row = await db
    .insertInto('events')
    .values({
      subject_kind: e.subjectKind,
      subject_id: e.subjectId,
      seq: e.seq,
      type: e.type,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      reason: e.reason,
      at: e.at,
      before: JSON.stringify(e.before),
      after: JSON.stringify(e.after),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The next leaf index; the row lock makes concurrent appenders take turns, so indexes have no gaps. */
export async function claimLogIndex(db: Kysely<DB>): Promise<number> {
  const row = await db
    .updateTable('log_head')
    .set((eb) => ({ size: eb('size', '+', 1) }))
    .returning('size')
    .executeTakeFirstOrThrow();
  return row.size - 1;
}

export async function lastLeafHashOf(db: Kysely<DB>, subjectId: string): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('log_leaves')
    .select('hash')
    .where('subject_id', '=', subjectId)
    .orderBy('idx', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash ?? null;
}

export const insertLeaf = (
  db: Kysely<DB>,
  l: { idx: number; eventId: number; subjectId: string; leaf: Uint8Array; hash: Uint8Array },
) =>
  db
    .insertInto('log_leaves')
    .values({ idx: l.idx, event_id: l.eventId, subject_id: l.subjectId, leaf: l.leaf, hash: l.hash })
    .execute();

export const eventsOf = (db: Kysely<DB>, subjectKind: 'producer' | 'product', subjectId: string) =>
  db
    .selectFrom('events')
    .leftJoin('log_leaves', 'log_leaves.event_id', 'events.id')
    .select([
      'events.id',
      'events.seq',
      'events.type',
      'events.actor_role',
      'events.reason',
      'events.at',
      'events.before',
      'events.after',
      'log_leaves.idx as log_index',
    ])
    .where('events.subject_kind', '=', subjectKind)
    .where('events.subject_id', '=', subjectId)
    .orderBy('events.seq')
    .execute();

/** Every event, in order, a page at a time (for replay and audit). */
export const eventsPage = (db: Kysely<DB>, afterId: number, limit: number) =>
  db
    .selectFrom('events')
    .select(['id', 'subject_kind', 'subject_id', 'seq', 'type', 'after'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
