import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/workflow.ts';
import { missingOr, queryInteger } from '../../http/fields.ts';

export const email = z
  .string({ error: missingOr('field.invalid') })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'field.email' }).max(254, { error: 'field.email' }))
  .openapi({ example: 'producer@example.ir' });
export const password = z
  .string({ error: missingOr('field.invalid') })
  .min(10, { error: 'field.password' })
  .max(200, { error: 'field.too_long' })
  .openapi({ example: 'a long secret phrase' });
export const personName = z
  .string({ error: missingOr('field.invalid') })
  .trim()
  .min(2, { error: 'field.too_short' })
  .max(200, { error: 'field.too_long' });

export const SignupInput = z.object({ email, password, name: personName }).openapi('SignupInput');
export const LoginInput = z
  .object({
    email,
    password: z
      .string({ error: missingOr('field.invalid') })
      .min(1, { error: 'field.required' })
      .max(200),
  })
  .openapi('LoginInput');
export const NewUserInput = z
  .object({ email, password, name: personName, role: z.enum(ROLES, { error: 'field.choice' }) })
  .openapi('NewUserInput');
export const NewTokenInput = z
  .object({ name: z.string().trim().min(1, { error: 'field.required' }).max(100).default('API token') })
  .openapi('NewTokenInput');
export const ChangePasswordInput = z
  .object({
    currentPassword: z.string({ error: missingOr('field.invalid') }).min(1, { error: 'field.required' }),
    newPassword: password,
  })
  .openapi('ChangePasswordInput');

export const UserOut = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
  })
  .openapi('User');
export const AccountOut = UserOut.extend({
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
}).openapi('Account');
export const RoleInput = z.object({ role: z.enum(ROLES, { error: 'field.choice' }) }).openapi('RoleInput');
export const AccountQuery = z.object({
  q: z.string().trim().max(200).optional().openapi({ description: 'Part of the email or the name' }),
  role: z.enum(ROLES, { error: 'field.choice' }).optional(),
  limit: queryInteger(1, 200).default(50),
  offset: queryInteger(0).default(0),
});
export const TokenOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');
export const NewTokenOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    token: z.string().openapi({ description: 'Shown once; keep it safe' }),
  })
  .openapi('NewApiToken');

export type SignupInput = z.infer<typeof SignupInput>;
export type NewUserInput = z.infer<typeof NewUserInput>;
