import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** An industry: an HS chapter (what is made) or an ISIC division (the activity of who makes it). */
export type Industry = { kind: 'hs'; code: string } | { kind: 'isic'; code: string };

type Approved = SelectQueryBuilder<DB, 'products' | 'producers', object>;

const approved = (db: Kysely<DB>): Approved =>
  db
    .selectFrom('products')
    .innerJoin('producers', 'producers.id', 'products.producer_id')
    .where('products.status', '=', 'approved');

const codeOf = (kind: Industry['kind']) =>
  kind === 'hs' ? sql<string>`substr(products.tariff_code, 1, 2)` : sql<string>`substr(producers.isic, 1, 2)`;

const within = (q: Approved, industry: Industry) => q.where(codeOf(industry.kind), '=', industry.code);

const counts = sql<number>`count(*)`.as('products');
const makers = sql<number>`count(distinct products.producer_id)`.as('producers');

/** Every industry of a kind that has approved products, with its products and producers counted. */
export async function industries(db: Kysely<DB>, kind: Industry['kind']) {
  const rows = await approved(db)
    .select([codeOf(kind).as('code'), counts, makers])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((r) => ({ code: r.code, products: Number(r.products), producers: Number(r.producers) }));
}

/** One industry's figures: totals, declared capacity per measurement unit, and the split by province. */
export async function figures(db: Kysely<DB>, industry: Industry) {
  const q = within(approved(db), industry);
  const [totals, capacity, provinces] = await Promise.all([
    q.select([counts, makers]).executeTakeFirstOrThrow(),
    q
      .select(['products.unit as unit', sql<string>`sum(products.annual_capacity)`.as('total')])
      .groupBy('products.unit')
      .orderBy(sql`2`, 'desc')
      .execute(),
    q
      .select(['producers.province as province', counts, makers])
      .groupBy('producers.province')
      .orderBy(sql`2`, 'desc')
      .orderBy('producers.province')
      .execute(),
  ]);
  return {
    products: Number(totals.products),
    producers: Number(totals.producers),
    capacity: capacity.map((r) => ({ unit: r.unit, total: Number(r.total) })),
    provinces: provinces.map((r) => ({
      province: r.province,
      products: Number(r.products),
      producers: Number(r.producers),
    })),
  };
}

/** The newest approved products of an industry. */
export async function newestIn(db: Kysely<DB>, industry: Industry, limit: number) {
  const rows = await within(approved(db), industry)
    .select('products.id')
    .orderBy('products.registered_at', 'desc')
    .orderBy('products.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Approved products whose tariff code starts with `prefix` but not with `narrower`, in tariff order. */
export async function byTariffPrefix(db: Kysely<DB>, prefix: string, narrower: string | null, limit: number) {
  let q = approved(db).where('products.tariff_code', 'like', `${prefix}%`);
  if (narrower) q = q.where('products.tariff_code', 'not like', `${narrower}%`);
  const [ids, total] = await Promise.all([
    q
      .select('products.id')
      .orderBy('products.tariff_code')
      .orderBy('products.registered_at', 'desc')
      .limit(limit)
      .execute(),
    q.select(counts).executeTakeFirstOrThrow(),
  ]);
  return { ids: ids.map((r) => r.id), total: Number(total.products) };
}

/** The most common tariff codes among these products, most frequent first. */
export async function commonTariffCodes(db: Kysely<DB>, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('products')
    .select(['tariff_code', counts])
    .where('id', 'in', [...ids])
    .groupBy('tariff_code')
    .orderBy(sql`2`, 'desc')
    .orderBy('tariff_code')
    .execute();
  return rows.map((r) => r.tariff_code);
}
