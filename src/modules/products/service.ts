import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Ctx, isMinistry, type User, type Viewer } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB } from '../../db/schema.ts';
import { formatRegistrationNumber, parseRegistrationNumber } from '../../domain/identifiers.ts';
import { iranianYearOf } from '../../domain/jalali.ts';
import { renewalExtends, validUntil, valueAddedPercent } from '../../domain/registration.ts';
import { canonicalJson } from '../../domain/tlog/jcs.ts';
import {
  type Action,
  type Decision,
  type EventType,
  PUBLIC_STATUSES,
  type Status,
  takesSubmissions,
} from '../../domain/workflow.ts';
import { AppError, fail } from '../../errors.ts';
import { requireUser } from '../accounts/service.ts';
import { once } from '../idempotency/service.ts';
import * as ledger from '../ledger/service.ts';
import { assertMove, commit, type Transition, transit } from '../ledger/service.ts';
import * as producers from '../producers/service.ts';
import { canSeePrivate } from './access.ts';
import { decodeCursor, encodeCursor, UUID } from './cursor.ts';
import type { Industry, Product, ProductFieldValues } from './repo.ts';
import * as repo from './repo.ts';
import { costsAreConsistent, type NewProduct, PRODUCT_FIELDS, type ProductPatch } from './schema.ts';

export type { IndexedProducer } from '../producers/service.ts';
export { isListCursor } from './cursor.ts';
export { addDocument, getDocument, listDocuments, removeDocument } from './documents.ts';
export type { Industry, Product, ProductFieldValues };

const FIELD_NAMES = PRODUCT_FIELDS satisfies readonly (keyof ProductFieldValues)[];

const fieldsOf = (p: ProductFieldValues): ProductFieldValues =>
  Object.fromEntries(FIELD_NAMES.map((k) => [k, p[k]])) as unknown as ProductFieldValues;

function checkCosts(f: ProductFieldValues) {
  if (!costsAreConsistent(f))
    fail('validation', { fields: [{ field: 'importedInputsCost', key: 'field.imported_cost' }] });
}

const withValueAdded = <T extends ProductFieldValues>(f: T) => ({
  ...f,
  valueAddedPercent: valueAddedPercent(f.exWorksPrice, f.importedInputsCost),
});

type Actor = User | { id: null; role: 'system' };

function transition(
  user: Actor,
  before: Product | null,
  next: Omit<Product, 'version'>,
  type: EventType,
  reason: string | null,
  at: Date,
): Transition<Product> {
  return {
    kind: 'product',
    before,
    next,
    type,
    actor: { id: user.id, role: user.role },
    reason,
    at,
    registrationNumber: next.registrationNumber,
    publicReason: PUBLIC_STATUSES.includes(next.status),
  };
}

async function change(
  tx: Kysely<DB>,
  user: Actor,
  before: Product,
  next: Omit<Product, 'version'>,
  type: EventType,
  reason: string | null,
  at: Date,
) {
  return commit<Product>(tx, {
    ...transition(user, before, next, type, reason, at),
    save: (s, v) => repo.save(tx, s, v),
  });
}

export async function create(ctx: Ctx, viewer: Viewer, input: NewProduct): Promise<Product> {
  const user = requireUser(viewer);
  return ctx.db.transaction().execute((tx) => createIn({ ...ctx, db: tx }, user, input));
}

/** A new draft made once per key (ADR 0009): the same form or request sent again gives back the first. */
export function createOnce(ctx: Ctx, viewer: Viewer, input: NewProduct, key?: string) {
  const user = requireUser(viewer);
  return once(
    ctx,
    { userId: user.id, kind: 'product', key },
    (tx) => createIn(tx, user, input),
    async (id) => (await get(ctx, user, id)).product,
  );
}

/** A new draft, in the caller's transaction (`tx.db`), so that a bulk import can commit many in one. */
export async function createIn(tx: Ctx, user: User, input: NewProduct): Promise<Product> {
  requireMember(await producers.unitsWithMember(tx.db, [input.producerId], user.id), input);
  return commit<Product>(tx.db, {
    ...creation(user, input, tx.now()),
    save: async (s) => {
      await repo.insert(tx.db, s);
      return true;
    },
  });
}

/** A new product built before its transaction: its final state and changes ready to append, or a refusal. */
export type PreparedProduct = ReadyProduct | { input: NewProduct; refused: AppError };
type ReadyProduct = { input: NewProduct; product: Product; records: ledger.PreparedRecord[] };

/**
 * New drafts, or submissions with `submit`, for a bulk import, in two halves. This first half needs no
 * database, so an import builds a batch while the previous one is written: each input meets the rules
 * of createIn and of a submit move, and gets its final state, its events and their leaves, or the
 * error of the rule it breaks.
 */
export function prepareMany(
  user: User,
  inputs: readonly NewProduct[],
  opts: { submit: boolean; at: Date },
): PreparedProduct[] {
  return inputs.map((input) => {
    const made = refusalOr(() => {
      const draft = transit(creation(user, input, opts.at));
      const steps = opts.submit ? [draft, submission(user, draft.state, opts.at)] : [draft];
      const product = steps.at(-1)?.state ?? draft.state;
      return { product, records: ledger.prepareRecords(steps.map((s) => s.change)) };
    });
    return made instanceof AppError ? { input, refused: made } : { input, ...made };
  });
}

/**
 * The second half, in the caller's transaction and a few statements whatever their number: the
 * account's membership of each unit is checked first, as createIn checks it, and a submission's GTIN
 * as a submit move checks it; an input refused gets its error in its place; the others' products are
 * inserted at once and their events and leaves appended at once.
 */
export async function createPreparedIn(
  tx: Ctx,
  user: User,
  prepared: readonly PreparedProduct[],
): Promise<(Product | AppError)[]> {
  const unitIds = [...new Set(prepared.map((p) => p.input.producerId))];
  const units = await producers.unitsWithMember(tx.db, unitIds, user.id);
  const submittedGtins = prepared.flatMap((p) =>
    'product' in p && p.product.status === 'submitted' && p.product.gtin ? [p.product.gtin] : [],
  );
  const held = await repo.gtinHolders(tx.db, submittedGtins);
  const outcomes = prepared.map((p) =>
    refusalOr((): ReadyProduct => {
      requireMember(units, p.input);
      if ('refused' in p) throw p.refused;
      if (p.product.status === 'submitted') requireUnitSent(units.get(p.input.producerId));
      const holder = p.product.status === 'submitted' && p.product.gtin && held.get(p.product.gtin);
      if (holder) gtinTaken(holder);
      return p;
    }),
  );
  const created = outcomes.filter((p): p is ReadyProduct => !(p instanceof AppError));
  await repo.insertMany(
    tx.db,
    created.map((p) => p.product),
  );
  await ledger.writeRecords(
    tx.db,
    created.flatMap((p) => p.records),
  );
  return outcomes.map((p) => (p instanceof AppError ? p : p.product));
}

function requireMember(units: Map<string, Status>, input: NewProduct) {
  if (!units.has(input.producerId))
    fail('validation', { fields: [{ field: 'producerId', key: 'field.not_member' }] });
}

/** What a rule says of one input: its result, or the refusal that `fail` threw. */
function refusalOr<T>(f: () => T): T | AppError {
  try {
    return f();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

/** The creation of a draft from an API input. */
function creation(user: User, input: NewProduct, at: Date): Transition<Product> {
  const { producerId, ...fields } = input;
  const next: Omit<Product, 'version'> = {
    id: randomUUID(),
    producerId,
    status: 'draft',
    registrationNumber: null,
    registeredAt: null,
    validUntil: null,
    ...withValueAdded({ ...fields, gtin: fields.gtin ?? null }),
    revision: null,
    reason: null,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    submittedAt: null,
  };
  return transition(user, null, next, 'created', null, at);
}

/** The submit move of a draft its creator has just made (so a member), as moveIn would make it. */
function submission(user: User, draft: Product, at: Date) {
  const { move, to } = assertMove({ action: 'submit', from: draft.status, actor: user.role, isMember: true });
  return transit(
    transition(user, draft, movedState(draft, 'submit', to, null, at, null), move.event, null, at),
  );
}

export async function find(ctx: Ctx, idOrNumber: string): Promise<Product | undefined> {
  if (UUID.test(idOrNumber)) return repo.find(ctx.db, idOrNumber);
  const parsed = parseRegistrationNumber(idOrNumber);
  return parsed.ok ? repo.findByRegistrationNumber(ctx.db, parsed.value) : undefined;
}

export async function get(ctx: Ctx, viewer: Viewer, idOrNumber: string) {
  const p = await find(ctx, idOrNumber);
  if (!p) return fail('not_found');
  if (await canSeePrivate(ctx, viewer, p)) return { product: p, private: true };
  if (PUBLIC_STATUSES.includes(p.status)) return { product: publicView(p), private: false };
  return fail('not_found');
}

/** The public part: the approved registration, without a revision under review. */
export function publicView(p: Product): Product {
  return { ...p, revision: null };
}

/** A product locked for a change, and whether the user belongs to its unit. */
async function loadForChange(tx: Kysely<DB>, user: User, id: string) {
  const before = await repo.find(tx, id, true);
  const isMember = !!before && (await producers.isMemberOf(tx, before.producerId, user));
  if (!before || (!isMember && !isMinistry(user))) return fail('not_found');
  return { before, isMember };
}

/** Edits a draft in place; an edit of an approved product becomes a revision for review. */
export async function update(ctx: Ctx, viewer: Viewer, id: string, patch: ProductPatch): Promise<Product> {
  const user = requireUser(viewer);
  return ctx.db.transaction().execute(async (tx) => {
    const { before, isMember } = await loadForChange(tx, user, id);
    if (patch.version !== before.version)
      return fail('stale_version', { extra: { currentVersion: before.version } });
    const { version: _, ...changes } = patch;
    const at = ctx.now();
    const revising = before.status === 'approved';
    const current = revising
      ? before.revision && before.revision.status !== 'rejected'
        ? before.revision
        : null
      : null;
    assertMove({
      action: 'edit',
      from: revising ? (current?.status ?? 'draft') : before.status,
      actor: user.role,
      isMember,
    });
    const fields: ProductFieldValues = {
      ...(current?.fields ?? fieldsOf(before)),
      ...changes,
    } as ProductFieldValues;
    checkCosts(fields);
    // An edit that changes nothing records nothing: no event, no leaf, no new version.
    if (canonicalJson(fields) === canonicalJson(current?.fields ?? fieldsOf(before))) return before;
    const next: Omit<Product, 'version'> = revising
      ? {
          ...before,
          revision: {
            status: current?.status ?? 'draft',
            fields,
            reason: current?.reason ?? null,
            submittedAt: null,
          },
          updatedAt: at.toISOString(),
        }
      : { ...before, ...withValueAdded(fields), updatedAt: at.toISOString() };
    return change(tx, user, before, next, 'edited', null, at);
  });
}

function underRevision(p: Product, action: Action) {
  return (
    p.status === 'approved' &&
    !!p.revision &&
    p.revision.status !== 'rejected' &&
    ['submit', 'approve', 'reject', 'request_changes'].includes(action)
  );
}

/** Submitting, every ministry decision and renewal: one move of the state machine. */
export async function move(
  ctx: Ctx,
  viewer: Viewer,
  id: string,
  action: 'submit' | 'renew' | Decision,
  reason: string | null = null,
): Promise<Product> {
  const user = requireUser(viewer);
  try {
    return await ctx.db.transaction().execute((tx) => moveIn({ ...ctx, db: tx }, user, id, action, reason));
  } catch (err) {
    // Another registration took the GTIN between this move's check and its write.
    const p = isUniqueViolation(err) && (await repo.find(ctx.db, id));
    const holder = p && (await gtinHeldElsewhere(ctx, p));
    if (holder) gtinTaken(holder);
    throw err;
  }
}

/** A move of the state machine in the caller's transaction (`tx.db`). */
export async function moveIn(
  tx: Ctx,
  user: User,
  id: string,
  action: 'submit' | 'renew' | Decision,
  reason: string | null = null,
): Promise<Product> {
  const { before, isMember } = await loadForChange(tx.db, user, id);
  if (action === 'submit') requireUnitSent(await producers.statusOf(tx.db, before.producerId));
  const at = tx.now();
  if (underRevision(before, action) && before.revision) {
    const rev = before.revision;
    const { move, to } = assertMove({ action, from: rev.status, actor: user.role, isMember, reason });
    const next: Omit<Product, 'version'> =
      to === 'approved'
        ? { ...before, ...withValueAdded(rev.fields), revision: null, reason, updatedAt: at.toISOString() }
        : {
            ...before,
            revision: {
              ...rev,
              status: to,
              reason,
              submittedAt: action === 'submit' ? at.toISOString() : rev.submittedAt,
            },
            updatedAt: at.toISOString(),
          };
    if (action === 'submit' || to === 'approved') await requireGtinFree(tx.db, before.id, rev.fields.gtin);
    return change(tx.db, user, before, next, move.event, reason, at);
  }
  const { move, to } = assertMove({ action, from: before.status, actor: user.role, isMember, reason });
  if (action === 'approve') await requireApprovedUnit(tx.db, before.producerId);
  if (action === 'renew' && !renewalExtends(before.validUntil, at))
    fail('invalid_transition', { missing: { key: 'missing.renewal_due' } });
  if (action === 'submit' || repo.HOLDS_GTIN.includes(to))
    await requireGtinFree(tx.db, before.id, before.gtin);
  const firstApproval = action === 'approve' && !before.registrationNumber;
  const registrationNumber = firstApproval
    ? formatRegistrationNumber(iranianYearOf(at), await repo.nextRegistrationSerial(tx.db))
    : before.registrationNumber;
  return change(
    tx.db,
    user,
    before,
    movedState(before, action, to, reason, at, registrationNumber),
    move.event,
    reason,
    at,
  );
}

/**
 * A GTIN names one trade item, so one registration in force holds it. A submission is refused too,
 * so that its maker hears of it before a review; a draft is not, so that no one can hold another's
 * barcode with a draft.
 */
async function requireGtinFree(tx: Kysely<DB>, productId: string, gtin: string | null) {
  const holder = await holderOf(tx, productId, gtin);
  if (holder) gtinTaken(holder);
}

/** The registration number of the registration in force that holds `gtin`, when another product does. */
const holderOf = async (db: Kysely<DB>, productId: string, gtin: string | null) =>
  gtin ? (await repo.gtinHolders(db, [gtin], productId)).get(gtin) : undefined;

/** The registration that holds the GTIN of this product (or of its revision), when another one does. */
export const gtinHeldElsewhere = (ctx: Ctx, p: Product) =>
  holderOf(ctx.db, p.id, p.revision && p.revision.status !== 'rejected' ? p.revision.fields.gtin : p.gtin);

const gtinTaken = (number: string) =>
  fail('duplicate', { fields: [{ field: 'gtin', key: 'field.gtin_taken', params: { number } }] });

/** A product after a move outside a revision; a registration number new to it is its first approval. */
function movedState(
  before: Product,
  action: 'submit' | 'renew' | Decision,
  to: Status,
  reason: string | null,
  at: Date,
  registrationNumber: string | null,
): Omit<Product, 'version'> {
  return {
    ...before,
    status: to,
    registrationNumber,
    registeredAt: registrationNumber !== before.registrationNumber ? at.toISOString() : before.registeredAt,
    validUntil: action === 'approve' || action === 'renew' ? validUntil(at).toISOString() : before.validUntil,
    reason: action === 'submit' || action === 'renew' ? null : reason,
    submittedAt: action === 'submit' ? at.toISOString() : before.submittedAt,
    updatedAt: at.toISOString(),
  };
}

/**
 * A product goes to review once its unit has: under a unit still a draft, or sent back for changes, it
 * would wait for an approval no reviewer may give until the unit's staff act on the unit.
 */
function requireUnitSent(status: Status | undefined) {
  if (!takesSubmissions(status))
    fail('invalid_transition', {
      missing: { key: 'missing.unit_sent' },
      fields: [{ field: 'producerId', key: 'field.unit_not_sent' }],
    });
}

async function requireApprovedUnit(tx: Kysely<DB>, producerId: string) {
  if ((await producers.statusOf(tx, producerId)) !== 'approved') {
    fail('invalid_transition', { missing: { key: 'missing.unit_approved' } });
  }
}

/** Ends the registrations whose validity has passed; run by the server on a timer. */
export async function expireDue(ctx: Ctx, batch = 100): Promise<number> {
  const due = await repo.dueToExpire(ctx.db, ctx.now(), batch);
  for (const { id } of due) {
    await ctx.db.transaction().execute(async (tx) => {
      const before = await repo.find(tx, id, true);
      if (before?.status !== 'approved' || !before.validUntil || new Date(before.validUntil) >= ctx.now())
        return;
      const { move, to } = assertMove({
        action: 'expire',
        from: before.status,
        actor: 'system',
        isMember: false,
      });
      const at = ctx.now();
      await change(
        tx,
        { id: null, role: 'system' },
        before,
        { ...before, status: to, updatedAt: at.toISOString() },
        move.event,
        null,
        at,
      );
    });
  }
  return due.length;
}

export interface ListQuery {
  mine?: boolean;
  queue?: boolean;
  status?: Status;
  producerId?: string;
  chapter?: string;
  province?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/**
 * A page of products from the database: a unit's own, the review queue, or the public ones (which the
 * catalog's index answers once it has loaded). Public words are not counted, `total` null: at a million
 * products each count reads the whole catalog, seconds of both cores taken from the index's load.
 */
export function list(ctx: Ctx, viewer: Viewer, q: ListQuery & { q?: undefined }): Promise<CountedListing>;
export function list(ctx: Ctx, viewer: Viewer, q: ListQuery): Promise<Listing>;
export function list(ctx: Ctx, viewer: Viewer, q: ListQuery) {
  return listing(ctx, viewer, q);
}
export type Listing = Awaited<ReturnType<typeof listing>>;
export type CountedListing = Listing & { total: number };

async function listing(ctx: Ctx, viewer: Viewer, q: ListQuery) {
  let scope: Partial<repo.ProductQuery>;
  if (q.mine) {
    const unitIds = await producers.unitIdsOfMember(ctx.db, requireUser(viewer).id);
    scope = { unitIds, statuses: q.status ? [q.status] : undefined };
  } else if (q.queue) {
    requireUser(viewer, 'reviewer', 'admin');
    scope = { queue: true };
  } else {
    scope = {
      statuses: q.status && PUBLIC_STATUSES.includes(q.status) ? [q.status] : ['approved'],
      uncounted: Boolean(q.q),
    };
  }
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const res = await repo.list(ctx.db, { ...q, ...scope, after });
  const priv = q.mine || q.queue;
  const last = res.rows.at(-1);
  return {
    items: res.rows.map((r) => ({ ...(priv ? r.product : publicView(r.product)), producer: r.producer })),
    total: res.total,
    nextCursor: res.hasMore && last ? encodeCursor(last.sortKey, last.product.id) : null,
  };
}

/** Approved products by id, as the public sees them, in the order given. */
export async function publicByIds(ctx: Ctx, ids: readonly string[]) {
  return (await repo.approvedByIds(ctx.db, ids)).map((r) => ({
    ...publicView(r.product),
    producer: r.producer,
  }));
}

export const allForReplay = (ctx: Ctx) => repo.all(ctx.db);

/** How many products each of these units has, in any state (the demo load takes up where it stopped). */
export const countsByUnit = (ctx: Ctx, producerIds: readonly string[]) =>
  repo.countsByUnit(ctx.db, producerIds);

/**
 * A product's history. The public sees every event with its time and log entry, and the reasons of
 * decisions taken while the registration was public; owners and reviewers see all of it.
 */
export async function history(ctx: Ctx, viewer: Viewer, idOrNumber: string) {
  const { product, private: full } = await get(ctx, viewer, idOrNumber);
  const events = await ledger.history(ctx.db, 'product', product.id);
  let status: Status = 'draft';
  return events.map((e) => {
    status = (e.after.status as Status | undefined) ?? status;
    return {
      seq: e.seq,
      type: e.type,
      at: e.at,
      actorRole: e.actorRole,
      // About a proposed change of an approved registration, which stays as it was, not about the registration.
      revision: 'revision' in e.after && !('status' in e.after),
      reason: full || PUBLIC_STATUSES.includes(status) ? e.reason : null,
      logIndex: e.logIndex,
      ...(full ? { changes: { before: e.before, after: e.after } } : {}),
    };
  });
}

/** How much of the economy the approved products cover: distinct HS chapters and producers' provinces. */
export const coverage = (ctx: Ctx) => repo.coverage(ctx.db);

/** A public product as the search index keeps it, with its unit. */
export type IndexedProduct = repo.IndexedProduct<producers.IndexedProducer>;

/**
 * One batch of the public catalog for the search index, after the product `after`, in the order it
 * is built in (see repo.publicBatch). `known` carries the units read so far from one batch to the
 * next: each unit is read once and shared by its products.
 */
export async function indexBatch(
  ctx: Ctx,
  after: IndexedProduct | null,
  limit: number,
  known: Map<string, producers.IndexedProducer>,
): Promise<IndexedProduct[]> {
  const rows = await repo.publicBatch(
    ctx.db,
    after && { tariffCode: after.tariffCode, producerId: after.producer.id, id: after.id },
    limit,
  );
  return withUnits(ctx, rows, known);
}

/** For the search index: the public ones among these products, and the public products of these units. */
export async function indexedOf(ctx: Ctx, productIds: readonly string[], producerIds: readonly string[]) {
  return withUnits(ctx, await repo.publicOf(ctx.db, productIds, producerIds));
}

async function withUnits(
  ctx: Ctx,
  rows: repo.IndexRow[],
  known = new Map<string, producers.IndexedProducer>(),
): Promise<IndexedProduct[]> {
  const missing = rows.filter((r) => !known.has(r.producer_id)).map((r) => r.producer_id);
  for (const [id, unit] of await producers.indexedByIds(ctx.db, missing)) known.set(id, unit);
  return rows.flatMap((r) => {
    const unit = known.get(r.producer_id);
    return unit ? [repo.indexedOf(r, unit)] : [];
  });
}

/** Every industry of a kind that has approved products, with its products and producers counted. */
export const industries = (ctx: Ctx, kind: Industry['kind']) => repo.industries(ctx.db, kind);

/** One industry's figures: totals, declared capacity per measurement unit, and the split by province. */
export const industryFigures = (ctx: Ctx, industry: Industry) => repo.industryFigures(ctx.db, industry);

/** The ids of the newest approved products of an industry. */
export const newestIn = (ctx: Ctx, industry: Industry, limit: number) =>
  repo.newestIn(ctx.db, industry, limit);

/** Approved products whose tariff code starts with `prefix` but not with `narrower`, in tariff order. */
export const byTariffPrefix = (ctx: Ctx, prefix: string, narrower: string | null, limit: number) =>
  repo.byTariffPrefix(ctx.db, prefix, narrower, limit);

/** The most common tariff codes among these products, most frequent first. */
export const commonTariffCodes = (ctx: Ctx, ids: readonly string[]) => repo.commonTariffCodes(ctx.db, ids);

/** How many registrations are in force (approved): a yearly audit's population. `db` may be the caller's transaction. */
export const countInForce = (db: Kysely<DB>) => repo.countInStatuses(db, ['approved']);

/** `size` registrations in force, drawn at random: a yearly audit's sample. `db` may be the caller's transaction. */
export const drawInForce = (db: Kysely<DB>, size: number) => repo.randomIdsInStatuses(db, ['approved'], size);

export type { NamedProduct } from './repo.ts';

/** These products, in any state, as a ministry's list names them (names, registration number, state, unit), by id. */
export const namedByIds = (db: Kysely<DB>, ids: readonly string[]) => repo.namedByIds(db, ids);

/** The public products after an id, in id order, a page at a time (the open-data file of products). */
export const publicPage = (db: Kysely<DB>, afterId: string, limit: number) =>
  repo.pageInStatuses(db, PUBLIC_STATUSES, afterId, limit);

/** Of these ids, those of products the public may see now. */
export const publicAmong = (db: Kysely<DB>, ids: readonly string[]) =>
  repo.idsInStatuses(db, ids, PUBLIC_STATUSES);

/** The registration number of each of these products that has one, by id. */
export const registrationNumbersOf = (db: Kysely<DB>, ids: readonly string[]) =>
  repo.registrationNumbersOf(db, ids);
