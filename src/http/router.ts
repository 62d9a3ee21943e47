import { OpenAPIHono, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import { fieldErrors } from '../validation.ts';
import type { Env } from './context.ts';

/** A router whose request validation answers with the registry's own problem details. */
export function router() {
  return new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success)
        throw new AppError('validation', { fields: fieldErrors(result.error as z.ZodError) });
    },
  });
}

export const Problem = z
  .object({
    type: z.string().openapi({ example: '/problems/validation' }),
    title: z.string().openapi({ description: "In the request's language (Accept-Language: fa or en)" }),
    status: z.number().int(),
    code: z.string(),
    missing: z.string().optional().openapi({ description: 'What the caller lacks (401, 403)' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: Problem } };
const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid fields',
  401: 'Not logged in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict: duplicate, stale version or a state that has moved on',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many attempts: wait the seconds Retry-After says',
};

export const problems = (...statuses: (keyof typeof DESCRIPTIONS)[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: DESCRIPTIONS[s] ?? 'Error', content: problemContent }]),
  );

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * For routes that need an account: documents the schemes, and answers 401 before the body is even
 * validated, so an anonymous caller learns nothing about the fields.
 */
export const secured = {
  security: [{ session: [] }, { bearer: [] }] as Record<string, string[]>[],
  middleware: [
    createMiddleware<Env>(async (c, next) => {
      if (!c.get('user')) throw new AppError('unauthenticated', { missing: { key: 'missing.login' } });
      await next();
    }),
  ],
};

/**
 * The Idempotency-Key request header of a create (ADR 0009): the same key from the same account within
 * a day gives back what the first request made, with 200 instead of 201, and makes nothing new.
 */
export const idempotencyKey = z.object({
  'idempotency-key': z
    .string()
    .min(8, { error: 'field.too_short' })
    .max(200, { error: 'field.too_long' })
    .optional()
    .openapi({
      description:
        'Any unique text of 8 to 200 characters, such as a UUID. Sent again by the same account within 24 hours, the request makes nothing new and answers 200 with what the first one made.',
      example: '0f8a4c1e-5b7d-4d7a-9c1e-2a3b4c5d6e7f',
    }),
});
