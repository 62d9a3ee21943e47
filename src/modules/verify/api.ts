import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../context.ts';
import { json, router } from '../../http/router.ts';
import { t } from '../../i18n/index.ts';
import { type Verification, verify } from './service.ts';

export const VerifyOut = z
  .object({
    result: z.enum(['approved', 'suspended', 'revoked', 'expired', 'not_found', 'mistyped', 'malformed']),
    registrationNumber: z.string().optional(),
    product: z
      .object({
        id: z.uuid(),
        nameFa: z.string(),
        nameEn: z.string(),
        tariffCode: z.string(),
        brand: z.string(),
        model: z.string(),
      })
      .optional(),
    producer: z
      .object({
        id: z.uuid(),
        nameFa: z.string(),
        nameEn: z.string(),
        province: z.string(),
        nationalId: z.string(),
      })
      .optional(),
    registeredAt: z.string().nullable().optional(),
    validUntil: z.string().nullable().optional(),
    reason: z.string().nullable().optional(),
    message: z.object({ fa: z.string(), en: z.string() }),
  })
  .openapi('Verification');

export function verifyApi(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/verify/{number}',
      tags: ['Verification'],
      summary: 'Verify a registration number: status, validity and producer, in Persian and English',
      request: { params: z.object({ number: z.string().max(40) }) },
      responses: { 200: json(VerifyOut, 'The answer (also for unknown or mistyped numbers)') },
    }),
    async (c) => {
      const v = await verify(deps, c.req.valid('param').number);
      return c.json({ ...v, message: messageOf(v) }, 200);
    },
  );

  return app;
}

/** The verdict in both languages, for a client to show as it is. */
function messageOf(v: Verification): { fa: string; en: string } {
  return { fa: t('fa', `verify.${v.result}`), en: t('en', `verify.${v.result}`) };
}
