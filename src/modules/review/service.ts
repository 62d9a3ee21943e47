/**
 * Review: the ministry's queue of submissions, and what a reviewer is shown of each (the previous
 * reason, what changed since, the decisions its state allows) before deciding. The units and products
 * themselves, and the moves of their state machine, belong to their modules: review asks their services.
 */
import type { Ctx, User, Viewer } from '../../context.ts';
import type { Snapshot } from '../../domain/history.ts';
import { valueAddedPercent } from '../../domain/registration.ts';
import { changedFields, decisionGroups, decisionsFrom, resubmissionOf } from '../../domain/review.ts';
import { type Decision, moveOf } from '../../domain/workflow.ts';
import { requireUser } from '../accounts/service.ts';
import * as audit from '../audit/service.ts';
import { UNIT_FIELDS } from '../producers/schema.ts';
import * as producers from '../producers/service.ts';
import { PRODUCT_FIELDS } from '../products/schema.ts';
import * as products from '../products/service.ts';
import type { Kind } from './schema.ts';

export interface QueueQuery {
  /** Only one kind of submission; both when absent. */
  kind?: Kind;
  /** Products of an HS chapter. */
  chapter?: string;
  province?: string;
  limit: number;
  /** Where the page of units starts. */
  unitsOffset: number;
  /** Where the page of products starts: the `nextCursor` of the page before. */
  cursor?: string;
}

/**
 * The ids of the units of first submissions on this page that are not approved yet: such a product cannot
 * be approved before its unit. A revision's product is registered already, so its unit is not asked.
 */
async function pendingUnitsOf(ctx: Ctx, user: User, page: products.CountedListing) {
  const ids = [...new Set(page.items.filter((p) => !p.revision).map((p) => p.producerId))];
  const units = await Promise.all(ids.map((id) => producers.get(ctx, user, id)));
  return new Set(units.filter((u) => u.status !== 'approved').map((u) => u.id));
}

/**
 * A page of the units and one of the products awaiting review, oldest first (only those of `kind` when
 * it is given), each product marked when its unit is not approved yet.
 */
export async function queue(ctx: Ctx, viewer: Viewer, q: QueueQuery) {
  const user = requireUser(viewer, 'reviewer', 'admin');
  const [units, submitted] = await Promise.all([
    q.kind === 'products'
      ? undefined
      : producers.list(ctx, user, {
          queue: true,
          province: q.province,
          limit: q.limit,
          offset: q.unitsOffset,
        }),
    q.kind === 'units'
      ? undefined
      : products.list(ctx, user, {
          queue: true,
          chapter: q.chapter,
          province: q.province,
          limit: q.limit,
          cursor: q.cursor,
        }),
  ]);
  const pending = submitted ? await pendingUnitsOf(ctx, user, submitted) : new Set<string>();
  return {
    units: units && {
      ...units,
      nextOffset:
        q.unitsOffset + units.items.length < units.total ? q.unitsOffset + units.items.length : null,
    },
    products: submitted && {
      ...submitted,
      items: submitted.items.map((p) => ({ ...p, unitPending: pending.has(p.producerId) })),
    },
  };
}

/** When a submission or a proposed change is submitted: the queue's order. */
export const submittedAt = (p: products.Product) => p.revision?.submittedAt ?? p.submittedAt;

/**
 * The decisions offered, in groups: with a proposed change under review, those about it and then those
 * about the registration (`about`); else one group. Each says whether it needs a reason.
 */
const offered = (allowed: readonly Decision[], revision: boolean) =>
  decisionGroups(allowed, revision).map((g) => ({
    about: g.about ?? null,
    decisions: g.decisions.map((decision) => ({
      decision,
      reasonRequired: moveOf(decision).reason === 'required',
    })),
  }));

/**
 * What a reviewer is shown of a product: the product and its unit, whether a decision is awaited (on the
 * product or on a proposed change of it), the reason of the last decision when none is, what a submission
 * sent again answers, the fields a proposed change changes and the value added it gives, whether its unit
 * still waits for approval, the decisions allowed, the documents, and the year of an audit it awaits.
 */
export async function productReview(ctx: Ctx, viewer: Viewer, id: string) {
  const user = requireUser(viewer, 'reviewer', 'admin');
  const { product: p } = await products.get(ctx, user, id);
  const rev = p.revision;
  const underReview = rev && rev.status !== 'rejected' ? rev.status : undefined;
  const awaiting = (underReview ?? p.status) === 'submitted';
  const [unit, documents, resubmission, auditYears] = await Promise.all([
    producers.get(ctx, user, p.producerId),
    products.listDocuments(ctx, user, p.id),
    awaiting ? productResubmission(ctx, user, p) : undefined,
    audit.pendingYears(ctx, user, p.id),
  ]);
  // The service approves a first registration only for an approved unit; a revision it does not ask.
  const unitPending = awaiting && !underReview && unit.status !== 'approved';
  const allowed = decisionsFrom(p.status, underReview).filter((d) => !(unitPending && d === 'approve'));
  return {
    product: p,
    unit,
    documents,
    awaiting,
    lastReason: awaiting ? null : (rev?.reason ?? p.reason),
    resubmission: resubmission ?? null,
    revisionChanges: rev ? changedFields(PRODUCT_FIELDS, { ...p }, { ...rev.fields }) : [],
    proposedValueAdded: rev
      ? valueAddedPercent(rev.fields.exWorksPrice, rev.fields.importedInputsCost)
      : null,
    unitPending,
    decisions: offered(allowed, !!underReview),
    auditYear: auditYears[0] ?? null,
  };
}

/** A product's resubmission: a proposed change is compared with the change sent back, not the registration. */
async function productResubmission(ctx: Ctx, user: User, p: products.Product) {
  const events = await products.history(ctx, user, p.id);
  return resubmissionOf(
    events.map((e) => ({ ...e, after: e.changes?.after ?? {} })),
    PRODUCT_FIELDS,
    p.revision ? { ...p.revision.fields } : { ...p },
    p.revision ? (state) => (state.revision as Snapshot | null)?.fields as Snapshot | undefined : undefined,
  );
}

/**
 * What a reviewer is shown of a production unit: the unit, whether a decision is awaited, the reason of
 * the last decision when none is, what a submission sent again answers, and the decisions allowed.
 */
export async function unitReview(ctx: Ctx, viewer: Viewer, id: string) {
  const user = requireUser(viewer, 'reviewer', 'admin');
  const unit = await producers.get(ctx, user, id);
  const awaiting = unit.status === 'submitted';
  const resubmission = awaiting
    ? resubmissionOf(await producers.history(ctx, user, unit.id), UNIT_FIELDS, { ...unit })
    : undefined;
  return {
    unit,
    awaiting,
    lastReason: awaiting ? null : unit.reason,
    resubmission: resubmission ?? null,
    decisions: offered(decisionsFrom(unit.status), false),
  };
}

/** A reviewer's decision on a unit or a product (or its proposed change): a move of its state machine. */
export function decide(
  ctx: Ctx,
  viewer: Viewer,
  kind: Kind,
  id: string,
  decision: Decision,
  reason: string | null,
): Promise<unknown> {
  return kind === 'products'
    ? products.move(ctx, viewer, id, decision, reason)
    : producers.move(ctx, viewer, id, decision, reason);
}
