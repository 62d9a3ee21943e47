import { type Kysely, type Selectable, sql } from 'kysely';
import { containing } from '../../db/like.ts';
import type { DB, ProductsTable } from '../../db/schema.ts';
import type { Status } from '../../domain/workflow.ts';

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

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function fromRow(r: Selectable<ProductsTable>): Product {
  return {
    id: r.id,
    producerId: r.producer_id,
    status: r.status as Status,
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

/** A product locked for a change, and whether the user belongs to its unit, in one statement. */
export async function findForChange(db: Kysely<DB>, id: string, userId: string) {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('producer_members')
            .select('user_id')
            .whereRef('producer_members.producer_id', '=', 'products.producer_id')
            .where('producer_members.user_id', '=', userId),
        )
        .as('is_member'),
    )
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && { product: fromRow(row), isMember: Boolean(row.is_member) };
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

/** Which of these units the account belongs to. */
/** Of these units, those the account belongs to, with each one's status. */
export async function unitsWithMember(db: Kysely<DB>, producerIds: readonly string[], userId: string) {
  if (!producerIds.length) return new Map<string, Status>();
  const rows = await db
    .selectFrom('producer_members')
    .innerJoin('producers', 'producers.id', 'producer_members.producer_id')
    .select(['producer_members.producer_id', 'producers.status'])
    .where('producer_members.user_id', '=', userId)
    .where('producer_members.producer_id', 'in', [...producerIds])
    .execute();
  return new Map(rows.map((r) => [r.producer_id, r.status as Status]));
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
  /** Only products of units this account belongs to. */
  memberId?: string;
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
  let sel = db.selectFrom('products').innerJoin('producers', 'producers.id', 'products.producer_id');
  if (q.memberId) {
    const memberId = q.memberId;
    sel = sel.where('products.producer_id', 'in', (eb) =>
      eb.selectFrom('producer_members').select('producer_id').where('user_id', '=', memberId),
    );
  }
  if (q.queue)
    sel = sel.where((eb) =>
      eb.or([eb('products.status', '=', 'submitted'), eb('products.revision_status', '=', 'submitted')]),
    );
  if (q.statuses) sel = sel.where('products.status', 'in', [...q.statuses]);
  if (q.producerId) sel = sel.where('products.producer_id', '=', q.producerId);
  if (q.chapter) sel = sel.where('products.tariff_code', 'like', `${q.chapter}%`);
  if (q.province) sel = sel.where('producers.province', '=', q.province);
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
    : q.memberId
      ? sql<string>`products.updated_at`
      : sql<string>`products.registered_at`;
  const total = q.uncounted
    ? null
    : sel.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = sel
    .selectAll('products')
    .select([
      sql<Date>`${sortKey}`.as('sort_key'),
      'producers.name_fa as producer_name_fa',
      'producers.name_en as producer_name_en',
      'producers.province as producer_province',
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
    .innerJoin('producers', 'producers.id', 'products.producer_id')
    .where('products.status', '=', 'approved')
    .select([
      sql<number>`count(distinct substr(products.tariff_code, 1, 2))`.as('chapters'),
      sql<number>`count(distinct producers.province)`.as('provinces'),
    ])
    .executeTakeFirstOrThrow();
  return { chapters: Number(row.chapters), provinces: Number(row.provinces) };
}

/** These approved products with their producer's summary, in the order of `ids`. */
export async function approvedByIds(db: Kysely<DB>, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('products')
    .innerJoin('producers', 'producers.id', 'products.producer_id')
    .selectAll('products')
    .select([
      'producers.name_fa as producer_name_fa',
      'producers.name_en as producer_name_en',
      'producers.province as producer_province',
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
      status: r.status as Status,
      producerId: r.producer_id,
    });
  return named;
}
