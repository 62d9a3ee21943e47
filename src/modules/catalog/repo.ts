import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { IndexedProduct } from './search-index.ts';

const publicProducts = (db: Kysely<DB>) =>
  db
    .selectFrom('products')
    .innerJoin('producers', 'producers.id', 'products.producer_id')
    .where('products.status', '=', 'approved')
    .select([
      'products.id',
      'products.registration_number',
      'products.gtin',
      'products.tariff_code',
      'products.name_fa',
      'products.name_en',
      'products.description_fa',
      'products.description_en',
      'products.brand',
      'products.model',
      'products.attributes',
      'products.value_added_percent',
      'products.registered_at',
      'products.created_at',
      'products.producer_id',
      'producers.national_id',
      'producers.name_fa as producer_name_fa',
      'producers.name_en as producer_name_en',
      'producers.province',
      'producers.isic',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof publicProducts>['execute']>>[number];

const toIndexed = (r: Row): IndexedProduct => ({
  id: r.id,
  registrationNumber: r.registration_number,
  gtin: r.gtin,
  tariffCode: r.tariff_code,
  nameFa: r.name_fa,
  nameEn: r.name_en,
  descriptionFa: r.description_fa,
  descriptionEn: r.description_en,
  brand: r.brand,
  model: r.model,
  attributes: r.attributes as Record<string, string>,
  valueAddedPercent: Number(r.value_added_percent),
  registeredAt: new Date(r.registered_at ?? r.created_at).getTime(),
  producer: {
    id: r.producer_id,
    nationalId: r.national_id,
    nameFa: r.producer_name_fa,
    nameEn: r.producer_name_en,
    province: r.province,
    isic: r.isic,
  },
});

/** One batch of the public catalog, in id order after `afterId`. */
export async function publicBatch(
  db: Kysely<DB>,
  afterId: string | null,
  limit: number,
): Promise<IndexedProduct[]> {
  let q = publicProducts(db).orderBy('products.id').limit(limit);
  if (afterId) q = q.where('products.id', '>', afterId);
  return (await q.execute()).map(toIndexed);
}

/** The public ones among these products, and the public products of these producers. */
export async function publicOf(
  db: Kysely<DB>,
  productIds: string[],
  producerIds: string[],
): Promise<IndexedProduct[]> {
  if (!productIds.length && !producerIds.length) return [];
  const rows = await publicProducts(db)
    .where((eb) =>
      eb.or([
        ...(productIds.length ? [eb('products.id', 'in', productIds)] : []),
        ...(producerIds.length ? [eb('products.producer_id', 'in', producerIds)] : []),
      ]),
    )
    .execute();
  return rows.map(toIndexed);
}

export async function lastEventId(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The subjects of the events after `afterId`, oldest first. */
export const eventsAfter = (db: Kysely<DB>, afterId: number, limit: number) =>
  db
    .selectFrom('events')
    .select(['id', 'subject_kind', 'subject_id'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
