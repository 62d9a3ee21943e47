import { z } from '@hono/zod-openapi';
import { DECISIONS } from '../../domain/workflow.ts';
import { reason } from '../../http/fields.ts';

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
