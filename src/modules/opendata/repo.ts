import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { PUBLIC_STATUSES } from '../../domain/workflow.ts';

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
    .leftJoin('products', (j) =>
      j.onRef('products.id', '=', 'events.subject_id').on('events.subject_kind', '=', 'product'),
    )
    .select([
      'log_leaves.idx',
      'events.subject_kind',
      'events.subject_id',
      'events.seq',
      'events.type',
      'events.reason',
      'events.at',
      'events.after',
      'products.registration_number',
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

/** Ministry decisions taken while their subject was public, in log order. */
export const decisionsPage = (db: Kysely<DB>, types: readonly string[], afterIdx: number, limit: number) =>
  eventsWithLeaves(db)
    .where('log_leaves.idx', '>', afterIdx)
    .where('events.type', 'in', [...types])
    .where(sql<boolean>`events.seq >= ${firstPublicSeq}`)
    .orderBy('log_leaves.idx')
    .limit(limit)
    .execute();

export const publicProductsPage = (db: Kysely<DB>, afterId: string, limit: number) =>
  db
    .selectFrom('products')
    .innerJoin('producers', 'producers.id', 'products.producer_id')
    .selectAll('products')
    .select(['producers.national_id as producer_national_id', 'producers.name_fa as producer_name_fa'])
    .where('products.status', 'in', [...PUBLIC_STATUSES])
    .where('products.id', '>', afterId)
    .orderBy('products.id')
    .limit(limit)
    .execute();

export const publicProducersPage = (db: Kysely<DB>, afterId: string, limit: number) =>
  db
    .selectFrom('producers')
    .selectAll()
    .where('status', 'in', [...PUBLIC_STATUSES])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

export async function logSize(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('log_head').select('size').executeTakeFirstOrThrow();
  return Number(row.size);
}

export type ImportKey = { scopeId: string; ref: string };
export const importKey = (k: ImportKey) => `${k.scopeId}:${k.ref}`;

/**
 * Which of these references were imported, keyed `scopeId:ref`: true for those imported at or after
 * `since` (a moment of the database's clock, kept as text to keep its microseconds).
 */
export async function importedRefs(
  db: Kysely<DB>,
  kind: 'producer' | 'product',
  keys: ImportKey[],
  since: string,
) {
  if (!keys.length) return new Map<string, boolean>();
  const rows = await db
    .selectFrom('import_refs')
    .select(['scope_id', 'ref', sql<boolean>`imported_at >= ${since}::timestamptz`.as('since')])
    .where('kind', '=', kind)
    .where('scope_id', 'in', [...new Set(keys.map((k) => k.scopeId))])
    .where(
      'ref',
      'in',
      keys.map((k) => k.ref),
    )
    .execute();
  return new Map(rows.map((r) => [importKey({ scopeId: r.scope_id, ref: r.ref }), r.since]));
}

/** Records imported references; one already there (another import at the same time) fails the batch. */
export const saveImportRefs = (
  db: Kysely<DB>,
  kind: 'producer' | 'product',
  rows: (ImportKey & { subjectId: string })[],
) =>
  rows.length
    ? db
        .insertInto('import_refs')
        .values(rows.map((r) => ({ kind, scope_id: r.scopeId, ref: r.ref, subject_id: r.subjectId })))
        .execute()
    : Promise.resolve();

/** Now, by the database's clock that stamps import_refs.imported_at. */
export async function databaseNow(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ now: string }>`SELECT now()::text AS now`.execute(db);
  const now = rows[0]?.now;
  if (!now) throw new Error('the database did not say what time it is');
  return now;
}
