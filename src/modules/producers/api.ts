import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../context.ts';
import { STATUSES } from '../../domain/workflow.ts';
import { queryInteger } from '../../http/fields.ts';
import { idempotencyKey, json, jsonBody, problems, router, secured } from '../../http/router.ts';
import { email, UserOut } from '../accounts/schema.ts';
import { DecisionInput } from '../review/schema.ts';
import { NewProducer, ProducerOut, ProducerPatch } from './schema.ts';
import * as producers from './service.ts';

const Id = z.object({ id: z.uuid({ error: 'field.invalid' }) });
const ListQuery = z.object({
  mine: z.stringbool().optional().openapi({ description: 'Units the account belongs to, in every state' }),
  queue: z.stringbool().optional().openapi({ description: 'Reviewers: units awaiting review, oldest first' }),
  status: z.enum(STATUSES).optional(),
  province: z.string().optional(),
  limit: queryInteger(1, 200).default(50),
  offset: queryInteger(0).default(0),
});

export function producersApi(deps: Deps) {
  const app = router();
  const tags = ['Production units'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/producers',
      tags,
      summary: 'Register a production unit (a draft)',
      ...secured,
      request: { body: jsonBody(NewProducer), headers: idempotencyKey },
      responses: {
        201: json(ProducerOut, 'The new unit'),
        200: json(ProducerOut, 'The unit an earlier request with the same Idempotency-Key made'),
        ...problems(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const { made, earlier } = await producers.registerOnce(
        deps,
        c.get('user'),
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      const unit = producers.publicView(made ?? earlier);
      c.header('location', `/api/v1/producers/${unit.id}`);
      return c.json(unit, made ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/producers',
      tags,
      summary: 'Approved units (public), your own (mine=true) or the review queue (queue=true)',
      request: { query: ListQuery },
      responses: {
        200: json(z.object({ items: z.array(ProducerOut), total: z.number().int() }), 'A page of units'),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const res = await producers.list(deps, c.get('user'), c.req.valid('query'));
      return c.json({ items: res.items.map(producers.publicView), total: res.total }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/producers/{id}',
      tags,
      summary: 'One unit',
      request: { params: Id },
      responses: { 200: json(ProducerOut, 'The unit'), ...problems(404) },
    }),
    async (c) =>
      c.json(producers.publicView(await producers.get(deps, c.get('user'), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/producers/{id}',
      tags,
      summary: 'Edit a unit, naming the version you read',
      ...secured,
      request: { params: Id, body: jsonBody(ProducerPatch) },
      responses: { 200: json(ProducerOut, 'The unit'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        producers.publicView(
          await producers.update(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/producers/{id}/submit',
      tags,
      summary: 'Submit a unit for its identity check',
      ...secured,
      request: { params: Id },
      responses: { 200: json(ProducerOut, 'The unit'), ...problems(401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        producers.publicView(await producers.move(deps, c.get('user'), c.req.valid('param').id, 'submit')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/producers/{id}/decisions',
      tags,
      summary: 'A reviewer decides on a unit, with a reason where one is required',
      ...secured,
      request: { params: Id, body: jsonBody(DecisionInput) },
      responses: { 200: json(ProducerOut, 'The unit'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { decision, reason } = c.req.valid('json');
      return c.json(
        producers.publicView(
          await producers.move(deps, c.get('user'), c.req.valid('param').id, decision, reason ?? null),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/producers/{id}/members',
      tags,
      summary:
        'Make a producer account a member of the unit (by a member or an admin); reviewer and admin accounts cannot be members',
      ...secured,
      request: { params: Id, body: jsonBody(z.object({ email }).openapi('NewMember')) },
      responses: { 201: json(UserOut, 'The new member'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const m = await producers.addMember(
        deps,
        c.get('user'),
        c.req.valid('param').id,
        c.req.valid('json').email,
      );
      return c.json({ id: m.id, email: m.email, name: m.name, role: m.role }, 201);
    },
  );

  return app;
}
