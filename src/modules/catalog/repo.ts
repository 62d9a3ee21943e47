import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { IndexedProducer, IndexedProduct } from './search-index.ts';

// Only what the index reads, in the shapes it keeps: the attributes' values as one text, times as
// milliseconds and the percentage as a double, so that no row costs a JSON parse or a Date. At a
// million products the rows' parsing was half of the index's load.
const publicProducts = (db: Kysely<DB>) =>
  db
    .selectFrom('products')
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
      'products.producer_id',
      sql<string>`coalesce((SELECT string_agg(value, E'\n') FROM jsonb_each_text(products.attributes)), '')`.as(
        'attribute_text',
      ),
      sql<number>`products.value_added_percent::float8`.as('value_added'),
      sql<number>`extract(epoch FROM coalesce(products.registered_at, products.created_at))::float8 * 1000`.as(
        'registered_ms',
      ),
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof publicProducts>['execute']>>[number];

/** Each producer is read once and shared by its products. */
async function producersById(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, IndexedProducer>> {
  const producers = new Map<string, IndexedProducer>();
  if (!ids.length) return producers;
  const rows = await db
    .selectFrom('producers')
    .select(['id', 'national_id', 'name_fa', 'name_en', 'province', 'isic'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows)
    producers.set(r.id, {
      id: r.id,
      nationalId: r.national_id,
      nameFa: r.name_fa,
      nameEn: r.name_en,
      province: r.province,
      isic: r.isic,
    });
  return producers;
}

async function withProducers(
  db: Kysely<DB>,
  rows: Row[],
  known = new Map<string, IndexedProducer>(),
): Promise<IndexedProduct[]> {
  const missing = rows.filter((r) => !known.has(r.producer_id)).map((r) => r.producer_id);
  for (const [id, producer] of await producersById(db, missing)) known.set(id, producer);
  return rows.flatMap((r) => {
    const producer = known.get(r.producer_id);
    if (!producer) return [];
    return [
      {
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
        attributeText: r.attribute_text,
        valueAddedPercent: r.value_added,
        registeredAt: r.registered_ms,
        producer,
      },
    ];
  });
}

/**
 * One batch of the public catalog after the product `after`, by tariff code, then producer, then id:
 * products alike come together, and the index built in this order reads a common word's matches in
 * runs (a third of the time for the benchmark's queries at a million products). `producers` carries
 * the producers read so far from one batch to the next.
 */
export async function publicBatch(
  db: Kysely<DB>,
  after: IndexedProduct | null,
  limit: number,
  producers: Map<string, IndexedProducer>,
): Promise<IndexedProduct[]> {
  let q = publicProducts(db)
    .orderBy('products.tariff_code')
    .orderBy('products.producer_id')
    .orderBy('products.id')
    .limit(limit);
  if (after)
    q = q.where((eb) =>
      eb(
        eb.refTuple('products.tariff_code', 'products.producer_id', 'products.id'),
        '>',
        eb.tuple(after.tariffCode, after.producer.id, after.id),
      ),
    );
  return withProducers(db, await q.execute(), producers);
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
  return withProducers(db, rows);
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

/** Which database and schema this is: the same on every connection to it, another on any other. */
export async function registryIdentity(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ id: string }>`SELECT concat_ws('/', system_identifier, current_database(),
    current_schema()) AS id FROM pg_control_system()`.execute(db);
  return rows[0]?.id ?? '';
}

/** The last event up to `id`: its id, subject and time to the microsecond. A restored registry differs. */
export async function eventMark(db: Kysely<DB>, id: number): Promise<string> {
  const { rows } = await sql<{ mark: string }>`SELECT concat_ws('/', id, subject_id,
    (extract(epoch FROM at) * 1000000)::bigint) AS mark FROM events WHERE id <= ${id} ORDER BY id DESC LIMIT 1`.execute(
    db,
  );
  return rows[0]?.mark ?? '';
}
