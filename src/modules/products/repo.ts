import { type Kysely, type Selectable, sql } from 'kysely';
import { containing } from '../../db/like.ts';
import { iso } from '../../db/rows.ts';
import type { DB, ProductsTable } from '../../db/schema.ts';
import type { Status } from '../../domain/workflow.ts';
import { unitsToJoin } from '../producers/service.ts';

export interface ProductFieldValues {
  nameFa: string;
  nameEn: string;
  descriptionFa: string;
  descriptionEn: string;
  tariffCode: string;
  brand: string;
  model: string;
  gtin: string | null;
  unit: string;
  annualCapacity: number;
  exWorksPrice: number;
  importedInputsCost: number;
  exportMarkets: string[];
  attributes: Record<string, string>;
}

export interface Revision {
  status: Status;
  fields: ProductFieldValues;
  reason: string | null;
  submittedAt: string | null;
}

/** A product as the registry's history describes it (the projection of its events). */
export interface Product extends ProductFieldValues {
  id: string;
  producerId: string;
  status: Status;
  version: number;
  registrationNumber: string | null;
  registeredAt: string | null;
  validUntil: string | null;
  valueAddedPercent: number;
  revision: Revision | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export function fromRow(r: Selectable<ProductsTable>): Product {
  return {
    id: r.id,
    producerId: r.producer_id,
    status: r.status,
    version: r.version,
    registrationNumber: r.registration_number,
    registeredAt: iso(r.registered_at),
    validUntil: iso(r.valid_until),
    nameFa: r.name_fa,
    nameEn: r.name_en,
    descriptionFa: r.description_fa,
    descriptionEn: r.description_en,
    tariffCode: r.tariff_code,
    brand: r.brand,
    model: r.model,
    gtin: r.gtin,
    unit: r.unit,
    annualCapacity: r.annual_capacity,
    exWorksPrice: r.ex_works_price,
    importedInputsCost: r.imported_inputs_cost,
    valueAddedPercent: r.value_added_percent,
    exportMarkets: r.export_markets,
    attributes: r.attributes as Record<string, string>,
    revision: r.revision as Revision | null,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    submittedAt: iso(r.submitted_at),
  };
}

function toRow(p: Product) {
  return {
    id: p.id,
    producer_id: p.producerId,
    status: p.status,
    version: p.version,
    registration_number: p.registrationNumber,
    registered_at: p.registeredAt,
    valid_until: p.validUntil,
    name_fa: p.nameFa,
    name_en: p.nameEn,
    description_fa: p.descriptionFa,
    description_en: p.descriptionEn,
    tariff_code: p.tariffCode,
    brand: p.brand,
    model: p.model,
    gtin: p.gtin,
    unit: p.unit,
    annual_capacity: p.annualCapacity,
    ex_works_price: p.exWorksPrice,
    imported_inputs_cost: p.importedInputsCost,
    value_added_percent: p.valueAddedPercent,
    export_markets: p.exportMarkets,
    attributes: JSON.stringify(p.attributes),
    revision: p.revision ? JSON.stringify(p.revision) : null,
    revision_status: p.revision?.status ?? null,
    reason: p.reason,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    submitted_at: p.submittedAt,
  };
}

export async function find(db: Kysely<DB>, id: string, lock = false): Promise<Product | undefined> {
  let q = db.selectFrom('products').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && fromRow(row);
}

export async function findByRegistrationNumber(db: Kysely<DB>, number: string): Promise<Product | undefined> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('registration_number', '=', number)
    .executeTakeFirst();
  return row && fromRow(row);
}

export const insert = (db: Kysely<DB>, p: Product) => db.insertInto('products').values(toRow(p)).execute();

/**
 * Inserts many products in one statement. Their rows travel as one JSON parameter that the database
 * reads into the table's row type, so any number of rows fits (VALUES would need 29 parameters a row).
 */
export async function insertMany(db: Kysely<DB>, ps: readonly Product[]) {
  if (!ps.length) return;
  const rows = ps.map((p) => ({ ...toRow(p), attributes: p.attributes, revision: p.revision }));
  const columns = sql.join(Object.keys(rows[0] ?? {}).map((c) => sql.ref(c)));
  await sql`INSERT INTO products (${columns})
    SELECT ${columns} FROM jsonb_populate_recordset(NULL::products, ${JSON.stringify(rows)}::jsonb)`.execute(
    db,
  );
}

/** The registrations in force, which hold their GTIN alone (the index `products_gtin_held`). */
export const HOLDS_GTIN: readonly Status[] = ['approved', 'suspended'];

/** The registration number of each of these GTINs' holders, other than the product `except`. */
export async function gtinHolders(db: Kysely<DB>, gtins: readonly string[], except?: string) {
  if (!gtins.length) return new Map<string, string>();
  let q = db
    .selectFrom('products')
    .select(['gtin', 'registration_number'])
    .where('gtin', 'in', [...gtins])
    .where('status', 'in', [...HOLDS_GTIN]);
  if (except) q = q.where('id', '<>', except);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.gtin as string, r.registration_number as string]));
}

/** How many products each of these units has, in any state. */
export async function countsByUnit(db: Kysely<DB>, producerIds: readonly string[]) {
  if (!producerIds.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('products')
    .select(['producer_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('producer_id', 'in', [...producerIds])
    .groupBy('producer_id')
    .execute();
  return new Map(rows.map((r) => [r.producer_id, Number(r.n)]));
}

export async function save(db: Kysely<DB>, p: Product, readVersion: number): Promise<boolean> {
  const res = await db
    .updateTable('products')
    .set(toRow(p))
    .where('id', '=', p.id)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export async function nextRegistrationSerial(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT nextval('registration_serial') AS n`.execute(db);
  return Number(rows[0]?.n);
}

/** The producer a listed product's row was joined with. */
const producerOfRow = (r: {
  producer_id: string;
  producer_name_fa: string;
  producer_name_en: string;
  producer_province: string;
}) => ({
  id: r.producer_id,
  nameFa: r.producer_name_fa,
  nameEn: r.producer_name_en,
  province: r.producer_province,
});

export interface ProductQuery {
  /** Only products of these units (an account's own), latest change first. */
  unitIds?: readonly string[];
  /** Submissions awaiting review, first or revised. */
  queue?: boolean;
  statuses?: readonly Status[];
  producerId?: string;
  chapter?: string;
  province?: string;
  q?: string;
  limit: number;
  /** Keyset cursor: the sort key and id of the last item of the previous page. */
  after?: { key: string; id: string };
  /** No total: counting the matches of a text search reads the whole catalog. */
  uncounted?: boolean;
}

/** Pages in a stable order (newest registration first; the queue oldest submission first). */
export async function list(db: Kysely<DB>, q: ProductQuery) {
  let sel = db.selectFrom('products').innerJoin(unitsToJoin(db), 'unit.id', 'products.producer_id');
  if (q.unitIds)
    sel = q.unitIds.length
      ? sel.where('products.producer_id', 'in', [...q.unitIds])
      : sel.where(sql<boolean>`false`);
  if (q.queue)
    sel = sel.where((eb) =>
      eb.or([eb('products.status', '=', 'submitted'), eb('products.revision_status', '=', 'submitted')]),
    );
  if (q.statuses) sel = sel.where('products.status', 'in', [...q.statuses]);
  if (q.producerId) sel = sel.where('products.producer_id', '=', q.producerId);
  if (q.chapter) sel = sel.where('products.tariff_code', 'like', `${q.chapter}%`);
  if (q.province) sel = sel.where('unit.province', '=', q.province);
  if (q.q) {
    const like = containing(q.q);
    sel = sel.where((eb) =>
      eb.or([
        eb('products.name_fa', 'ilike', like),
        eb('products.name_en', 'ilike', like),
        eb('products.brand', 'ilike', like),
        eb('products.registration_number', '=', q.q ?? ''),
      ]),
    );
  }
  // Public products have all been registered: their order is the public index's, so a page of a common
  // word's matches stops at its last one rather than sorting them all. A unit's own products come
  // latest change first, so a product just decided on is at the top of its workspace.
  const sortKey = q.queue
    ? sql<string>`coalesce((products.revision->>'submittedAt')::timestamptz, products.submitted_at)`
    : q.unitIds
      ? sql<string>`products.updated_at`
      : sql<string>`products.registered_at`;
  const total = q.uncounted
    ? null
    : sel.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = sel
    .selectAll('products')
    .select([
      sql<Date>`${sortKey}`.as('sort_key'),
      'unit.name_fa as producer_name_fa',
      'unit.name_en as producer_name_en',
      'unit.province as producer_province',
    ]);
  if (q.after) {
    const { key, id } = q.after;
    page = q.queue
      ? page.where(sql<boolean>`(${sortKey}, products.id) > (${key}::timestamptz, ${id}::uuid)`)
      : page.where(sql<boolean>`(${sortKey}, products.id) < (${key}::timestamptz, ${id}::uuid)`);
  }
  const dir = q.queue ? 'asc' : 'desc';
  // Both at once, and both awaited: a count left running when the page fails would reject unheard.
  const [rows, counted] = await Promise.all([
    page
      .orderBy(sortKey, dir)
      .orderBy('products.id', dir)
      .limit(q.limit + 1)
      .execute(),
    total,
  ]);
  return {
    rows: rows.slice(0, q.limit).map((r) => ({
      product: fromRow(r),
      producer: producerOfRow(r),
      sortKey: new Date(r.sort_key).toISOString(),
    })),
    hasMore: rows.length > q.limit,
    total: counted && Number(counted.n),
  };
}

/** How much of the economy the approved products cover: distinct HS chapters and producers' provinces. */
export async function coverage(db: Kysely<DB>) {
  const row = await db
    .selectFrom('products')
    .innerJoin(unitsToJoin(db), 'unit.id', 'products.producer_id')
    .where('products.status', '=', 'approved')
    .select([
      sql<number>`count(distinct substr(products.tariff_code, 1, 2))`.as('chapters'),
      sql<number>`count(distinct unit.province)`.as('provinces'),
    ])
    .executeTakeFirstOrThrow();
  return { chapters: Number(row.chapters), provinces: Number(row.provinces) };
}

/** These approved products with their producer's summary, in the order of `ids`. */
export async function approvedByIds(db: Kysely<DB>, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('products')
    .innerJoin(unitsToJoin(db), 'unit.id', 'products.producer_id')
    .selectAll('products')
    .select([
      'unit.name_fa as producer_name_fa',
      'unit.name_en as producer_name_en',
      'unit.province as producer_province',
    ])
    .where('products.id', 'in', [...ids])
    .where('products.status', '=', 'approved')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [
          {
            product: fromRow(r),
            producer: producerOfRow(r),
          },
        ]
      : [];
  });
}

/** Approved products whose validity has ended. */
export const dueToExpire = (db: Kysely<DB>, now: Date, limit: number) =>
  db
    .selectFrom('products')
    .select('id')
    .where('status', '=', 'approved')
    .where('valid_until', '<', now)
    .limit(limit)
    .execute();

export async function all(db: Kysely<DB>): Promise<Product[]> {
  return (await db.selectFrom('products').selectAll().orderBy('id').execute()).map(fromRow);
}

export const insertDocument = (
  db: Kysely<DB>,
  d: {
    productId: string;
    fileName: string;
    mediaType: string;
    content: Uint8Array;
    sha256: Uint8Array;
    uploadedBy: string;
  },
) =>
  db
    .insertInto('product_documents')
    .values({
      product_id: d.productId,
      file_name: d.fileName,
      media_type: d.mediaType,
      size: d.content.byteLength,
      sha256: d.sha256,
      content: d.content,
      uploaded_by: d.uploadedBy,
    })
    .returning(['id', 'file_name', 'media_type', 'size', 'uploaded_at'])
    .executeTakeFirstOrThrow();

export const listDocuments = (db: Kysely<DB>, productId: string) =>
  db
    .selectFrom('product_documents')
    .select(['id', 'file_name', 'media_type', 'size', 'sha256', 'uploaded_at'])
    .where('product_id', '=', productId)
    .orderBy('uploaded_at')
    .execute();

export const findDocument = (db: Kysely<DB>, productId: string, id: string) =>
  db
    .selectFrom('product_documents')
    .selectAll()
    .where('product_id', '=', productId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function documentCount(db: Kysely<DB>, productId: string): Promise<number> {
  const row = await db
    .selectFrom('product_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the document was there to delete. */
export async function deleteDocument(db: Kysely<DB>, productId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('product_documents')
    .where('product_id', '=', productId)
    .where('id', '=', id)
    .executeTakeFirst();
  return res.numDeletedRows > 0n;
}

// Only what the search index reads, in the shapes it keeps: the attributes' values as one text, times as
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

/** A public product as the search index reads it, before it is given its producer. */
export type IndexRow = Awaited<ReturnType<ReturnType<typeof publicProducts>['execute']>>[number];

/** What the search index keeps of a public product, with its producer `P`. */
export interface IndexedProduct<P> {
  id: string;
  registrationNumber: string | null;
  gtin: string | null;
  tariffCode: string;
  nameFa: string;
  nameEn: string;
  descriptionFa: string;
  descriptionEn: string;
  brand: string;
  model: string;
  /** The attributes' values, one a line. */
  attributeText: string;
  valueAddedPercent: number;
  /** The registration's time (the creation's before one), in milliseconds. */
  registeredAt: number;
  producer: P;
}

export const indexedOf = <P>(r: IndexRow, producer: P): IndexedProduct<P> => ({
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
});

/**
 * One batch of the public catalog after the product `after`, by tariff code, then producer, then id:
 * products alike come together, and the index built in this order reads a common word's matches in
 * runs (a third of the time for the benchmark's queries at a million products).
 */
export function publicBatch(
  db: Kysely<DB>,
  after: { tariffCode: string; producerId: string; id: string } | null,
  limit: number,
): Promise<IndexRow[]> {
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
        eb.tuple(after.tariffCode, after.producerId, after.id),
      ),
    );
  return q.execute();
}

/** The public ones among these products, and the public products of these producers. */
export async function publicOf(
  db: Kysely<DB>,
  productIds: readonly string[],
  producerIds: readonly string[],
): Promise<IndexRow[]> {
  if (!productIds.length && !producerIds.length) return [];
  return publicProducts(db)
    .where((eb) =>
      eb.or([
        ...(productIds.length ? [eb('products.id', 'in', [...productIds])] : []),
        ...(producerIds.length ? [eb('products.producer_id', 'in', [...producerIds])] : []),
      ]),
    )
    .execute();
}

/** An industry: an HS chapter (what is made) or an ISIC division (the activity of who makes it). */
export type Industry = { kind: 'hs'; code: string } | { kind: 'isic'; code: string };

const approved = (db: Kysely<DB>) =>
  db
    .selectFrom('products')
    .innerJoin(unitsToJoin(db), 'unit.id', 'products.producer_id')
    .where('products.status', '=', 'approved');

const codeOf = (kind: Industry['kind']) =>
  kind === 'hs' ? sql<string>`substr(products.tariff_code, 1, 2)` : sql<string>`substr(unit.isic, 1, 2)`;

const within = (q: ReturnType<typeof approved>, industry: Industry) =>
  q.where(codeOf(industry.kind), '=', industry.code);

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
export async function industryFigures(db: Kysely<DB>, industry: Industry) {
  const q = within(approved(db), industry);
  const [totals, capacity, provinces] = await Promise.all([
    q.select([counts, makers]).executeTakeFirstOrThrow(),
    q
      .select(['products.unit as unit', sql<string>`sum(products.annual_capacity)`.as('total')])
      .groupBy('products.unit')
      .orderBy(sql`2`, 'desc')
      .execute(),
    q
      .select(['unit.province as province', counts, makers])
      .groupBy('unit.province')
      .orderBy(sql`2`, 'desc')
      .orderBy('unit.province')
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

/** Products in these statuses after an id, in id order: a page of a list read by a key that only grows. */
export async function pageInStatuses(
  db: Kysely<DB>,
  statuses: readonly Status[],
  afterId: string,
  limit: number,
): Promise<Product[]> {
  const rows = await db
    .selectFrom('products')
    .selectAll()
    .where('status', 'in', [...statuses])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

/** Of these products, the ids of those in these statuses. */
export async function idsInStatuses(
  db: Kysely<DB>,
  ids: readonly string[],
  statuses: readonly Status[],
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('products')
    .select('id')
    .where('id', 'in', [...ids])
    .where('status', 'in', [...statuses])
    .execute();
  return rows.map((r) => r.id);
}

/** The registration number of each of these products that has one, by id. */
export async function registrationNumbersOf(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  if (!ids.length) return numbers;
  const rows = await db
    .selectFrom('products')
    .select(['id', 'registration_number'])
    .where('id', 'in', [...new Set(ids)])
    .where('registration_number', 'is not', null)
    .execute();
  for (const r of rows) if (r.registration_number) numbers.set(r.id, r.registration_number);
  return numbers;
}

/** How many products are in these statuses. */
export async function countInStatuses(db: Kysely<DB>, statuses: readonly Status[]): Promise<number> {
  const row = await db
    .selectFrom('products')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', [...statuses])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ids of `size` products in these statuses, drawn at random. */
export async function randomIdsInStatuses(
  db: Kysely<DB>,
  statuses: readonly Status[],
  size: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('products')
    .select('id')
    .where('status', 'in', [...statuses])
    .orderBy(sql`random()`)
    .limit(size)
    .execute();
  return rows.map((r) => r.id);
}

/** What a list of products names of each: its names, registration number, state and unit. */
export interface NamedProduct {
  id: string;
  nameFa: string;
  nameEn: string;
  registrationNumber: string | null;
  status: Status;
  producerId: string;
}

/** These products, in any state, as a list names them, by id. */
export async function namedByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, NamedProduct>> {
  const named = new Map<string, NamedProduct>();
  if (!ids.length) return named;
  const rows = await db
    .selectFrom('products')
    .select(['id', 'name_fa', 'name_en', 'registration_number', 'status', 'producer_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows)
    named.set(r.id, {
      id: r.id,
      nameFa: r.name_fa,
      nameEn: r.name_en,
      registrationNumber: r.registration_number,
      status: r.status,
      producerId: r.producer_id,
    });
  return named;
}
