import { type Kysely, sql } from 'kysely';
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

/**
 * Claims the next leaf index and reads the subject's previous leaf hash, in one statement. The row
 * lock on the counter makes concurrent appenders take turns, so indexes have no gaps.
 */
export async function claimLogIndex(db: Kysely<DB>, subjectId: string): Promise<{ idx: number; prev: Uint8Array | null }> {
  const { rows } = await sql<{ idx: number; prev: Uint8Array | null }>`
    UPDATE log_head SET size = size + 1
    RETURNING size - 1 AS idx,
      (SELECT hash FROM log_leaves WHERE subject_id = ${subjectId} ORDER BY idx DESC LIMIT 1) AS prev`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('log_head has no row');
  return { idx: Number(row.idx), prev: row.prev };
}

/** Inserts the event and its leaf in one statement. */
export async function insertEventWithLeaf(
  db: Kysely<DB>,
  e: EventRow,
  leaf: { idx: number; bytes: Uint8Array; hash: Uint8Array },
): Promise<number> {
  const row = await db
    .with('e', (db) =>
      db
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
        .returning('id'),
    )
    .insertInto('log_leaves')
    .columns(['idx', 'event_id', 'subject_id', 'leaf', 'hash'])
    .expression((eb) =>
      eb
        .selectFrom('e')
        .select((s) => [
          sql<number>`${leaf.idx}::bigint`.as('idx'),
          s.ref('e.id').as('event_id'),
          sql<string>`${e.subjectId}::uuid`.as('subject_id'),
          sql<Uint8Array>`${leaf.bytes}::bytea`.as('leaf'),
          sql<Uint8Array>`${leaf.hash}::bytea`.as('hash'),
        ]),
    )
    .returning('event_id')
    .executeTakeFirstOrThrow();
  return row.event_id;
}

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
