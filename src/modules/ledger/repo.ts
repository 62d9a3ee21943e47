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

const eventValues = (e: EventRow) => ({
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
});

/** Inserts the event alone: the baseline that measures what the log costs (see `withoutLog`). */
export const insertEvent = (db: Kysely<DB>, e: EventRow) =>
  db.insertInto('events').values(eventValues(e)).execute();

/**
 * Inserts the event and its leaf with the next index, in one call of `log_append` (migration 0004).
 * The leaf comes in two parts, split where the subject's previous leaf hash goes: the function
 * looks that hash up and joins the parts around it.
 */
export async function insertEventWithLeaf(
  db: Kysely<DB>,
  e: EventRow,
  leaf: { head: Uint8Array; tail: Uint8Array },
) {
  const v = eventValues(e);
  await sql`SELECT log_append(${v.subject_kind}, ${v.subject_id}, ${v.seq}, ${v.type}, ${v.actor_id}, ${v.actor_role},
    ${v.reason}, ${v.at}, ${v.before}, ${v.after}, ${leaf.head}, ${leaf.tail})`.execute(db);
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
