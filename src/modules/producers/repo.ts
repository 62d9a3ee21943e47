import type { Kysely, Selectable } from 'kysely';
import { iso } from '../../db/rows.ts';
import type { DB, ProducersTable } from '../../db/schema.ts';
import type { Status } from '../../domain/workflow.ts';

/** A production unit as the registry's history describes it (the projection of its events). */
export interface Producer {
  id: string;
  ownerId: string;
  status: Status;
  version: number;
  nationalId: string;
  nameFa: string;
  nameEn: string;
  province: string;
  city: string;
  isic: string;
  licenceNo: string;
  address: string | null;
  phone: string | null;
  website: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
}

export function fromRow(r: Selectable<ProducersTable>): Producer {
  return {
    id: r.id,
    ownerId: r.owner_id,
    status: r.status,
    version: r.version,
    nationalId: r.national_id,
    nameFa: r.name_fa,
    nameEn: r.name_en,
    province: r.province,
    city: r.city,
    isic: r.isic,
    licenceNo: r.licence_no,
    address: r.address,
    phone: r.phone,
    website: r.website,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    submittedAt: iso(r.submitted_at),
    approvedAt: iso(r.approved_at),
  };
}

function toRow(p: Producer) {
  return {
    id: p.id,
    owner_id: p.ownerId,
    status: p.status,
    version: p.version,
    national_id: p.nationalId,
    name_fa: p.nameFa,
    name_en: p.nameEn,
    province: p.province,
    city: p.city,
    isic: p.isic,
    licence_no: p.licenceNo,
    address: p.address,
    phone: p.phone,
    website: p.website,
    reason: p.reason,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    submitted_at: p.submittedAt,
    approved_at: p.approvedAt,
  };
}

export async function find(db: Kysely<DB>, id: string, lock = false): Promise<Producer | undefined> {
  let q = db.selectFrom('producers').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && fromRow(row);
}

/** A unit locked for a change, and whether the user belongs to it, in one statement. */
export async function findForChange(db: Kysely<DB>, id: string, userId: string) {
  const row = await db
    .selectFrom('producers')
    .selectAll()
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('producer_members')
            .select('user_id')
            .whereRef('producer_members.producer_id', '=', 'producers.id')
            .where('producer_members.user_id', '=', userId),
        )
        .as('is_member'),
    )
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && { producer: fromRow(row), isMember: Boolean(row.is_member) };
}

export const insert = (db: Kysely<DB>, p: Producer) => db.insertInto('producers').values(toRow(p)).execute();

/** Writes the new state when the row is still at the version it was read at; false when it moved on. */
export async function save(db: Kysely<DB>, p: Producer, readVersion: number): Promise<boolean> {
  const res = await db
    .updateTable('producers')
    .set(toRow(p))
    .where('id', '=', p.id)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export const addMember = (db: Kysely<DB>, producerId: string, userId: string) =>
  db
    .insertInto('producer_members')
    .values({ producer_id: producerId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();

export async function isMember(db: Kysely<DB>, producerId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('producer_members')
    .select('user_id')
    .where('producer_id', '=', producerId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

/** Whether any production unit is registered at all. */
export const exists = async (db: Kysely<DB>) =>
  !!(await db.selectFrom('producers').select('id').limit(1).executeTakeFirst());

export interface ProducerQuery {
  memberId?: string;
  statuses?: readonly Status[];
  province?: string;
  limit: number;
  offset: number;
  oldestFirst?: boolean;
}

export async function list(db: Kysely<DB>, q: ProducerQuery) {
  let sel = db.selectFrom('producers');
  if (q.memberId) {
    const memberId = q.memberId;
    sel = sel.where('id', 'in', (eb) =>
      eb.selectFrom('producer_members').select('producer_id').where('user_id', '=', memberId),
    );
  }
  if (q.statuses) sel = sel.where('status', 'in', [...q.statuses]);
  if (q.province) sel = sel.where('province', '=', q.province);
  const [rows, count] = await Promise.all([
    sel
      .selectAll()
      .orderBy(q.oldestFirst ? 'submitted_at' : 'name_fa')
      .orderBy('id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    sel.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(fromRow), total: Number(count.n) };
}

export async function all(db: Kysely<DB>): Promise<Producer[]> {
  return (await db.selectFrom('producers').selectAll().orderBy('id').execute()).map(fromRow);
}

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
  return new Map(rows.map((r) => [r.producer_id, r.status]));
}

/** The units the account belongs to. */
export async function unitIdsOfMember(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('producer_members')
    .select('producer_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.producer_id);
}

/** What the search index keeps of a unit. */
export interface IndexedProducer {
  id: string;
  nationalId: string;
  nameFa: string;
  nameEn: string;
  province: string;
  isic: string;
}

/** These units as the search index keeps them, by id. */
export async function indexedByIds(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, IndexedProducer>> {
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

/** Units in these statuses after an id, in id order: a page of a list read by a key that only grows. */
export async function pageInStatuses(
  db: Kysely<DB>,
  statuses: readonly Status[],
  afterId: string,
  limit: number,
): Promise<Producer[]> {
  const rows = await db
    .selectFrom('producers')
    .selectAll()
    .where('status', 'in', [...statuses])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

/** Of these units, the ids of those in these statuses. */
export async function idsInStatuses(
  db: Kysely<DB>,
  ids: readonly string[],
  statuses: readonly Status[],
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('producers')
    .select('id')
    .where('id', 'in', [...ids])
    .where('status', 'in', [...statuses])
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The units as another module's query joins them: their id and public columns. PostgreSQL folds this
 * subquery into the join, so it costs what a join of the table would.
 */
export const unitsToJoin = (db: Kysely<DB>) =>
  db.selectFrom('producers').select(['id', 'name_fa', 'name_en', 'province', 'isic']).as('unit');
