import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Outcome } from '../../domain/audit.ts';

export const findSample = (db: Kysely<DB>, year: number) =>
  db.selectFrom('audit_samples').selectAll().where('year', '=', year).executeTakeFirst();

export const sampledYears = async (db: Kysely<DB>) =>
  (await db.selectFrom('audit_samples').select('year').orderBy('year', 'desc').execute()).map((r) => r.year);

/** The registrations in force now: those a sample is drawn from. */
export const countInForce = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Records the year's sample and draws its registrations at random, in the caller's transaction. */
export async function insertSample(
  tx: Kysely<DB>,
  s: { year: number; drawnBy: string; population: number; size: number },
) {
  await tx
    .insertInto('audit_samples')
    .values({ year: s.year, drawn_by: s.drawnBy, population: s.population })
    .execute();
  await tx
    .insertInto('audit_items')
    .columns(['year', 'product_id'])
    .expression((eb) =>
      eb
        .selectFrom('products')
        .select([sql.lit(s.year).as('year'), 'id'])
        .where('status', '=', 'approved')
        .orderBy(sql`random()`)
        .limit(s.size),
    )
    .execute();
}

/** A sample's registrations, those still to audit first, each with its product and unit's names. */
export const items = (db: Kysely<DB>, year: number) =>
  db
    .selectFrom('audit_items')
    .innerJoin('products', 'products.id', 'audit_items.product_id')
    .innerJoin('producers', 'producers.id', 'products.producer_id')
    .select([
      'audit_items.product_id',
      'audit_items.outcome',
      'audit_items.note',
      'audit_items.audited_at',
      'products.name_fa',
      'products.name_en',
      'products.registration_number',
      'products.status',
      'producers.name_fa as producer_name_fa',
      'producers.name_en as producer_name_en',
    ])
    .where('audit_items.year', '=', year)
    .orderBy(sql`audit_items.outcome IS NOT NULL`)
    .orderBy('products.registration_number')
    .execute();

/** The samples in which this registration still waits for its audit. */
export const pendingYears = async (db: Kysely<DB>, productId: string) =>
  (
    await db
      .selectFrom('audit_items')
      .select('year')
      .where('product_id', '=', productId)
      .where('outcome', 'is', null)
      .orderBy('year')
      .execute()
  ).map((r) => r.year);

/** Records an outcome once: nothing is updated when the registration was audited already. */
export const recordOutcome = (
  db: Kysely<DB>,
  r: { year: number; productId: string; outcome: Outcome; note: string | null; by: string; at: Date },
) =>
  db
    .updateTable('audit_items')
    .set({ outcome: r.outcome, note: r.note, audited_by: r.by, audited_at: r.at })
    .where('year', '=', r.year)
    .where('product_id', '=', r.productId)
    .where('outcome', 'is', null)
    .executeTakeFirst();
