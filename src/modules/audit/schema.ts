import { z } from '@hono/zod-openapi';
import { OUTCOMES } from '../../domain/audit.ts';
import { REASON_MAX } from '../../http/fields.ts';

export const AuditInput = z.object({
  outcome: z.enum(OUTCOMES, { error: 'field.choice' }),
  note: z.string().trim().max(REASON_MAX, { error: 'field.too_long' }).optional(),
});
export type AuditInput = z.infer<typeof AuditInput>;
