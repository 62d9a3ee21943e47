import { z } from '@hono/zod-openapi';
import { DECISIONS } from '../../domain/workflow.ts';
import { queryInteger, reason } from '../../http/fields.ts';
import { ProducerOut } from '../producers/schema.ts';
import { Cursor, ProductOut } from '../products/schema.ts';

export const DecisionInput = z
  .object({
    decision: z.enum(DECISIONS, { error: 'field.choice' }),
    reason: reason.openapi({
      description:
        'Required to reject, ask for changes, suspend or revoke; public once the registration is public',
    }),
  })
  .openapi('Decision');

/** The two kinds of submission the queue holds. */
export const KINDS = ['units', 'products'] as const;
export type Kind = (typeof KINDS)[number];

/** The review queue's filters and pages, as the /review page offers them. */
export const QueueQuery = z.object({
  kind: z
    .enum(KINDS, { error: 'field.choice' })
    .optional()
    .openapi({ description: 'Only production units or only products; both when absent' }),
  province: z
    .string()
    .regex(/^IR-\d{2}$/, { error: 'field.invalid' })
    .optional()
    .openapi({ description: 'Units and products of a province', example: 'IR-04' }),
  chapter: z
    .string()
    .regex(/^\d{2}$/, { error: 'field.invalid' })
    .optional()
    .openapi({ description: 'Products of an HS chapter, two digits' }),
  limit: queryInteger(1, 100).default(25).openapi({ description: 'Of each kind' }),
  unitsOffset: queryInteger(0)
    .default(0)
    .openapi({ description: "Where the page of units starts: the page before's `units.nextOffset`" }),
  cursor: Cursor.openapi({
    description: "Where the page of products starts: the page before's `products.nextCursor`",
  }),
});

const ReviewProduct = ProductOut.extend({
  unitPending: z.boolean().openapi({
    description:
      'Its unit is not approved yet (asked for the units of first submissions): it cannot be approved before its unit',
  }),
}).openapi('QueuedProduct');

export const QueueOut = z
  .object({
    units: z
      .object({
        items: z.array(ProducerOut),
        total: z.number().int(),
        nextOffset: z.number().int().nullable(),
      })
      .optional()
      .openapi({ description: 'Units awaiting review, oldest first; absent when kind=products' }),
    products: z
      .object({
        items: z.array(ReviewProduct),
        total: z.number().int(),
        nextCursor: z.string().nullable(),
      })
      .optional()
      .openapi({
        description: 'Products and proposed changes awaiting review, oldest first; absent when kind=units',
      }),
  })
  .openapi('ReviewQueue');

const Resubmission = z
  .object({
    event: z
      .enum(['changes_requested', 'rejected'])
      .openapi({ description: 'The decision that sent it back' }),
    at: z.string(),
    reason: z.string().nullable().openapi({ description: 'The reason the reviewer gave then' }),
    changedSince: z
      .array(z.string())
      .openapi({ description: 'The fields that differ from what was sent back, in the order of the form' }),
  })
  .nullable()
  .openapi('Resubmission', {
    description:
      'A submission sent again after a decision sent it back: that decision and what changed since; null for a first submission',
  });

const Allowed = z
  .array(
    z.object({
      decision: z.enum(DECISIONS),
      about: z.enum(['revision', 'registration']).nullable().openapi({
        description:
          'While a proposed change is under review: whether the decision is about the change or about the registration itself',
      }),
      reasonRequired: z.boolean(),
    }),
  )
  .openapi({ description: "The decisions the submission's state allows now, in the order they are offered" });

const lastReason = z
  .string()
  .nullable()
  .openapi({ description: 'The reason of the last decision, while no decision is awaited' });
const awaiting = z.boolean().openapi({ description: 'A decision is awaited' });

export const ProductReviewOut = z
  .object({
    product: ProductOut,
    unit: ProducerOut,
    awaiting,
    lastReason,
    resubmission: Resubmission,
    revisionChanges: z
      .array(z.string())
      .openapi({ description: 'The fields the proposed change would change; empty without one' }),
    proposedValueAdded: z.number().nullable().openapi({
      description: 'The domestic value added (%) the proposed change would give; null without one',
    }),
    unitPending: z.boolean().openapi({
      description:
        "A first submission whose unit is not approved yet: 'approve' waits for the unit's approval",
    }),
    decisions: Allowed,
    auditYear: z.number().int().nullable().openapi({
      description: 'The Iranian year of an audit sample in which this registration awaits its audit',
    }),
  })
  .openapi('ProductReview');

export const UnitReviewOut = z
  .object({ unit: ProducerOut, awaiting, lastReason, resubmission: Resubmission, decisions: Allowed })
  .openapi('UnitReview');
