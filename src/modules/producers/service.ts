import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Ctx, isMinistry, type User, type Viewer } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB } from '../../db/schema.ts';
import { canonicalJson } from '../../domain/tlog/jcs.ts';
import { type Decision, PUBLIC_STATUSES, type Status } from '../../domain/workflow.ts';
import { fail } from '../../errors.ts';
import { findByEmail, requireUser } from '../accounts/service.ts';
import { once } from '../idempotency/service.ts';
import { assertMove, commit, history as eventsOf } from '../ledger/service.ts';
import type { Producer } from './repo.ts';
import * as repo from './repo.ts';
import type { ProducerFields, ProducerPatch } from './schema.ts';

export type { Producer };

const duplicateNationalId = () =>
  fail('duplicate', { fields: [{ field: 'nationalId', key: 'field.national_id_taken' }] });

/** Fields of an approved unit that its staff may change without a new review. */
const CONTACT_FIELDS = ['address', 'phone', 'website'] as const;

/** Whether the viewer belongs to the unit; `db` may be the caller's transaction. */
export async function isMemberOf(db: Kysely<DB>, producerId: string, viewer: Viewer) {
  return !!viewer && repo.isMember(db, producerId, viewer.id);
}

/** Whether the registry has any production unit yet (an empty one gets the demo catalog). */
export const anyRegistered = (db: Kysely<DB>) => repo.exists(db);

export async function statusOf(db: Kysely<DB>, producerId: string): Promise<Status | undefined> {
  return (await repo.find(db, producerId))?.status;
}

export async function register(ctx: Ctx, viewer: Viewer, fields: ProducerFields): Promise<Producer> {
  const user = requireUser(viewer);
  return ctx.db.transaction().execute((tx) => registerIn({ ...ctx, db: tx }, user, fields));
}

/** A new draft unit made once per key (ADR 0009): the same form or request sent again gives back the first. */
export function registerOnce(ctx: Ctx, viewer: Viewer, fields: ProducerFields, key?: string) {
  const user = requireUser(viewer);
  return once(
    ctx,
    { userId: user.id, kind: 'producer', key },
    (tx) => registerIn(tx, user, fields),
    (id) => get(ctx, user, id),
  );
}

/** A new draft unit, in the caller's transaction (`tx.db`), so that a bulk import can commit many in one. */
export async function registerIn(tx: Ctx, viewer: User, fields: ProducerFields): Promise<Producer> {
  const user = requireUser(viewer, 'producer', 'admin');
  const now = tx.now().toISOString();
  const id = randomUUID();
  const next: Omit<Producer, 'version'> = {
    id,
    ownerId: user.id,
    status: 'draft',
    ...fields,
    address: fields.address ?? null,
    phone: fields.phone ?? null,
    website: fields.website ?? null,
    reason: null,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    approvedAt: null,
  };
  try {
    return await commit<Producer>(tx.db, {
      kind: 'producer',
      before: null,
      next,
      type: 'created',
      actor: { id: user.id, role: user.role },
      reason: null,
      at: tx.now(),
      registrationNumber: null,
      publicReason: false,
      save: async (s) => {
        await repo.insert(tx.db, s);
        await repo.addMember(tx.db, id, user.id);
        return true;
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) duplicateNationalId();
    throw err;
  }
}

/** A unit's events with their changes, oldest first, for those who may see the unit whole. */
export async function history(ctx: Ctx, viewer: Viewer, id: string) {
  const user = requireUser(viewer);
  const unit = await get(ctx, user, id);
  if (!isMinistry(user) && !(await isMemberOf(ctx.db, id, user))) return fail('not_found');
  return eventsOf(ctx.db, 'producer', unit.id);
}

/** A unit as the viewer may see it: the public sees approved units only. */
export async function get(ctx: Ctx, viewer: Viewer, id: string): Promise<Producer> {
  const p = await repo.find(ctx.db, id);
  if (!p) return fail('not_found');
  if (PUBLIC_STATUSES.includes(p.status) || isMinistry(viewer) || (await isMemberOf(ctx.db, id, viewer)))
    return p;
  return fail('not_found');
}

export async function update(ctx: Ctx, viewer: Viewer, id: string, patch: ProducerPatch): Promise<Producer> {
  const user = requireUser(viewer);
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const found = await repo.findForChange(tx, id, user.id);
      if (!found) return fail('not_found');
      const { producer: before, isMember } = found;
      if (!isMember)
        return fail(isMinistry(user) ? 'forbidden' : 'not_found', { missing: { key: 'missing.membership' } });
      if (patch.version !== before.version)
        return fail('stale_version', { extra: { currentVersion: before.version } });
      const { version: _, ...changes } = patch;
      const onlyContact = Object.keys(changes).every((k) =>
        (CONTACT_FIELDS as readonly string[]).includes(k),
      );
      if (!(before.status === 'approved' && onlyContact)) {
        assertMove({ action: 'edit', from: before.status, actor: user.role, isMember });
      }
      // An edit that changes nothing records nothing: no event, no leaf, no new version.
      const changed = Object.entries(changes).some(
        ([k, v]) => canonicalJson(v) !== canonicalJson(before[k as keyof Producer]),
      );
      if (!changed) return before;
      return commit<Producer>(tx, {
        kind: 'producer',
        before,
        next: { ...before, ...changes, updatedAt: ctx.now().toISOString() },
        type: 'edited',
        actor: { id: user.id, role: user.role },
        reason: null,
        at: ctx.now(),
        registrationNumber: null,
        publicReason: false,
        save: (s, v) => repo.save(tx, s, v),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) duplicateNationalId();
    throw err;
  }
}

/** Submitting and every ministry decision: one move of the state machine. */
export async function move(
  ctx: Ctx,
  viewer: Viewer,
  id: string,
  action: 'submit' | Decision,
  reason: string | null = null,
): Promise<Producer> {
  const user = requireUser(viewer);
  return ctx.db.transaction().execute((tx) => moveIn({ ...ctx, db: tx }, user, id, action, reason));
}

/** A move of the state machine in the caller's transaction (`tx.db`). */
export async function moveIn(
  tx: Ctx,
  user: User,
  id: string,
  action: 'submit' | Decision,
  reason: string | null = null,
): Promise<Producer> {
  const found = await repo.findForChange(tx.db, id, user.id);
  if (!found || (!found.isMember && !isMinistry(user))) return fail('not_found');
  const { producer: before, isMember } = found;
  const { move, to } = assertMove({ action, from: before.status, actor: user.role, isMember, reason });
  const at = tx.now();
  const next: Omit<Producer, 'version'> = {
    ...before,
    status: to,
    reason: action === 'submit' ? null : reason,
    updatedAt: at.toISOString(),
    submittedAt: action === 'submit' ? at.toISOString() : before.submittedAt,
    approvedAt: action === 'approve' ? at.toISOString() : before.approvedAt,
  };
  return commit<Producer>(tx.db, {
    kind: 'producer',
    before,
    next,
    type: move.event,
    actor: { id: user.id, role: user.role },
    reason,
    at,
    registrationNumber: null,
    publicReason: PUBLIC_STATUSES.includes(to),
    save: (s, v) => repo.save(tx.db, s, v),
  });
}

export async function list(
  ctx: Ctx,
  viewer: Viewer,
  q: { mine?: boolean; queue?: boolean; status?: Status; province?: string; limit: number; offset: number },
) {
  if (q.mine) {
    const user = requireUser(viewer);
    return repo.list(ctx.db, { ...q, memberId: user.id, statuses: q.status ? [q.status] : undefined });
  }
  if (q.queue) {
    requireUser(viewer, 'reviewer', 'admin');
    return repo.list(ctx.db, { ...q, statuses: ['submitted'], oldestFirst: true });
  }
  const statuses = q.status && PUBLIC_STATUSES.includes(q.status) ? [q.status] : ['approved' as const];
  return repo.list(ctx.db, { ...q, statuses });
}

/** The public part of a unit. */
export function publicView(p: Producer) {
  const { ownerId: _, ...rest } = p;
  return rest;
}

/** A unit's staff or an admin adds an account to the unit's staff. */
export async function addMember(ctx: Ctx, viewer: Viewer, producerId: string, email: string) {
  const user = requireUser(viewer);
  if (!(await repo.find(ctx.db, producerId))) return fail('not_found');
  if (user.role !== 'admin' && !(await repo.isMember(ctx.db, producerId, user.id))) {
    return fail('forbidden', { missing: { key: 'missing.membership' } });
  }
  const member = await findByEmail(ctx, email);
  if (!member) return fail('validation', { fields: [{ field: 'email', key: 'field.no_account' }] });
  // A unit's staff are producer accounts: a reviewer or admin made a member could no longer decide on
  // the unit, so a producer could keep the whole ministry from reviewing it.
  if (member.role !== 'producer')
    return fail('validation', { fields: [{ field: 'email', key: 'field.member_not_producer' }] });
  await repo.addMember(ctx.db, producerId, member.id);
  return member;
}

/** The public summary of a unit shown beside its products. */
export async function summaryOf(db: Kysely<DB>, producerId: string) {
  const p = await repo.find(db, producerId);
  return (
    p && { id: p.id, nameFa: p.nameFa, nameEn: p.nameEn, province: p.province, nationalId: p.nationalId }
  );
}

export const allForReplay = (ctx: Ctx) => repo.all(ctx.db);

/** Of these units, those the account belongs to, with each one's status; `db` may be the caller's transaction. */
export const unitsWithMember = (db: Kysely<DB>, producerIds: readonly string[], userId: string) =>
  repo.unitsWithMember(db, producerIds, userId);

/** The units the account belongs to. */
export const unitIdsOfMember = (db: Kysely<DB>, userId: string) => repo.unitIdsOfMember(db, userId);

export type { IndexedProducer } from './repo.ts';

/** These units as the search index keeps them (their public names, province and activity), by id. */
export const indexedByIds = (db: Kysely<DB>, ids: readonly string[]) => repo.indexedByIds(db, ids);

/** The public units after an id, in id order, a page at a time (the open-data file of units). */
export const publicPage = (db: Kysely<DB>, afterId: string, limit: number) =>
  repo.pageInStatuses(db, PUBLIC_STATUSES, afterId, limit);

/** Of these ids, those of units the public may see now. */
export const publicAmong = (db: Kysely<DB>, ids: readonly string[]) =>
  repo.idsInStatuses(db, ids, PUBLIC_STATUSES);

/** The units' id and public columns, as the relation `unit` that another module's query may join. */
export const unitsToJoin = (db: Kysely<DB>) => repo.unitsToJoin(db);
