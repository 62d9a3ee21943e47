import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Outcome } from '../../domain/audit.ts';

export const findSample = (db: Kysely<DB>, year: number) =>
  db.selectFrom('audit_samples').selectAll().where('year', '=', year).executeTakeFirst();

export const sampledYears = async (db: Kysely<DB>) =>
  (await db.selectFrom('audit_samples').select('year').orderBy('year', 'desc').execute()).map((r) => r.year);

/** Rows an insert writes at once: two parameters each, well under PostgreSQL's 65,535 a statement. */
const BATCH = 10_000;

/** Records the year's sample with the registrations drawn for it, in the caller's transaction. */
export async function insertSample(
  tx: Kysely<DB>,
  s: { year: number; drawnBy: string; population: number; productIds: readonly string[] },
) {
  await tx
    .insertInto('audit_samples')
    .values({ year: s.year, drawn_by: s.drawnBy, population: s.population })
    .execute();
  for (let i = 0; i < s.productIds.length; i += BATCH)
    await tx
      .insertInto('audit_items')
      .values(s.productIds.slice(i, i + BATCH).map((id) => ({ year: s.year, product_id: id })))
      .execute();
}

/** A sample's registrations, each with what its audit found, if it has been. */
export const items = (db: Kysely<DB>, year: number) =>
  db.selectFrom('audit_items').select(['product_id', 'outcome', 'note']).where('year', '=', year).execute();

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
