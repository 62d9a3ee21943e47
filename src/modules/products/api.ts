import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../context.ts';
import { formatRegistrationNumber } from '../../domain/identifiers.ts';
import { fail } from '../../errors.ts';
import { idempotencyKey, json, jsonBody, problems, router, secured } from '../../http/router.ts';
import { DecisionInput } from '../review/schema.ts';
import { NewProduct, ProductOut, ProductPatch } from './schema.ts';
import * as products from './service.ts';

const Id = z.object({ id: z.uuid({ error: 'field.invalid' }) });
const IdOrNumber = z.object({
  id: z.string().openapi({
    description: 'The product id or its registration number',
    example: formatRegistrationNumber(1405, 42),
  }),
});
const HistoryOut = z.object({
  items: z.array(
    z.object({
      seq: z.number().int(),
      type: z.string(),
      at: z.string(),
      actorRole: z.string(),
      revision: z.boolean().openapi({
        description:
          'The event concerns a proposed change of an approved registration (which stays as it was), not the registration itself',
      }),
      reason: z.string().nullable(),
      logIndex: z.number().int().nullable(),
      changes: z
        .object({ before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()) })
        .optional(),
    }),
  ),
});
const DocumentOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export function productsApi(deps: Deps) {
  const app = router();
  const tags = ['Products'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/products',
      tags,
      summary: 'Draft a product of one of your units',
      ...secured,
      request: { body: jsonBody(NewProduct), headers: idempotencyKey },
      responses: {
        201: json(ProductOut, 'The draft'),
        200: json(ProductOut, 'The draft an earlier request with the same Idempotency-Key made'),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const { made, earlier } = await products.createOnce(
        deps,
        c.get('user'),
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      const draft = made ?? earlier;
      c.header('location', `/api/v1/products/${draft.id}`);
      return made ? c.json(made, 201) : c.json(draft, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/products/{id}',
      tags,
      summary: 'One product, by id or registration number',
      request: { params: IdOrNumber },
      responses: { 200: json(ProductOut, 'The product'), ...problems(404) },
    }),
    async (c) => {
      const { product } = await products.get(deps, c.get('user'), c.req.valid('param').id);
      return c.json(product, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/products/{id}',
      tags,
      summary: 'Edit a draft, or propose a revision of an approved product; name the version you read',
      ...secured,
      request: { params: Id, body: jsonBody(ProductPatch) },
      responses: { 200: json(ProductOut, 'The product'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await products.update(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  for (const [action, summary] of [
    ['submit', 'Submit a draft or a revision for review'],
    ['renew', 'Renew a registration to the end of the next Iranian year'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/products/{id}/${action}`,
        tags,
        summary,
        ...secured,
        request: { params: Id },
        responses: { 200: json(ProductOut, 'The product'), ...problems(401, 403, 404, 409) },
      }),
      async (c) => c.json(await products.move(deps, c.get('user'), c.req.valid('param').id, action), 200),
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/products/{id}/decisions',
      tags,
      summary: 'A reviewer decides, with a reason where one is required',
      ...secured,
      request: { params: Id, body: jsonBody(DecisionInput) },
      responses: { 200: json(ProductOut, 'The product'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { decision, reason } = c.req.valid('json');
      return c.json(
        await products.move(deps, c.get('user'), c.req.valid('param').id, decision, reason ?? null),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/products/{id}/history',
      tags,
      summary: "The product's events, each with its transparency-log index",
      request: { params: IdOrNumber },
      responses: { 200: json(HistoryOut, 'Events, oldest first'), ...problems(404) },
    }),
    async (c) => c.json({ items: await products.history(deps, c.get('user'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/products/{id}/documents',
      tags,
      summary:
        "Upload a compliance document (PDF, PNG, JPEG or WebP, up to 10 MB; at most 20 a product); its unit's members only",
      ...secured,
      request: {
        params: Id,
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
        },
      },
      responses: { 201: json(DocumentOut, 'Stored'), ...problems(400, 401, 404, 413, 415) },
    }),
    async (c) => {
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File))
        return fail('validation', { fields: [{ field: 'file', key: 'field.required' }] });
      const doc = await products.addDocument(deps, c.get('user'), c.req.valid('param').id, {
        name: file.name,
        content: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json(
        {
          id: doc.id,
          fileName: doc.file_name,
          mediaType: doc.media_type,
          size: doc.size,
          uploadedAt: doc.uploaded_at.toISOString(),
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/products/{id}/documents',
      tags,
      summary: 'Compliance documents of a product; owners and reviewers only',
      ...secured,
      request: { params: Id },
      responses: { 200: json(z.object({ items: z.array(DocumentOut) }), 'Documents'), ...problems(401, 404) },
    }),
    async (c) => {
      const rows = await products.listDocuments(deps, c.get('user'), c.req.valid('param').id);
      return c.json(
        {
          items: rows.map((d) => ({
            id: d.id,
            fileName: d.file_name,
            mediaType: d.media_type,
            size: d.size,
            uploadedAt: d.uploaded_at.toISOString(),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/products/{id}/documents/{documentId}',
      tags,
      summary:
        "Remove a document uploaded by mistake, while the product is a draft or sent back for changes; its unit's members only",
      ...secured,
      request: { params: Id.extend({ documentId: z.uuid() }) },
      responses: { 204: { description: 'Removed' }, ...problems(401, 404, 409) },
    }),
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      await products.removeDocument(deps, c.get('user'), id, documentId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/products/{id}/documents/{documentId}',
      tags,
      summary: 'Download a compliance document',
      ...secured,
      request: { params: Id.extend({ documentId: z.uuid() }) },
      responses: { 200: { description: 'The file' }, ...problems(401, 404) },
    }),
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      const doc = await products.getDocument(deps, c.get('user'), id, documentId);
      return c.body(new Uint8Array(doc.content), 200, {
        'content-type': doc.media_type,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.file_name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
    },
  );

  return app;
}
