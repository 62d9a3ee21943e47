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
