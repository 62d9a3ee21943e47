import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { PUBLIC_STATUSES } from '../../domain/workflow.ts';

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

const EVENT_COLUMNS = sql.raw(
  'subject_kind, subject_id, seq, type, actor_id, actor_role, reason, at, before, after',
);

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

/** The leaf hashes of these events, keyed `kind:id:seq`. */
export async function leafHashesOf(db: Kysely<DB>, keys: { kind: string; id: string; seq: number }[]) {
  const hashes = new Map<string, Uint8Array>();
  if (!keys.length) return hashes;
  const { rows } = await sql<{ subject_kind: string; subject_id: string; seq: number; hash: Uint8Array }>`
    SELECT e.subject_kind, e.subject_id, e.seq, l.hash
    FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(kind text, id uuid, seq integer)
    JOIN events e ON e.subject_kind = k.kind AND e.subject_id = k.id AND e.seq = k.seq
    JOIN log_leaves l ON l.event_id = e.id`.execute(db);
  for (const r of rows) hashes.set(`${r.subject_kind}:${r.subject_id}:${r.seq}`, r.hash);
  return hashes;
}

/**
 * Inserts events and their leaves, finished by the caller (previous leaf hash in place, hash
 * computed), in one statement: it claims as many log indexes as there are events, in the order given
 * (the row lock on `log_head`, held to commit, keeps them gap-free). The rows travel as one JSON
 * parameter: a multi-row VALUES would need 13 parameters a row, and a statement takes 65,535 at most.
 */
export async function insertEventsWithLeaves(
  db: Kysely<DB>,
  events: EventRow[],
  leaves: { leaf: Uint8Array; hash: Uint8Array }[],
) {
  const rows = events.map((e, i) => ({
    ord: i,
    subject_kind: e.subjectKind,
    subject_id: e.subjectId,
    seq: e.seq,
    type: e.type,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    reason: e.reason,
    at: e.at,
    before: e.before,
    after: e.after,
    leaf: Buffer.from(leaves[i]?.leaf ?? []).toString('hex'),
    hash: Buffer.from(leaves[i]?.hash ?? []).toString('hex'),
  }));
  // jsonb: parsed once, then read by field; json_to_recordset would parse each row again.
  await sql`
    WITH head AS (
      UPDATE log_head SET size = size + ${rows.length}::bigint RETURNING size - ${rows.length}::bigint AS first
    ), r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(ord bigint, subject_kind text,
        subject_id uuid, seq integer, type text, actor_id uuid, actor_role text, reason text, at timestamptz,
        before jsonb, after jsonb, leaf text, hash text)
    ), e AS (
      INSERT INTO events (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM r ORDER BY ord
      RETURNING id, subject_kind, subject_id, seq
    )
    INSERT INTO log_leaves (idx, event_id, subject_id, leaf, hash)
    SELECT head.first + r.ord, e.id, r.subject_id, decode(r.leaf, 'hex'), decode(r.hash, 'hex')
    FROM r JOIN e USING (subject_kind, subject_id, seq) CROSS JOIN head`.execute(db);
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

const PUBLIC = sql.join(PUBLIC_STATUSES.map((s) => sql.lit(s)));

/**
 * The seq of a subject's first event that left it in a public state. No move leads from a public
 * state back to a private one, so every later event is public too.
 */
const firstPublicSeq = sql<number | null>`(
  SELECT min(p.seq) FROM events p
  WHERE p.subject_kind = events.subject_kind AND p.subject_id = events.subject_id
    AND p.after->>'status' IN (${PUBLIC}))`;

function eventsWithLeaves(db: Kysely<DB>) {
  return db
    .selectFrom('log_leaves')
    .innerJoin('events', 'events.id', 'log_leaves.event_id')
    .select([
      'log_leaves.idx',
      'events.subject_kind',
      'events.subject_id',
      'events.seq',
      'events.type',
      'events.reason',
      'events.at',
      'events.after',
      firstPublicSeq.as('first_public_seq'),
    ]);
}

/** Events in log order after a leaf index. */
export const changesPage = (db: Kysely<DB>, afterIdx: number, limit: number) =>
  eventsWithLeaves(db)
    .where('log_leaves.idx', '>', afterIdx)
    .orderBy('log_leaves.idx')
    .limit(limit)
    .execute();

/** Events of these types taken while their subject was public, in log order. */
export const decisionsPage = (db: Kysely<DB>, types: readonly string[], afterIdx: number, limit: number) =>
  eventsWithLeaves(db)
    .where('log_leaves.idx', '>', afterIdx)
    .where('events.type', 'in', [...types])
    .where(sql<boolean>`events.seq >= ${firstPublicSeq}`)
    .orderBy('log_leaves.idx')
    .limit(limit)
    .execute();

export async function logSize(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('log_head').select('size').executeTakeFirstOrThrow();
  return Number(row.size);
}

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

/** Each leaf in [from, to) with the full event it commits to. */
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

/** Events with no leaf, which the log would not show. */
export async function eventsWithoutLeaf(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .leftJoin('log_leaves', 'log_leaves.event_id', 'events.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('log_leaves.idx', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The id of the newest event, 0 when there is none. */
export async function lastEventId(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The subjects of the events after `afterId`, oldest first. */
export const subjectsAfter = (db: Kysely<DB>, afterId: number, limit: number) =>
  db
    .selectFrom('events')
    .select(['id', 'subject_kind', 'subject_id'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

/** The last event up to `id`: its id, subject and time to the microsecond. A restored registry differs. */
export async function eventMark(db: Kysely<DB>, id: number): Promise<string> {
  const { rows } = await sql<{ mark: string }>`SELECT concat_ws('/', id, subject_id,
    (extract(epoch FROM at) * 1000000)::bigint) AS mark FROM events WHERE id <= ${id} ORDER BY id DESC LIMIT 1`.execute(
    db,
  );
  return rows[0]?.mark ?? '';
}
